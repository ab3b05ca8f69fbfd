"""The form's previews: one tab's part of the report (or the whole), as it will be printed.

The HTML is the report renderer's own (:mod:`kit.render.report_html`); the form's style sheet
sets it like the printed page (:mod:`kit.form.style`), so lines break where the PDF's do.
"""

from __future__ import annotations

from kit.form.fields import BASIC
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
        text, tables = render_section(params, page_id), {params.format.section(page_id).table}
    if any(key[0] in tables for key in params.invalid):
        text = '<p class="kit-msg-error">标红的格子填写有误，预览中暂按 0 显示。</p>' + text
    return text
