"""Rendering a report's title, preamble and sections to HTML fragments.

All prose comes from params files and is escaped: text that looks like HTML,
script or a Markdown link is shown literally, never interpreted.
"""

from __future__ import annotations

from html import escape

from kit.base.problems import Problem
from kit.params.model import TITLE_TAIL, ReportParams
from kit.params.newyear import default_preamble
from kit.render.table_html import render_table
from kit.render.tables import build_table

DOC = '<div class="kit-doc">{}</div>'
# Inline so the reviewers' boxes look boxed inside JupyterLab too (exports also style the classes).
BOX_STYLE = "border:1px solid #b8860b;background:#fffaf0;padding:0.4em 0.9em;margin:0.6em 0"


def paragraphs(text: str) -> str:
    return "".join(f'<p class="kit-p">{escape(line.strip())}</p>'
                   for line in text.splitlines() if line.strip())


def preamble_text(params: ReportParams) -> str:
    if params.preamble.strip():
        return params.preamble
    return default_preamble(params.unit, params.year, params.format.notice)


def title_html(params: ReportParams) -> str:
    """The title, breaking between its parts rather than mid-word.

    A generated title breaks before 政府信息公开工作年度报告; an override keeps its own
    spacing (faithful to the published text) and breaks only at its spaces.
    """
    title = params.display_title
    words, gap = title.split(), " "
    if len(words) == 1 and title.endswith(TITLE_TAIL) and title != TITLE_TAIL:
        words, gap = [title[: -len(TITLE_TAIL)], TITLE_TAIL], ""
    if len(words) == 1:
        return escape(title)
    return gap.join(f'<span class="kit-title-part">{escape(w)}</span>' for w in words)


def render_title(params: ReportParams) -> str:
    parts = [f'<h1 class="kit-title">{title_html(params)}</h1>',
             paragraphs(preamble_text(params))]
    if params.contact:
        parts.append(paragraphs(params.contact))
    return DOC.format("".join(parts))


def render_section(params: ReportParams, section_id: str) -> str:
    section = params.format.section(section_id)
    body = params.section(section_id)
    parts = [f'<h2 class="kit-h1">{escape(section.full_heading)}</h2>', paragraphs(body.text)]
    for sub in section.subsections:
        prose = params.subsection(section_id, sub.id)
        heading = params.subsection_heading(section_id, sub.id)
        parts.append(f'<h3 class="kit-h2">{escape(heading)}</h3>')
        parts.append(paragraphs(prose.text))
        if params.yoy.get(sub.id) and section_id == "general":
            parts.append(paragraphs(params.yoy[sub.id]))
    if section.table:
        parts.append(render_table(build_table(params, section.table)))
    if section_id == params.format.sections[-1].id and params.published:
        day = params.published
        parts.append(f'<p class="kit-date">{escape(params.unit.organ)}<br>'
                     f"{day.year}年{day.month}月{day.day}日</p>")
    return DOC.format("".join(parts))


def render_problems(problems: list[Problem]) -> str:
    """The reviewers' 校验结果 box; empty string when there is nothing to report."""
    if not problems:
        return ""
    errors = sum(p.is_error for p in problems)
    items = "".join(
        f'<li class="kit-{"error" if p.is_error else "warning"}">'
        f"<b>{escape(p.severity.value)} {escape(p.rule)}</b> "
        f"{escape(p.where() + '：' if p.where() else '')}{escape(p.message)}</li>"
        for p in sorted(problems, key=lambda p: not p.is_error))
    return (f'<div class="kit-checks" style="{BOX_STYLE}"><h4>校验结果：{errors} 个错误，{len(problems) - errors} 个警告</h4>'
            f"<ul>{items}</ul></div>")


def render_report(params: ReportParams) -> str:
    """The whole report as one HTML string (title, preamble, six sections)."""
    return render_title(params) + "".join(render_section(params, s.id) for s in params.format.sections)
