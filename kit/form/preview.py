"""What the form shows about the report as a whole: the preview of a tab (or of the whole
report) as it will be printed, the tab titles with their counts, the status line.

The HTML is the report renderer's own (:mod:`kit.render.report_html`); the form's style sheet
sets it like the printed page (:mod:`kit.form.style`), so lines break where the PDF's do.
"""

from __future__ import annotations

from html import escape

from kit.base.problems import Problem
from kit.form import clerk_text
from kit.form.fields import BASIC, problem_key, problem_section
from kit.form.state import FormState
from kit.params.model import ReportParams
from kit.render.report_html import render_report, render_section, render_title

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
        own = params.format.section(page_id).table
        text, tables = render_section(params, page_id), {own} if own else set()
    if any(key[0] in tables for key in params.invalid):
        text = '<p class="kit-msg-error">标红的格子填写有误，预览中暂按 0 显示。</p>' + text
    return text


def tab_titles(state: FormState, page_ids: list[str], by_key: dict[str | None, list[Problem]],
               waiting: set[int]) -> list[str]:
    """Each tab's name with its counts (✖ errors, ✎ 待填写, ⚠ 提醒), then 检查结果 and 全文预览."""
    found: dict[str, list[Problem]] = {}
    for key, problems in by_key.items():
        for p in problems:
            found.setdefault(problem_section(p, key, state.format), []).append(p)
    titles = []
    for page_id in page_ids:
        counts = clerk_text.counts(found.get(page_id, []), lambda p: id(p) in waiting)
        name = BASIC_TAB if page_id == BASIC else state.format.section(page_id).tab
        titles.append(name + clerk_text.flags(counts))
    everything = clerk_text.counts(state.problems, lambda p: id(p) in waiting)
    return [*titles, f"检查结果{clerk_text.flags(everything) or ' ✓'}", "全文预览"]


def status_html(state: FormState) -> str:
    """Saved or not, which report (by 县、乡镇、年度, not by file), what the check found."""
    waiting = state.pending_ids()
    found = clerk_text.counts(state.problems, lambda p: id(p) in waiting)
    flag = ('<span class="kit-status-dirty">● 有未保存的修改</span>' if state.dirty else
            '<span class="kit-status-clean">✓ 已保存</span>')
    unit = state.path.parent
    return (f"{flag}　<b>{escape(unit.parent.name)} {escape(unit.name)} {state.year} 年度</b>"
            f"　检查：{escape(clerk_text.summary(found))}")


def problem_tab(state: FormState, problem: Problem) -> str:
    """The id of the tab where a problem is shown (a section id, or :data:`BASIC`)."""
    return problem_section(problem, problem_key(problem, set(state.texts)), state.format)
