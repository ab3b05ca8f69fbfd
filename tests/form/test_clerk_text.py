"""Problems as the clerk reads them: 待填写, no codes, paths or keys outside the folded 详细."""

from __future__ import annotations

import pytest

from kit.base.place import Place
from kit.base.problems import error, warning
from kit.form import clerk_text
from kit.form.state import FormError, FormState

CELL = error("V-N5", "应填数字，现为“x”。", table="表三", row="一、本年新收", column="自然人",
             place=Place(key="tables.applications.received.natural"), line=12, detail="python -m kit check a.yaml")
MARK = warning("V-S5", "这段文字沿用上年报告，尚未改写。", section="一、总体情况")


def test_counts_flags_and_summary_keep_pending_apart():
    found = clerk_text.counts([CELL, MARK], lambda p: p is MARK)
    assert found == {"error": 1, "pending": 1, "warning": 0}
    assert clerk_text.flags(found) == " ✖1 ✎1"
    assert clerk_text.summary(found) == "1 个错误，1 处待填写"
    assert clerk_text.summary(clerk_text.counts([], lambda p: False)) == "检查通过"


def test_the_checks_list_folds_codes_lines_keys_and_commands():
    html = clerk_text.checks_html([CELL, MARK], lambda p: p is MARK)
    shown, folded = html.split("<details", 1)
    assert "表三，行“一、本年新收”，列“自然人”：应填数字" in shown and "待填写" in shown
    for technical in ("V-N5", "V-S5", "第 12 行", "tables.applications", "python -m kit"):
        assert technical not in shown and technical in folded, technical


def test_a_line_under_a_field_says_what_and_where_without_the_code():
    line = clerk_text.line_html(CELL, where=True)
    assert "✖ 错误：表三" in line and "V-N5" not in line and "第 12 行" not in line
    assert "✎ 待填写：" in clerk_text.line_html(MARK, pending=True)


def test_an_unreadable_file_names_no_path_to_the_clerk(params_copy):
    path = params_copy / "襄垣县" / "下良镇" / "2021.yaml"
    path.write_text("unit: [\n", encoding="utf-8")
    with pytest.raises(FormError) as failed:
        FormState.open(params_copy, "襄垣县", "下良镇", 2021)
    assert "无法读取" in str(failed.value) and ".yaml" not in str(failed.value)
    assert str(path) in failed.value.detail and "python -m kit check" in failed.value.detail
