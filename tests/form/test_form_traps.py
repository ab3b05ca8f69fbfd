"""The clerk's form without traps: a misspelt place is asked about (with the closest names)
before a blank report is started; fields are named as the form names them, never by params
key; 转到 puts the cursor in the field; a button says it is busy while its action runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kit.form.actions import run_busy
from kit.form.chooser import Chooser
from kit.form.fields import problem_key
from kit.form.report_form import ReportForm

COUNTY, UNIT = "襄垣县", "下良镇"


@pytest.fixture
def form(params_copy: Path) -> ReportForm:
    return ReportForm(params_dir=params_copy, debounce=0)


def _open(form: ReportForm, county: str, unit: str, year: str) -> None:
    form.chooser.county.value, form.chooser.unit.value, form.chooser.year.value = county, unit, year
    form.chooser.open_button.click()


def test_a_misspelt_county_or_unit_is_asked_about_with_the_closest_names(form, params_copy):
    _open(form, "襄", "新镇", "2022")  # 打开 clicked after typing one character
    assert "还没有“襄”这个县（市、区）的报告" in form.message.value and "襄垣县" in form.message.value
    assert form.state.path.parent.name == UNIT  # still the report that was open
    _open(form, COUNTY, "下梁镇", "2022")
    assert "还没有“下梁镇”的报告" in form.message.value and "下良镇" in form.message.value
    _open(form, COUNTY, "下梁镇", "2022")  # asked twice: the clerk means it
    assert form.state.path == params_copy / COUNTY / "下梁镇" / "2022.yaml" and form.state.is_new
    assert not form.state.path.exists()  # nothing written before 保存


def test_fields_are_named_as_the_form_names_them(form):
    _open(form, "新县", "新镇", "2022")
    _open(form, "新县", "新镇", "2022")
    shown = re.sub(r"<details.*?</details>", "", form.checks.value, flags=re.S)
    assert "缺少必填项“省”" in shown and "缺少必填项“市（州）”" in shown
    assert "unit." not in shown and "title" not in shown


def test_goto_opens_the_tab_and_puts_the_cursor_in_the_field(form, monkeypatch):
    form.next_year()  # 2022, started from 2021: prose still to rewrite
    keys = set(form.state.texts)
    problem = next(p for p in form.state.problems
                   if (problem_key(p, keys) or "").startswith("sections.problems"))
    field = form.widget_for(problem_key(problem, keys))
    focused: list[object] = []
    monkeypatch.setattr(type(field), "focus", lambda self: focused.append(self))
    form.tabs.selected_index = 0
    form.goto(problem)
    assert list(form.pages)[form.tabs.selected_index] == "problems" and focused == [field]


def test_open_says_it_is_busy_while_it_runs(params_copy):
    seen = []
    chooser = Chooser(params_copy, lambda *_: seen.append((chooser.open_button.description,
                                                          chooser.open_button.disabled)))
    chooser.select(COUNTY, UNIT, 2021)
    chooser.open_button.click()
    assert seen == [("正在打开…", True)]
    assert (chooser.open_button.description, chooser.open_button.disabled) == ("打开", False)


def test_action_buttons_say_they_are_busy_and_come_back(form, monkeypatch):
    seen = []
    button = form.actions.save_button

    def slow() -> None:
        seen.append((button.description, button.disabled))
        raise RuntimeError("出错也要恢复按钮")

    with pytest.raises(RuntimeError):
        run_busy(button, "正在保存…", slow)
    assert seen == [("正在保存…", True)] and (button.description, button.disabled) == ("保存", False)
