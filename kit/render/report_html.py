"""Rendering a report's title, preamble and sections to HTML fragments.

All prose comes from params files and is escaped: text that looks like HTML,
script or a Markdown link is shown literally, never interpreted.
"""

from __future__ import annotations

from html import escape

from kit.base.problems import Problem
from kit.params.model import ReportParams
from kit.params.newyear import default_preamble
from kit.render.jinja import render
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
    return default_preamble(params.unit, params.year, params.format)


def title_html(params: ReportParams) -> str:
    """The title, breaking between its parts rather than mid-word.

    A generated title breaks before 政府信息公开工作年度报告; an override keeps its own
    spacing (faithful to the published text) and breaks only at its spaces.
    """
    title = params.display_title
    words, gap = title.split(), " "
    tail = params.format.report_name
    if len(words) == 1 and title.endswith(tail) and title != tail:
        words, gap = [title[: -len(tail)], tail], ""
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
    return render("problems_box.html.j2", style=BOX_STYLE, errors=errors,
                  warnings=len(problems) - errors,
                  problems=sorted(problems, key=lambda p: not p.is_error))


def render_meta(rows: dict[str, object]) -> str:
    """The reviewers' 审阅信息 box: what a run used (parameters, files, versions)."""
    return render("meta_box.html.j2", style=BOX_STYLE, rows=[(k, str(v)) for k, v in rows.items()])


def render_notices(title: str, items: list[str], alert: bool) -> str:
    """A box of notices for reviewers (e.g. 报送情况), highlighted when ``alert``."""
    return render("notices_box.html.j2", title=title, items=items,
                  css="kit-checks kit-missing" if alert else "kit-meta")


def render_report(params: ReportParams) -> str:
    """The whole report as one HTML string (title, preamble, six sections)."""
    return render_title(params) + "".join(render_section(params, s.id) for s in params.format.sections)
