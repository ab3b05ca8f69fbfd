"""A new year in the form, as a clerk starts it: 待填写 instead of errors, roll-forward
values pre-filled, 同比 by button, and 发布 refused while the report is a draft."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.form.fields import cell_key
from kit.form.report_form import ReportForm
from kit.form.widgets import date_hint
from kit.params.loader import load_params

COUNTY, UNIT = "襄垣县", "下良镇"
IN_FORCE = cell_key("proactive", "normative_documents", "in_force")
RECEIVED = cell_key("applications", "received", "natural")


@pytest.fixture
def form(params_copy: Path) -> ReportForm:
    last = params_copy / COUNTY / UNIT / "2021.yaml"  # a stock of 7 documents in force
    text = last.read_text(encoding="utf-8").replace(
        "normative_documents: {issued: 0, repealed: 0, in_force: 0}",
        "normative_documents: {issued: 2, repealed: 1, in_force: 7}")
    last.write_text(text, encoding="utf-8")
    form = ReportForm(params_dir=params_copy, debounce=0)
    form.actions.next_button.click()  # 开始 2022 年度
    assert form.state is not None and form.state.year == 2022 and form.state.is_new
    return form


def test_an_untouched_new_year_shows_pending_not_errors(form):
    titles = " ".join(form.tabs.titles)
    assert "✖" not in titles and "✎" in titles, titles
    assert "待填写" in form.status.value and "错误" not in form.status.value
    checks = form.checks.value
    assert "待填写" in checks and "V-S5" not in checks.split("<details")[0]  # codes only folded
    assert "<details" in checks and "V-S5" in checks.split("<details")[1]
    area = form.widget_for("sections.general.proactive.text")
    assert "kit-pending" in area._dom_classes and "kit-warn" not in area._dom_classes


def test_touching_a_field_turns_its_findings_into_errors_again(form):
    box = form.widget_for(RECEIVED)
    box.value = "x"
    grid = next(e for e in form.pages["applications"].editors if hasattr(e, "callout"))
    assert "kit-bad" in box._dom_classes and grid.callout.layout.display == ""
    assert "不是" in grid.callout.value or "数字" in grid.callout.value, grid.callout.value
    assert "✖" in form.tabs.titles[3]


def test_the_stock_in_force_rolls_forward_as_rule_r7_expects(form):
    assert form.widget_for(IN_FORCE).value == "7"
    assert not [p for p in form.state.problems if p.rule == "R7"]


def test_publishing_a_draft_is_refused_with_a_list_that_opens_each_place(form):
    assert form.state.is_new
    result = form.export(draft=False)
    assert result is not None and not result.ok and result.refused
    assert not form.state.path.exists() and form.state.is_new  # refused: the new year not written
    assert "草稿" in form.message.value and form.actions.refusal.layout.display == ""
    rows = form.actions.refusal.children[1:]
    button = rows[0].children[0]
    assert button.description.startswith("转到")
    form.tabs.selected_index = 0
    button.click()
    assert form.tabs.selected_index == 1  # 一 总体情况
    out = form.out_root / COUNTY / UNIT / "2022"
    assert not (out / "report.pdf").exists()


def test_accepting_the_yoy_sentence_by_button_saves_it(form):
    assert form.yoy.rows == {} and form.yoy.widget.layout.display == "none"  # nothing entered yet
    form.widget_for("proactive_breakdown.total").value = "50"
    form.widget_for("tables.applications.received.natural").value = "2"
    rows = form.yoy.rows
    assert set(rows) == {"proactive", "on_request"} and form.yoy.widget.layout.display == ""
    area, button, _ = rows["on_request"]
    assert area.value == "收到政府信息公开申请2件，较上年（0件）增加2件。"
    area.value = "本年收到政府信息公开申请2件，上年为0件。"
    button.click()
    assert form.state.yoy == {"on_request": "本年收到政府信息公开申请2件，上年为0件。"}
    assert button.description == "取消采用" and form.save()
    params, _ = load_params(form.state.path)
    assert params is not None and params.yoy == {"on_request": "本年收到政府信息公开申请2件，上年为0件。"}


def test_clerk_text_names_no_paths_keys_or_commands(form):
    form.save()
    shown = " ".join([form.status.value, form.message.value, form.notice.value,
                      form.checks.value.split("<details")[0]])
    for leaked in ("python -m kit", ".yaml", "proactive_breakdown", "tables.", "V-"):
        assert leaked not in shown, leaked
    assert ".yaml" in form.actions.detail.value  # the file is named under 详细


def test_dates_are_typed_as_iso_and_read_back_in_chinese(form):
    field = form.widget_for("published")
    assert field.placeholder.startswith("YYYY-MM-DD")
    field.value = "2023-01-20"
    assert date_hint("2023-01-20") == "即 2023年1月20日"
    assert "即 2023年1月20日" in form.pages["basic"].widget.children[7].children[0].children[2].value
    field.value = "01/20/2023"
    assert "kit-bad" in field._dom_classes or "kit-warn" in field._dom_classes


def test_links_to_earlier_outputs_say_when_the_report_changed_since(form):
    from kit.export.manifest import Source, settle

    out = form.out_root / COUNTY / UNIT / "2022"
    out.mkdir(parents=True)
    assert form.save()
    pdf = out / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    settle(out, ["report.pdf"], [pdf], Source(form.state.path))  # as a build records it
    form._show_outputs()
    assert "打印版（PDF）" in form.actions.links.value
    form.widget_for("contact").value = "联系人：甲"
    assert form.save()
    links = form.actions.links.value
    assert "打印版（PDF）" not in links and "已过时" in links and "重新发布" in links  # never linked
