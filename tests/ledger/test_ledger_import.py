"""A register computes the tables: template → filled in (openpyxl) → import → --apply →
kit check finds no error, and every computed table adds up by construction."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from ledger_helpers import blank_report, filled

from kit.formats import format_for_year
from kit.ledger.compute import compute
from kit.ledger.workbook import read_register
from kit.params.loader import load_params
from kit.params.writer import save
from kit.rules.validate import check_file

ROOT = Path(__file__).resolve().parents[2]
COUNTY, UNIT, YEAR = "虚构县", "甲镇", 2021

APPLICATIONS = [
    ["A1", date(2020, 12, 20), "自然人", "", "（一）予以公开", date(2021, 1, 10), "否", ""],  # 上年结转
    ["A2", "2021.3.1", "自然人", "", "（二）部分公开", "2021年3月20日", "", ""],
    ["A3", "2021/05/10", "商业企业", "", "本机关不掌握相关政府信息", "20210525", "", ""],  # the result's own words
    ["A4", "２０２１-１２-２０", "自然人", "", None, None, "", ""],  # full-width digits; 结转下年度
    ["A5", date(2021, 6, 1), "自然人", "", "（一）予以公开", date(2021, 8, 2), "否", ""],  # late
    ["A6", date(2021, 9, 28), "自然人", "", "（一）予以公开", date(2021, 10, 29), "否", ""],  # on time by the holidays
    ["A0", date(2020, 5, 1), "自然人", "", "（一）予以公开", date(2020, 6, 1), "否", ""],  # 2020's
]
DOCUMENTS = [
    ["甲政发〔2021〕1号", "某办法", "行政规范性文件", date(2021, 3, 1), None],
    ["甲政发〔2019〕5号", "某规定", "行政规范性文件", date(2019, 1, 1), date(2021, 6, 30)],
    ["甲政发〔2018〕2号", "某细则", "行政规范性文件", date(2018, 1, 1), None],
]
CASES = [
    ["F1", "行政复议", date(2021, 4, 1), "结果维持", date(2021, 6, 1)],
    ["S1", "行政诉讼（未经复议直接起诉）", date(2021, 11, 1), None, None],
]
PUBLISHED = [["某动态", "工作动态", date(2021, 2, 1)], ["某动态", "工作动态", date(2021, 3, 1)],
             ["某通知", "通知公告", date(2021, 5, 1)], ["旧闻", "工作动态", date(2020, 5, 1)]]


@pytest.fixture
def params_dir(tmp_path: Path) -> Path:
    return blank_report(tmp_path / "params", COUNTY, UNIT, YEAR)


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return filled(tmp_path / "台账.xlsx", COUNTY, UNIT, YEAR,
                  {"依申请公开": APPLICATIONS, "文件目录": DOCUMENTS, "复议诉讼": CASES, "主动公开": PUBLISHED},
                  {"行政许可": 12, "行政处罚": 3, "行政事业性收费": 0.5})


def kit(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kit", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_the_tables_computed_from_the_register(register):
    fmt = format_for_year(YEAR)
    computed = compute(read_register(register), fmt, YEAR, today=date(2022, 1, 10))
    apps = computed.tables["applications"]
    assert apps["received"] == {"natural": 4, "commercial": 1}
    assert apps["carried_over"] == {"natural": 1}
    assert apps["disclosed"] == {"natural": 3} and apps["partial"] == {"natural": 1}
    assert apps["unable_not_held"] == {"commercial": 1} and apps["carried_forward"] == {"natural": 1}
    assert computed.tables["proactive"]["normative_documents"] == {"issued": 1, "repealed": 1, "in_force": 2}
    assert computed.tables["proactive"]["licensing"] == {"decisions": 12}
    assert str(computed.tables["proactive"]["fees"]["amount"]) == "0.5"
    assert computed.tables["review_litigation"] == {"review": {"upheld": 1}, "litigation_direct": {"pending": 1}}
    assert computed.breakdown.total == 3 and computed.breakdown.items == {"工作动态": 2, "通知公告": 1}
    # only A5 is late: A6 took 19 working days by the 2021 National Day holidays and 调休 (21 by weekdays)
    late = [p for p in computed.problems if p.rule == "L-LATE"]
    assert [p.line for p in late] == [6] and "超过《条例》第三十三条的 20 个工作日" in late[0].message
    assert not any(p.is_error for p in computed.problems)


def test_preview_then_apply_then_check_is_clean(register, params_dir, tmp_path):
    path = params_dir / COUNTY / UNIT / f"{YEAR}.yaml"
    before = path.read_text(encoding="utf-8")
    preview = kit("ledger", "import", str(register), "--params", str(params_dir), cwd=tmp_path)
    assert preview.returncode == 0, preview.stdout + preview.stderr
    assert "表三 收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量·自然人：0 → 4" in preview.stdout
    assert "未写入" in preview.stdout and path.read_text(encoding="utf-8") == before
    done = kit("ledger", "import", str(register), "--params", str(params_dir), "--apply", cwd=tmp_path)
    assert done.returncode == 0 and "已写入" in done.stdout, done.stdout + done.stderr
    params, problems = check_file(path)
    assert not [p for p in problems if p.is_error], [p.format() for p in problems if p.is_error]
    assert params.value("applications", "total", "total") == 5 and params.value("applications", "carried_forward", "natural") == 1
    for col in params.format.table("applications").row("received").columns:  # 一 + 二 = 三 + 四
        assert (params.value("applications", "received", col.id) + params.value("applications", "carried_over", col.id)
                == params.value("applications", "total", col.id) + params.value("applications", "carried_forward", col.id))
    assert params.breakdown.total == 3
    again = kit("ledger", "import", str(register), "--params", str(params_dir), cwd=tmp_path)
    assert "与台账一致，无需改动" in again.stdout


def test_a_figure_the_clerk_typed_is_kept_unless_asked(register, params_dir, tmp_path):
    path = params_dir / COUNTY / UNIT / f"{YEAR}.yaml"
    params, _ = load_params(path)
    typed = {"applications": {"received": {"natural": 9}}}
    save(replace(params, tables=typed), path)
    done = kit("ledger", "import", str(register), "--params", str(params_dir), "--apply", cwd=tmp_path)
    assert "≠ 表三 收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量·自然人：9 → 4" in done.stdout
    assert "未改动" in done.stdout and "--overwrite" in done.stdout
    assert load_params(path)[0].value("applications", "received", "natural") == 9
    kit("ledger", "import", str(register), "--params", str(params_dir), "--apply", "--overwrite", cwd=tmp_path)
    assert load_params(path)[0].value("applications", "received", "natural") == 4


def test_a_register_with_errors_is_never_applied(params_dir, tmp_path):
    bad = filled(tmp_path / "错.xlsx", COUNTY, UNIT, YEAR,
                 {"依申请公开": [["B1", "2021-02-30", "自然人", "", None, None, "", ""]]})
    path = params_dir / COUNTY / UNIT / f"{YEAR}.yaml"
    before = path.read_text(encoding="utf-8")
    done = kit("ledger", "import", str(bad), "--params", str(params_dir), "--apply", cwd=tmp_path)
    assert done.returncode == 1 and "不是存在的日期" in done.stdout and "未写入" in done.stdout
    assert path.read_text(encoding="utf-8") == before and "Traceback" not in done.stderr
