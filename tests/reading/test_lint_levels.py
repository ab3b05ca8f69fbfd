"""kit lint judges each document by its unit's level: inferred from the title (and printed), or
set with --level. A county government's report published on 3月10日 is on time; a township's is
38 days late; a 设区的市 government may make 规章; a department owes no 考核评议 paragraph."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kit.reading.published import check_published

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT.parent / "shared" / "reference" / "xialiang-2021.txt"
TITLE = "襄垣县下良镇 2021 年度政府信息公开 工作年度报告"


def _page(tmp_path: Path, organ: str, name: str = "page.txt", regulations: str = "0\t0\t0") -> Path:
    text = REFERENCE.read_text(encoding="utf-8").replace(TITLE, f"{organ}2021年政府信息公开工作年度报告")
    text = text.replace("规章\t0\t0\t0", f"规章\t{regulations}")
    path = tmp_path / name
    path.write_text(f"{text}\n\n{organ}\n2022年3月10日\n", encoding="utf-8")
    return path


def _rules(result, severity="错误"):
    return {p.rule for p in result.problems if p.severity.value == severity}


def test_a_county_government_publishing_in_march_is_on_time(tmp_path):
    page = _page(tmp_path, "襄垣县人民政府")
    result = check_published(page)
    assert result.report.level == "county" and result.report.level_from == "title"
    assert "V-P1" not in _rules(result)
    as_township = check_published(page, level="township")
    [late] = [p for p in as_township.problems if p.rule == "V-P1"]
    assert "晚 38 天" in late.message and "乡镇（街道）" in late.message and "--level" in late.message


def test_regulations_by_level(tmp_path):
    county = check_published(_page(tmp_path, "襄垣县人民政府", "a.txt", regulations="1\t0\t1"))
    assert "V-N8" in _rules(county)
    city = check_published(_page(tmp_path, "长治市人民政府", "b.txt", regulations="1\t0\t1"))
    assert city.report.level == "city" and "V-N8" not in _rules(city)


def test_a_department_owes_no_oversight_paragraph(tmp_path):
    """The example's 监督保障 lacks 考核、评议、追究: a warning for a township, not for a department."""
    township = check_published(_page(tmp_path, "襄垣县下良镇人民政府", "a.txt"))
    department = check_published(_page(tmp_path, "襄垣县教育局", "b.txt"))
    assert "V-S2" in _rules(township, "警告")
    assert department.report.level == "department" and "V-S2" not in _rules(department, "警告")
    # a department's deadline is 1月31日 (《条例》第四十九条): 3月10日 is late
    assert "V-P1" in _rules(department) and "V-P1" in _rules(township)


def test_the_cli_prints_the_level_and_takes_an_override(tmp_path):
    page = _page(tmp_path, "襄垣县人民政府")
    run = subprocess.run([sys.executable, "-m", "kit", "lint", str(page)], capture_output=True, text=True,
                         cwd=tmp_path, timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert "单位层级：县级人民政府，据标题判断" in run.stdout, run.stdout + run.stderr
    run = subprocess.run([sys.executable, "-m", "kit", "lint", str(page), "--level", "乡镇"], capture_output=True,
                         text=True, cwd=tmp_path, timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert "单位层级：乡镇（街道），按 --level" in run.stdout and "V-P1" in run.stdout
    assert run.returncode == 1
    wrong = subprocess.run([sys.executable, "-m", "kit", "lint", str(page), "--level", "村"], capture_output=True,
                           text=True, cwd=tmp_path, timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert wrong.returncode == 2 and "可选：乡镇、部门、县政府、市政府" in wrong.stderr and "Traceback" not in wrong.stderr


def test_regulations_printed_in_the_other_layout_are_checked_too():
    """A 2021 report printed with the 2019 table: its 规章 row is not taken into the figures
    (V-F1 says the layout is wrong), yet a township's nonzero 规章 is still V-N8."""
    from kit.reading.lint import lint_report
    from kit.reading.model import PrintedCell
    from kit.reading.published import read_published

    page = ROOT / "tests" / "fixtures" / "published" / "jiazhen-2020-format2019.html"
    report = read_published(page, year=2021)
    [row] = [r for r in report.tables["proactive"].rows if r.official == "regulations"]
    assert row.format_id == "2019"
    assert "V-N8" not in {p.rule for p in lint_report(report)[0]}
    row.cells[0] = PrintedCell("number", 2, "2")
    [found] = [p for p in lint_report(report)[0] if p.rule == "V-N8"]
    assert found.is_error and "现印有 2" in found.message
    report.level = "city"  # a 设区的市 government may make them
    assert "V-N8" not in {p.rule for p in lint_report(report)[0]}
