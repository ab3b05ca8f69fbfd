"""从台账导入 in the form: the register's figures go into the form's fields (保存 writes them),
a figure the clerk entered is changed only when 以台账为准 is ticked, a register of another
unit or year, or with errors, is not taken."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from kit.form.fields import BREAKDOWN_TOTAL
from kit.form.report_form import ReportForm
from kit.params.loader import load_params

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ledger"))
from ledger_helpers import blank_report, filled

COUNTY, UNIT, YEAR = "虚构县", "甲镇", 2021
ROWS = [["A1", date(2021, 3, 1), "自然人", "", "（一）予以公开", date(2021, 3, 10), "否", ""],
        ["A2", date(2021, 12, 28), "商业企业", "", None, None, "", ""]]
KEY = "tables.applications.received.natural"


@pytest.fixture
def form(tmp_path: Path) -> ReportForm:
    root = blank_report(tmp_path / "params", COUNTY, UNIT, YEAR)
    return ReportForm(params_dir=root, county=COUNTY, unit=UNIT, year=YEAR, debounce=0)


def _register(tmp_path: Path, unit: str = UNIT, rows: list | None = None) -> bytes:
    path = filled(tmp_path / f"{unit}.xlsx", COUNTY, unit, YEAR, {"依申请公开": rows or ROWS,
                                                                 "主动公开": [["某动态", "工作动态", date(2021, 2, 1)]]})
    return path.read_bytes()


def test_the_registers_figures_go_into_the_form_then_the_file(form, tmp_path):
    panel = form.ledger
    panel.load("甲镇台账.xlsx", _register(tmp_path))
    assert "台账将改动" in panel.result.value and not panel.take.disabled
    assert "一、本年新收政府信息公开申请数量·自然人：0 → 1" in panel.result.value
    panel.take.click()
    state = form.state
    assert state.get(KEY) == "1" and state.get("tables.applications.carried_forward.commercial") == "1"
    assert state.get(BREAKDOWN_TOTAL) == "1" and state.dirty
    assert "请核对后点“保存”" in panel.result.value
    assert load_params(state.path)[0].value("applications", "received", "natural") == 0  # not yet saved
    form.save()
    saved, _ = load_params(state.path)
    assert saved.value("applications", "received", "natural") == 1 and saved.breakdown.items == {"工作动态": 1}


def test_a_figure_the_clerk_entered_is_kept_unless_ticked(form, tmp_path):
    form.state.set(KEY, "7")
    panel = form.ledger
    register = _register(tmp_path)
    panel.load("甲镇台账.xlsx", register)
    assert "≠ " in panel.result.value
    panel.take.click()
    assert form.state.get(KEY) == "7" and "1 个表单中已填的不同数字未改" in panel.result.value
    panel.load("甲镇台账.xlsx", register)
    panel.overwrite.value = True
    panel.take.click()
    assert form.state.get(KEY) == "1"


def test_another_units_register_or_one_with_errors_is_not_taken(form, tmp_path):
    panel = form.ledger
    panel.load("乙乡台账.xlsx", _register(tmp_path, unit="乙乡"))
    assert "与正在填写的虚构县甲镇 2021 年度报告不符" in panel.result.value and panel.take.disabled
    bad = [["B1", "2021-02-30", "自然人", "", None, None, "", ""]]
    (tmp_path / "bad").mkdir()
    panel.load("甲镇台账.xlsx", _register(tmp_path / "bad", rows=bad))
    assert "不能采用" in panel.result.value and panel.take.disabled
    panel.load("台账.pdf", b"%PDF-1.4")
    assert "不是台账文件" in panel.result.value
    panel.load("台账.xlsx", b"not a workbook")
    assert "已损坏" in panel.result.value and "Traceback" not in panel.result.value
    assert form.state.get(KEY) == "0"
