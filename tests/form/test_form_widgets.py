"""ReportForm driven without a browser: set widget values, click buttons, read the file back."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as w
import pytest

from kit.form.export import ExportResult, links_html, relative_href
from kit.form.fields import cell_key
from kit.form.report_form import ReportForm
from kit.formats import FORMAT_2019, FORMAT_2021
from kit.formats.grid import place
from kit.params.loader import load_params

REPO = Path(__file__).resolve().parents[2]
COUNTY, UNIT = "襄垣县", "下良镇"
RECEIVED = cell_key("applications", "received", "natural")
COMMERCIAL = cell_key("applications", "received", "commercial")


@pytest.fixture
def root(params_copy: Path) -> Path:
    return params_copy


@pytest.fixture
def form(root: Path) -> ReportForm:
    return ReportForm(params_dir=root, debounce=0)


def path_2021(root: Path) -> Path:
    return root / COUNTY / UNIT / "2021.yaml"


def test_the_form_opens_the_first_report_found(form, root):
    assert form.state is not None and form.state.path == path_2021(root)
    assert form.chooser.county.value == COUNTY and form.chooser.year.value == "2021"
    assert "2022（新建）" in form.chooser.year.options
    assert "✓ 已保存" in form.status.value
    assert form.tabs.titles[0].startswith("基本信息") and form.tabs.titles[-1] == "全文预览"


def test_typing_and_saving_writes_the_params_file(form, root):
    form.widget_for(RECEIVED).value = "2"
    form.widget_for(cell_key("applications", "disclosed", "natural")).value = "2"
    form.widget_for("sections.general.on_request.text").value = "本年收到政府信息公开申请 2 件。"
    form.widget_for("unit.kind").value = "乡"
    assert "有未保存的修改" in form.status.value
    form.save_button.click()
    assert "已保存。" in form.message.value and "✓ 已保存" in form.status.value
    params, _ = load_params(path_2021(root))
    assert params is not None
    assert params.input_value("applications", "received", "natural") == 2
    assert params.subsection("general", "on_request").text == "本年收到政府信息公开申请 2 件。"
    assert params.unit.kind == "乡"


def test_totals_follow_the_inputs_and_are_read_only(form):
    grid = form.pages["applications"].editors[-1]
    form.widget_for(RECEIVED).value = "2"
    form.widget_for(COMMERCIAL).value = "3"
    total = grid.totals[cell_key("applications", "received", "total")]
    assert isinstance(total, w.HTML) and total.value == "5"
    with pytest.raises(KeyError):
        form.widget_for(cell_key("applications", "total", "natural"))


def test_a_bad_cell_is_marked_and_blocks_saving(form, root):
    before = path_2021(root).read_bytes()
    cell = form.widget_for(COMMERCIAL)
    cell.value = "三"
    assert "kit-bad" in cell._dom_classes and "应填数字" in cell.tooltip
    grid = form.pages["applications"].editors[-1]
    assert "法人或其他组织·商业企业" in grid.messages.value
    assert grid.totals[cell_key("applications", "received", "total")].value == "？"
    assert "✖1" in form.tabs.titles[list(form.pages).index("applications")]
    form.save_button.click()
    assert "未保存" in form.message.value
    assert path_2021(root).read_bytes() == before
    cell.value = "3"
    assert "kit-bad" not in cell._dom_classes and cell.tooltip is None


def test_problems_show_beside_the_field_and_in_the_list(form):
    area = form.widget_for("sections.other.text")
    editor = next(e for e in form.pages["other"].editors if getattr(e, "key", "") == "sections.other.text")
    assert "kit-warn" in area._dom_classes and "信息处理费" in editor.messages.value
    area.value = "本年度未收取信息处理费。"
    assert "kit-warn" not in area._dom_classes and editor.messages.value == ""
    assert "V-S6a" not in form.checks.value and "V-S2" in form.checks.value


def test_character_count_and_preview_are_live(form):
    form.tabs.selected_index = list(form.pages).index("other")
    area = form.widget_for("sections.other.text")
    area.value = "本年度未收取信息处理费。\n其他 事项"
    editor = next(e for e in form.pages["other"].editors if getattr(e, "key", "") == "sections.other.text")
    assert editor.count.value == "16 字"
    assert "本年度未收取信息处理费。" in form.pages["other"].preview.value
    form.tabs.selected_index = len(form.tabs.children) - 1
    assert "六、其他需要报告的事项" in form.full_preview.value


def test_a_conflicting_save_is_refused_then_reload_or_overwrite(form, root):
    path = path_2021(root)
    theirs = path.read_text(encoding="utf-8") + "# 别人的修改\n"
    path.write_text(theirs, encoding="utf-8")
    form.widget_for("contact").value = "联系人：李四"
    form.save_button.click()
    assert "已被修改" in form.message.value and form.conflict.layout.display == ""
    assert path.read_text(encoding="utf-8") == theirs
    form.reload_button.click()
    assert form.widget_for("contact").value == "" and "✓ 已保存" in form.status.value
    form.widget_for("contact").value = "联系人：王五"
    path.write_text(theirs + "# 又改了\n", encoding="utf-8")
    form.save_button.click()
    form.overwrite_button.click()
    assert "已保存。" in form.message.value and form.conflict.layout.display == "none"
    params, _ = load_params(path)
    assert params is not None and params.contact == "联系人：王五"


def test_a_new_year_from_the_chooser_is_prefilled_and_saved(form, root):
    form.chooser.year.value = "2022（新建）"
    form.chooser.open_button.click()
    assert form.state is not None and form.state.year == 2022 and form.state.is_new
    assert "根据 2021 年报告预填" in form.notice.value
    assert "有未保存的修改" in form.status.value
    assert form.widget_for("unit.province").value == "山西省"
    form.save_button.click()
    assert (root / COUNTY / UNIT / "2022.yaml").is_file()
    assert "保存后才会写入" not in form.notice.value
    assert "2022" in form.chooser.year.options


def test_opening_another_report_with_unsaved_changes_asks_first(form):
    form.widget_for(RECEIVED).value = "9"
    form.chooser.year.value = "2022（新建）"
    form.chooser.open_button.click()
    assert form.state.year == 2021 and "未保存的修改" in form.message.value
    form.chooser.open_button.click()
    assert form.state.year == 2022


def test_wrong_names_and_years_are_explained(form):
    form.chooser.year.value = "明年"
    form.chooser.open_button.click()
    assert "四位数字年份" in form.message.value
    form.chooser.unit.value = "下良/镇"
    form.chooser.year.value = "2021"
    form.chooser.open_button.click()
    assert "路径字符" in form.message.value


def test_an_empty_params_folder_says_what_to_do(tmp_path):
    form = ReportForm(params_dir=tmp_path / "params", debounce=0)
    assert form.state is None and "还没有任何报告" in form.message.value


def test_a_2019_format_year_gets_its_own_tables(root):
    form = ReportForm(params_dir=root, county=COUNTY, unit=UNIT, year=2020, debounce=0)
    assert form.state is not None and form.state.format is FORMAT_2019
    form.widget_for(cell_key("proactive", "fees", "change")).value = "-2"
    assert "kit-bad" not in form.widget_for(cell_key("proactive", "fees", "change"))._dom_classes


def test_export_saves_first_and_links_the_results(form, root, monkeypatch, tmp_path):
    out = tmp_path / "outputs" / COUNTY / UNIT / "2021"
    calls = []

    def fake_export(path, county, unit, year, params_dir, out_root, draft):
        calls.append((path.read_text(encoding="utf-8"), county, unit, year, draft))
        return ExportResult(True, "已生成：", (out / "report.html", out / "report.pdf"))

    monkeypatch.setattr("kit.form.report_form.export", fake_export)
    monkeypatch.chdir(tmp_path / "params")
    form.widget_for("contact").value = "联系人：赵六"
    form.export_button.click()
    assert calls and "联系人：赵六" in calls[0][0] and calls[0][1:] == (COUNTY, UNIT, 2021, False)
    html = form.actions.links.value
    assert 'href="../outputs/襄垣县/下良镇/2021/report.pdf"' in html and "打印版（PDF）" in html


def test_links_are_relative_to_the_notebook_folder(tmp_path):
    html = links_html((tmp_path / "outputs" / "a" / "report.html",), relative_href(tmp_path / "notebooks"))
    assert 'href="../outputs/a/report.html"' in html


def test_the_grid_places_spans_like_the_official_table():
    table = FORMAT_2021.table("applications")
    placed = {getattr(c, "text", ""): (r, col, rs, cs) for c, r, col, rs, cs in
              place((*table.head, *table.body))}
    assert placed["三、本年度办理结果"] == (5, 0, 22, 1)
    assert placed["（三）不予公开"] == (7, 1, 8, 1)
    assert placed["1.属于国家秘密"] == (7, 2, 1, 1)
    assert placed["四、结转下年度继续办理"] == (27, 0, 1, 3)


@pytest.mark.browser
@pytest.mark.slow
def test_export_builds_html_and_pdf_through_the_runner(form, root, tmp_path, monkeypatch):
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("needs Debian chromium")
    from kit.batch.runner import close_publishers

    monkeypatch.chdir(tmp_path)
    try:
        form.export_button.click()
    finally:
        close_publishers()  # the Chromium the runner keeps for the process
    out = tmp_path / "outputs" / COUNTY / UNIT / "2021"
    assert "已生成" in form.message.value, form.message.value
    assert (out / "report.html").is_file() and (out / "report.pdf").is_file()
    assert 'href="outputs/襄垣县/下良镇/2021/report.html"' in form.actions.links.value
    assert (out / "report.docx").is_file() and "Word 版" in form.actions.links.value


class _Timer:
    def __init__(self, when: float, fn) -> None:
        self.when, self.fn, self.cancelled = when, fn, False

    def cancel(self) -> None:
        self.cancelled = True


class _Clock:
    """An event loop's call_later on a clock the test moves (no real time: load cannot matter)."""

    def __init__(self) -> None:
        self.now, self.timers = 0.0, []

    def call_later(self, delay, fn):
        timer = _Timer(self.now + delay, fn)
        self.timers.append(timer)
        return timer

    def advance(self, seconds: float) -> None:
        self.now = round(self.now + seconds, 6)
        due = [t for t in self.timers if t.when <= self.now + 1e-9]
        for timer in due:
            self.timers.remove(timer)
            if not timer.cancelled:
                timer.fn()


def test_refreshes_wait_for_a_pause_in_typing_inside_an_event_loop():
    from kit.form.debounce import Debouncer

    calls = []
    clock = _Clock()
    debounce = Debouncer(0.5, lambda: calls.append(clock.now), running_loop=lambda: clock)
    for _ in range(5):  # a keystroke every 0.1 s: never a pause of 0.5 s
        debounce()
        clock.advance(0.1)
    assert calls == []
    clock.advance(0.39)
    assert calls == []
    clock.advance(0.01)  # 0.5 s after the last keystroke
    assert calls == [pytest.approx(0.9)]
    clock.advance(5)
    assert len(calls) == 1  # once per pause
    Debouncer(0.5, lambda: calls.append("now"))()  # no event loop: at once
    assert calls[-1] == "now"


def test_reload_shows_the_files_table_cells(form, root):
    path = path_2021(root)
    key = cell_key("applications", "received", "natural")
    form.widget_for(key).value = "5"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("received: {natural: 0,", "received: {natural: 3,"), encoding="utf-8")
    form.save_button.click()  # refused: the file changed on disk
    form.reload_button.click()
    assert form.widget_for(key).value == "3"
    assert "已重新载入" in form.message.value
