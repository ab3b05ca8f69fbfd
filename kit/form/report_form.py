"""``ReportForm``: the widget form in which a clerk drafts a report in JupyterLab.

    from kit.form.report_form import ReportForm
    ReportForm(params_dir="../params").show()

The form is generated from the format model. All logic lives in
:class:`~kit.form.state.FormState`; this module lays the widgets out and wires the buttons
(:mod:`kit.form.actions`). The same form is the clerk's app (``python -m kit app``, in
Voilà), where ``href`` turns a generated file into its allow-listed address.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

import ipywidgets as w
from IPython.display import display

from kit.base.problems import Problem
from kit.form import clerk_text
from kit.form.actions import Actions
from kit.form.chooser import Chooser, parse_year, unknown
from kit.form.debounce import Debouncer
from kit.form.export import (
    ExportResult,
    default_out_root,
    export,
    outputs_html,
    relative_href,
)
from kit.form.fields import BASIC, problem_key
from kit.form.ledger_panel import LedgerPanel
from kit.form.preview import BASIC_TAB, preview_html, problem_tab, status_html, tab_titles
from kit.form.state import FormError, FormState
from kit.form.style import style_widget
from kit.form.widgets import Page, basic_page, html, section_page
from kit.form.yoy_panel import YoyPanel
from kit.formats.common import REPORT_NAME
from kit.rules.draft import draft_problems


class ReportForm:
    """Choose a unit-year, edit prose and tables, see problems and a preview, save, publish."""

    def __init__(self, params_dir: str | Path = "params", county: str | None = None,
                 unit: str | None = None, year: int | None = None, debounce: float = 0.3,
                 out_root: str | Path | None = None,
                 href: Callable[[Path], str] | None = None) -> None:
        self.root = Path(params_dir)
        self.out_root = Path(out_root) if out_root else default_out_root(self.root)
        self.href = href or (lambda file: relative_href(Path.cwd())(file))  # the notebook's folder
        self.state: FormState | None = None
        self.pages: dict[str, Page] = {}
        self.yoy: YoyPanel | None = None
        self.ledger: LedgerPanel | None = None
        self._pending: tuple[str, str, str] | None = None  # 打开 again: leave unsaved changes
        self._confirm_new: tuple[str, str, str] | None = None  # 打开 again: start a new place
        self._refresh = Debouncer(debounce, self.refresh)
        self.chooser = Chooser(self.root, self.open)
        self.actions = Actions(self.save, lambda: self.export(draft=False),
                               lambda: self.export(draft=True), self.next_year)
        self.status = self.actions.status
        self.save_button = self.actions.save_button
        self.export_button = self.actions.publish_button
        self.reload_button = w.Button(description="重新载入（放弃我的修改）", button_style="info",
                                      layout=w.Layout(width="16em"))
        self.overwrite_button = w.Button(description="仍然覆盖（以表单为准）", button_style="danger",
                                         layout=w.Layout(width="16em"))
        self.reload_button.on_click(lambda _: self.reload())
        self.overwrite_button.on_click(lambda _: self.save(force=True))
        self.message = html("", "kit-alert")
        self.conflict = w.HBox([self.reload_button, self.overwrite_button],
                               layout=w.Layout(display="none"))
        self.notice = html("", "kit-notice")
        self.ledger_box = w.Box()  # 从台账导入 of the report open (kit.form.ledger_panel)
        self.checks = html("", "kit-checks")
        self.full_preview = html("", "kit-preview")
        self.tabs = w.Tab()
        self.tabs.observe(lambda _: self._show_preview(), names="selected_index")
        self.widget = w.VBox([style_widget(), html(f'<div class="kit-h">{REPORT_NAME} · 填写'
                                                   "</div>", "kit-h"),
                              self.chooser.widget, self.actions.bar, self.message, self.conflict,
                              self.actions.refusal, self.actions.links, self.notice, self.ledger_box, self.tabs,
                              self.actions.detail])
        self.widget.add_class("kit-form")
        self._show_message("")
        first = (county, unit, year) if county and unit and year else self.chooser.first()
        if first is None:
            self._show_message("还没有任何报告。请在上方输入县、乡镇和年度，再点“打开”新建。")
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
        new_place = unknown(self.root, county, unit) if county and unit else None
        if new_place and self._confirm_new != wanted:  # a typo must not start a blank report
            self._confirm_new = wanted
            self._show_message(f"{new_place}如确实要为它新建报告，请再点一次“打开”；否则请改正上面的名称。")
            return
        self._pending = self._confirm_new = None
        try:
            state = FormState.open(self.root, county, unit, year)
        except FormError as exc:
            self._show_message(str(exc), detail=exc.detail)
            return
        self.state = state
        self.chooser.select(county, unit, year)
        self._build()
        self._show_message("")

    def next_year(self) -> None:
        """Open the next year of the same unit (started from this year when it is new)."""
        state = self.state
        if state is None:
            return
        if state.dirty and not self.save():
            return
        unit = state.path.parent
        self.open(unit.parent.name, unit.name, str(state.year + 1))

    def _build(self) -> None:
        state = self.state
        assert state is not None
        self.pages = {BASIC: basic_page(state, self._edited)}
        for section in state.format.sections:
            self.pages[section.id] = section_page(state, section, self._edited)
        self.yoy = YoyPanel(state, self._yoy_changed)
        self.ledger = LedgerPanel(state, self._ledger_taken)
        self.ledger_box.children = [self.ledger.widget]
        general = self.pages.get("general")
        if general is not None:  # after the section's heading and help
            kids = list(general.widget.children)
            general.widget.children = [kids[0], self.yoy.widget, *kids[1:]]
        self.tabs.children = [p.widget for p in self.pages.values()] + [
            w.VBox([self.checks]), w.VBox([self.full_preview])]
        self.tabs.selected_index = 0
        self.actions.show_refusal([], self._where, self.goto)
        self._show_outputs()
        self.refresh()

    # ---- editing -------------------------------------------------------------------

    def _edited(self, key: str, text: str) -> None:
        if self.state is None:
            return
        self.state.set(key, text)
        self._show_status()
        self._refresh()

    def _ledger_taken(self) -> None:
        for page in self.pages.values():  # the register's figures are in the state: show them
            for editor in page.editors:
                editor.set_value()
        self._yoy_changed()

    def _yoy_changed(self) -> None:
        self._show_status()
        self.refresh()

    def refresh(self) -> None:
        """Show totals, problems (per field, per tab, in the list) and the visible preview."""
        state = self.state
        if state is None:
            return
        by_key = state.problems_by_key()
        for page in self.pages.values():
            for editor in page.editors:
                editor.refresh(by_key)
        if self.yoy is not None:
            self.yoy.refresh()
        waiting = state.pending_ids()
        titles = tab_titles(state, list(self.pages), by_key, waiting)
        if tuple(self.tabs.titles) != tuple(titles):
            self.tabs.titles = titles
        self.notice.value = escape(state.notice)
        self.notice.layout.display = "" if state.notice else "none"
        self.checks.value = clerk_text.checks_html(state.problems, lambda p: id(p) in waiting)
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
        text = status_html(state)
        if self.status.value != text:
            self.status.value = text
        next_file = state.path.with_name(f"{state.year + 1}.yaml")
        self.actions.set_next_year(state.year + 1, next_file.is_file())

    def _show_message(self, text: str, good: bool = False, conflict: bool = False,
                      detail: str = "") -> None:
        self.message.value = escape(text)
        self.message.layout.display = "" if text else "none"
        for cls, on in (("kit-alert", not good), ("kit-good", good)):
            (self.message.add_class if on else self.message.remove_class)(cls)
        self.conflict.layout.display = "" if conflict else "none"
        path = f"参数文件：{self.state.path}" if self.state is not None else ""
        self.actions.show_detail([path, detail])

    def _where(self, problem: Problem) -> str:
        """The title of the tab a problem is shown on."""
        assert self.state is not None
        tab = problem_tab(self.state, problem)
        return BASIC_TAB if tab == BASIC else self.state.format.section(tab).tab

    def goto(self, problem: Problem) -> None:
        """Open the tab where a problem's field is, and put the cursor in that field (the
        browser scrolls it into view)."""
        if self.state is None:
            return
        self.tabs.selected_index = list(self.pages).index(problem_tab(self.state, problem))
        key = problem_key(problem, set(self.state.texts))
        try:
            field = self.widget_for(key) if key else None
        except KeyError:  # a computed total: no input of its own
            field = None
        if field is not None:
            field.focus()

    # ---- saving and publishing -----------------------------------------------------

    def save(self, force: bool = False) -> bool:
        if self.state is None:
            return False
        result = self.state.save(force=force)
        self._show_message(result.message, good=result.ok, conflict=result.conflict,
                           detail=result.detail)
        if result.ok:
            self.chooser.refresh()
            self.refresh()
            self._show_outputs()  # earlier outputs are now older than the file
        self._show_status()
        return result.ok

    def reload(self) -> None:
        if self.state is None:
            return
        try:
            self.state.reload()
        except FormError as exc:
            self._show_message(str(exc), conflict=True, detail=exc.detail)
            return
        for page in self.pages.values():
            for editor in page.editors:
                editor.set_value()
        self.refresh()
        self._show_message("已重新载入文件的最新内容。", good=True)

    def export(self, draft: bool = False) -> ExportResult | None:
        """发布 (refused while the report is a draft) or 生成草稿 (stamped 草稿)."""
        state = self.state
        if state is None:
            return None
        blocking = [] if draft else draft_problems(state.problems)
        if blocking:  # the same rule as `kit build`: never publish a draft (nothing is written)
            result = ExportResult(False, "这份报告还是草稿，不能发布。请逐项处理下面列出的问题（点“转到”"
                                  "可打开该处）；只想看排版效果，可点“生成草稿”。", refused=tuple(blocking))
        elif state.dirty and not self.save():
            return None
        else:
            self._show_message("正在生成，通常需要几秒钟……", good=True)
            unit = state.path.parent
            result = export(state.path, unit.parent.name, unit.name, state.year, self.root,
                            self.out_root, draft=draft)
        self._show_message(result.message, good=result.ok, detail=result.detail)
        self.actions.show_refusal(list(result.refused), self._where, self.goto)
        self._show_outputs(result.files)
        return result

    def _show_outputs(self, files: tuple[Path, ...] = ()) -> None:
        """Links to the generated files (those of an earlier build when nothing is passed)."""
        if self.state is not None:
            self.actions.show_links(outputs_html(self.state.path, self.state.year, self.out_root,
                                                 self.href, files))

    # ---- display -------------------------------------------------------------------

    def widget_for(self, key: str) -> w.DOMWidget:
        """The input widget of a field or table cell key (for tests and scripting)."""
        for page in self.pages.values():
            for editor in page.editors:
                found = getattr(editor, "inputs", {}).get(key)
                if found is None and getattr(editor, "key", None) == key:
                    found = getattr(editor, "area", None) or getattr(editor, "input", None)
                if found is not None:
                    return found
        raise KeyError(key)

    def show(self) -> None:
        display(self.widget)

    def _repr_mimebundle_(self, **kwargs: object) -> dict | None:
        return self.widget._repr_mimebundle_(**kwargs)
