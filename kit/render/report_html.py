"""Rendering a report's title, preamble and sections to HTML fragments.

All prose comes from params files and is escaped: text that looks like HTML,
script or a Markdown link is shown literally, never interpreted.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from kit.base.problems import Problem
from kit.params.model import ReportParams
from kit.render.blocks import Block, lines, section_blocks, title_blocks
from kit.render.images import img_html
from kit.render.jinja import render
from kit.render.table_html import render_table

DOC = '<div class="kit-doc">{}</div>'
# Inline so the reviewers' boxes look boxed inside JupyterLab too (exports also style the classes).
BOX_STYLE = "border:1px solid #b8860b;background:#fffaf0;padding:0.4em 0.9em;margin:0.6em 0"


def paragraphs(text: str) -> str:
    return "".join(block_html(Block("para", line)) for line in lines(text))


def block_html(block: Block) -> str:
    """One block as HTML; every text is escaped (prose is shown literally, never interpreted)."""
    if block.kind == "title":
        inner = (block.gap.join(f'<span class="kit-title-part">{escape(w)}</span>' for w in block.parts)
                 if block.parts else escape(block.text))
        return f'<h1 class="kit-title">{inner}</h1>'
    if block.kind == "heading1":
        return f'<h2 class="kit-h1">{escape(block.text)}</h2>'
    if block.kind == "heading2":
        return f'<h3 class="kit-h2">{escape(block.text)}</h3>'
    if block.kind == "table" and block.table is not None:
        return render_table(block.table)
    if block.kind == "signature":
        return f'<p class="kit-date">{"<br>".join(escape(line) for line in block.parts)}</p>'
    if block.kind == "grid":
        return _grid_html(block)
    if block.kind == "image":
        return img_html(block.data, block.text)
    if block.kind == "note":
        return ('<p class="kit-note" style="font-size:11pt;line-height:1.6;text-indent:0">'
                f"{escape(block.text)}</p>")
    if block.kind == "notice":
        return render_notices(block.text, list(block.parts), alert=block.css == "alert")
    if block.kind == "marked":
        inner = "".join(f"<mark>{escape(text)}</mark>" if flag else escape(text) for text, flag in block.rows)
        return f'<p class="kit-p kit-marked">{inner}</p>'
    return f'<p class="kit-p">{escape(block.text)}</p>'


def _grid_html(block: Block) -> str:
    """A plain table; a grid whose css has "kit-totalled" ends with a 合计 row (kept with the
    row above it when printed)."""
    head, *rows = block.rows
    cells = "".join(f'<th class="kit-head">{escape(text)}</th>' for text in head)
    total = "kit-totalled" in block.css.split()
    body = "".join(('<tr class="kit-total-row">' if total and i == len(rows) - 1 else "<tr>")
                   + f'<th class="kit-label">{escape(row[0])}</th>'
                   + "".join(f'<td class="kit-num">{escape(v)}</td>' for v in row[1:]) + "</tr>"
                   for i, row in enumerate(rows))
    return (f'<div class="kit-table-wrap"><table class="kit-table {block.css}"><thead><tr>{cells}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>")


def blocks_html(blocks: list[Block], doc: str = DOC) -> str:
    return doc.format("".join(block_html(b) for b in blocks))


def render_title(params: ReportParams) -> str:
    return DOC.format("".join(block_html(b) for b in title_blocks(params)))


def render_section(params: ReportParams, section_id: str) -> str:
    return DOC.format("".join(block_html(b) for b in section_blocks(params, section_id)))


def render_problems(problems: list[Problem]) -> str:
    """The reviewers' 校验结果 box; empty string when there is nothing to report."""
    if not problems:
        return ""
    errors = sum(p.is_error for p in problems)
    return render("problems_box.html.j2", style=BOX_STYLE, errors=errors,
                  warnings=len(problems) - errors,
                  problems=sorted(problems, key=lambda p: not p.is_error))


def render_meta(rows: Mapping[str, object], details: Mapping[str, object] | None = None) -> str:
    """The reviewers' 审阅信息 box: what a run used; ``details`` (folded under 详细) holds what
    only the person who ran it needs, such as folders and commands."""
    return render("meta_box.html.j2", style=BOX_STYLE, rows=[(k, str(v)) for k, v in rows.items()],
                  details=[(k, str(v)) for k, v in (details or {}).items()])


def render_notices(title: str, items: list[str], alert: bool) -> str:
    """A box of notices for reviewers (e.g. 报送情况), highlighted when ``alert``."""
    return render("notices_box.html.j2", title=title, items=items,
                  css="kit-checks kit-missing" if alert else "kit-meta")


def render_report(params: ReportParams) -> str:
    """The whole report as one HTML string (title, preamble, six sections)."""
    return render_title(params) + "".join(render_section(params, s.id) for s in params.format.sections)
