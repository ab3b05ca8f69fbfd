"""``ReportForm``: the widget form in which a clerk drafts a report in JupyterLab.

    from kit.form.report_form import ReportForm
    ReportForm(params_dir="../params").show()

The form is generated from the format model. All logic lives in
:class:`~kit.form.state.FormState`; this module lays the widgets out and wires the buttons.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import ipywidgets as w
from IPython.display import display

from kit.form.chooser import Chooser, parse_year
from kit.form.debounce import Debouncer
from kit.form.export import default_out_root, export, links_html
from kit.form.fields import BASIC, problem_section
from kit.form.state import FormError, FormState
from kit.form.style import style_widget
from kit.form.widgets import Page, basic_page, html, section_page
from kit.formats.common import REPORT_NAME
from kit.params.model import ReportParams
from kit.render.report_html import render_problems, render_report, render_section, render_title

BASIC_TAB = "基本信息"


def preview_html(params: ReportParams | None, page_id: str | None) -> str:
    """The preview of one tab (``None``: the whole report), with a note on unreadable cells."""
    if params is None:
        return '<p class="kit-msg-error">基本信息不完整或有填写错误，暂时无法预览（见“检查结果”）。</p>'
    if page_id is None:
        text, tables = render_report(params), {t.id for t in params.format.tables}
    elif page_id == BASIC:
        text, tables = render_title(params), set()
    else:
        text, tables = render_section(params, page_id), {params.format.section(page_id).table}
    if any(key[0] in tables for key in params.invalid):
        text = '<p class="kit-msg-error">标红的格子填写有误，预览中暂按 0 显示。</p>' + text
    return text


class ReportForm:
    """Choose a unit-year, edit prose and tables, see problems and a preview, save, export."""

    def __init__(self, params_dir: str | Path = "params", county: str | None = None,
                 unit: str | None = None, year: int | None = None, debounce: float = 0.3,
                 out_root: str | Path | None = None) -> None:
        self.root = Path(params_dir)
        self.out_root = Path(out_root) if out_root else default_out_root(self.root)
        self.state: FormState | None = None
        self.pages: dict[str, Page] = {}
        self._pending: tuple[str, str, str] | None = None
        self._refresh = Debouncer(debounce, self.refresh)
        self.chooser = Chooser(self.root, self.open)
        self.status = html("", "kit-status")
        self.save_button = w.Button(description="保存", icon="save", button_style="primary",
                                    tooltip="写入参数文件（原文件先备份到 .backup/ 文件夹）")
        self.export_button = w.Button(description="生成 HTML、PDF 和 Word", icon="file-pdf-o",
                                      layout=w.Layout(width="15em"),
                                      tooltip="与 python -m kit build 相同：先保存，再生成报告")
        self.reload_button = w.Button(description="重新载入（放弃我的修改）", button_style="info",
                                      layout=w.Layout(width="16em"))
        self.overwrite_button = w.Button(description="仍然覆盖（以表单为准）", button_style="danger",
                                         layout=w.Layout(width="16em"))
        self.save_button.on_click(lambda _: self.save())
        self.export_button.on_click(lambda _: self.export())
        self.reload_button.on_click(lambda _: self.reload())
        self.overwrite_button.on_click(lambda _: self.save(force=True))
        self.message = html("", "kit-alert")
        self.conflict = w.HBox([self.reload_button, self.overwrite_button],
                               layout=w.Layout(display="none"))
        self.notice = html("", "kit-notice")
        self.links = w.Output()
        self.checks = html("", "kit-checks")
        self.full_preview = html("", "kit-preview")
        self.tabs = w.Tab()
        self.tabs.observe(lambda _: self._show_preview(), names="selected_index")
        bar = w.HBox([self.status, self.save_button, self.export_button])
        bar.add_class("kit-bar")
        self.widget = w.VBox([style_widget(), html(f'<div class="kit-h">{REPORT_NAME} · 填写'
                                                   "</div>", "kit-h"),
                              self.chooser.widget, bar, self.message, self.conflict, self.links,
                              self.notice, self.tabs])
        self.widget.add_class("kit-form")
        self._show_message("")
        first = (county, unit, year) if county and unit and year else self.chooser.first()
        if first is None:
            self._show_message(f"{self.root} 中还没有参数文件。请在上方输入县、乡镇和年度，再点“打开”新建。")
        else:
            self.chooser.select(*first)
            self.open(first[0], first[1], str(first[2]))

    # ---- opening -------------------------------------------------------------------

    def open(self, county: str, unit: str, year_text: str) -> None:
        year, why = parse_year(str(year_text))
        if year is None:
            self._show_message(why or "")
            return
        wanted = (county, unit, str(year))
        if self.state is not None and self.state.dirty and self._pending != wanted:
            self._pending = wanted
            self._show_message("当前报告有未保存的修改。请先点“保存”；如确定放弃这些修改，再点一次“打开”。")
            return
        self._pending = None
        try:
            state = FormState.open(self.root, county, unit, year)
        except FormError as exc:
            self._show_message(str(exc))
            return
        self.state = state
        self._build()
        self._show_message("")

    def _build(self) -> None:
        state = self.state
        assert state is not None
        self.pages = {BASIC: basic_page(state, self._edited)}
        for section in state.format.sections:
            self.pages[section.id] = section_page(state, section, self._edited)
        self.tabs.children = [p.widget for p in self.pages.values()] + [
            w.VBox([self.checks]), w.VBox([self.full_preview])]
        self.tabs.selected_index = 0
        self.links.outputs = ()
        self.refresh()

    # ---- editing -------------------------------------------------------------------

    def _edited(self, key: str, text: str) -> None:
        if self.state is None:
            return
        self.state.set(key, text)
        self._show_status()
        self._refresh()

    def refresh(self) -> None:
        """Show totals, problems (per field, per tab, in the list) and the visible preview."""
        state = self.state
        if state is None:
            return
        by_key = state.problems_by_key()
        for page in self.pages.values():
            for editor in page.editors:
                editor.refresh(by_key)
        counts: dict[str, list[bool]] = {}
        for key, problems in by_key.items():
            for p in problems:
                counts.setdefault(problem_section(p, key, state.format), []).append(p.is_error)
        titles = []
        for page_id in self.pages:
            found = counts.get(page_id, [])
            mark = f" ✖{sum(found)}" if any(found) else (f" ⚠{len(found)}" if found else "")
            name = BASIC_TAB if page_id == BASIC else state.format.section(page_id).tab
            titles.append(name + mark)
        errors = sum(p.is_error for p in state.problems)
        warnings = len(state.problems) - errors
        flags = (f" ✖{errors}" if errors else "") + (f" ⚠{warnings}" if warnings else "")
        titles += [f"检查结果{flags or ' ✓'}", "全文预览"]
        if tuple(self.tabs.titles) != tuple(titles):
            self.tabs.titles = titles
        self.notice.value = escape(state.notice)
        self.notice.layout.display = "" if state.notice else "none"
        self.checks.value = (render_problems(state.problems) or
                             '<div class="kit-good">检查通过：没有发现问题。</div>')
        self._show_status()
        self._show_preview()

    def _show_preview(self) -> None:
        """Render the preview of the tab in view (a section, the title or the whole report)."""
        index = self.tabs.selected_index
        ids = list(self.pages)
        if self.state is None or index is None or index == len(ids):  # 检查结果 has none
            return
        page_id = ids[index] if index < len(ids) else None
        target = self.pages[page_id].preview if page_id else self.full_preview
        text = preview_html(self.state.params, page_id)
        if target.value != text:
            target.value = text

    def _show_status(self) -> None:
        state = self.state
        if state is None:
            return
        errors = sum(p.is_error for p in state.problems)
        warnings = len(state.problems) - errors
        flag = ('<span class="kit-status-dirty">● 有未保存的修改</span>' if state.dirty else
                '<span class="kit-status-clean">✓ 已保存</span>')
        check = f"检查：{errors} 个错误，{warnings} 个警告" if state.problems else "检查通过"
        text = f"{flag}　文件：<b>{escape(str(state.path))}</b>　{check}"
        if self.status.value != text:
            self.status.value = text

    def _show_message(self, text: str, good: bool = False, conflict: bool = False) -> None:
        self.message.value = escape(text)
        self.message.layout.display = "" if text else "none"
        for cls, on in (("kit-alert", not good), ("kit-good", good)):
            (self.message.add_class if on else self.message.remove_class)(cls)
        self.conflict.layout.display = "" if conflict else "none"

    # ---- saving and exporting ------------------------------------------------------

    def save(self, force: bool = False) -> bool:
        if self.state is None:
            return False
        result = self.state.save(force=force)
        self._show_message(result.message, good=result.ok, conflict=result.conflict)
        if result.ok:
            self.chooser.refresh()
            self.refresh()
        self._show_status()
        return result.ok

    def reload(self) -> None:
        if self.state is None:
            return
        try:
            self.state.reload()
        except FormError as exc:
            self._show_message(str(exc), conflict=True)
            return
        for page in self.pages.values():
            for editor in page.editors:
                editor.set_value()
        self.refresh()
        self._show_message("已重新载入文件的最新内容。", good=True)

    def export(self) -> None:
        state = self.state
        if state is None or (state.dirty and not self.save()):
            return
        self._show_message("正在生成 HTML、PDF 和 Word，通常需要几秒钟……", good=True)
        unit = state.path.parent
        result = export(state.path, unit.parent.name, unit.name, state.year, self.root,
                        self.out_root)
        self._show_message(result.message, good=result.ok)
        links = links_html(result.files, Path.cwd())
        self.links.outputs = ({"output_type": "display_data", "metadata": {},
                               "data": {"text/html": links, "text/plain": links}},) if links else ()

    # ---- display -------------------------------------------------------------------

    def widget_for(self, key: str) -> w.DOMWidget:
        """The input widget of a field or table cell key (for tests and scripting)."""
        for page in self.pages.values():
            for editor in page.editors:
                found = getattr(editor, "inputs", {}).get(key)
                if found is None and getattr(editor, "key", None) == key:
                    found = getattr(editor, "area", None) or editor.input
                if found is not None:
                    return found
        raise KeyError(key)

    def show(self) -> None:
        display(self.widget)

    def _repr_mimebundle_(self, **kwargs: object) -> dict | None:
        return self.widget._repr_mimebundle_(**kwargs)
