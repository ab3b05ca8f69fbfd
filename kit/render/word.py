"""The report as a Word document (.docx), from the same blocks and built tables as the HTML.

Built with python-docx into a copy of the template (:mod:`kit.render.word_styles`): the title,
headings and paragraphs take the template's styles; the three official tables keep their
merged cells exactly as the format lays them out, their header rows repeat on every page, no
row is split across pages, and Table 三's columns have the format's widths. Document
properties carry the title and the reporting organ as author.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.shared import Emu, RGBColor

from kit.formats.grid import place, width
from kit.formats.spec import LabelCell
from kit.params.model import ReportParams
from kit.render import draft as draft_text
from kit.render.blocks import Block, report_blocks
from kit.render.tables import BuiltTable
from kit.render.word_styles import ROLES, TEMPLATE, TEXT_WIDTH


def report_docx(params: ReportParams, template: Path = TEMPLATE, draft: bool = False) -> bytes:
    """The whole report as .docx bytes; ``draft`` puts the 草稿 notice in every page header."""
    return blocks_docx(report_blocks(params), title=params.display_title, draft=draft,
                       author=params.unit.organ,
                       subject=f"{params.year}年{params.format.report_name}",
                       keywords=f"{params.unit.county}；{params.unit.name}；{params.year}",
                       template=template)


def blocks_docx(blocks: list[Block], *, title: str, author: str, subject: str = "",
                keywords: str = "", template: Path = TEMPLATE, draft: bool = False) -> bytes:
    """Any sequence of blocks (a report, a county roll-up) as .docx bytes."""
    doc = Document(str(template))
    for block in blocks:
        _add(doc, block)
    if draft:
        _stamp_headers(doc)
    props = doc.core_properties
    props.title, props.subject, props.keywords = title, subject, keywords
    props.author = props.last_modified_by = author
    props.language = "zh-CN"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _stamp_headers(doc: DocxDocument) -> None:
    """The 草稿 notice, red and centred, in the header of every page."""
    for section in doc.sections:
        header = section.header
        header.is_linked_to_previous = False
        para = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        para.text = ""
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = para.add_run(draft_text.NOTICE)
        run.bold = True
        run.font.color.rgb = RGBColor(0xC0, 0, 0)


def _add(doc: DocxDocument, block: Block) -> None:
    if block.kind == "table" and block.table is not None:
        _table(doc, block.table)
    elif block.kind == "grid":
        _grid(doc, block.rows)
    elif block.kind == "image":
        doc.add_picture(io.BytesIO(block.data), width=TEXT_WIDTH)
        holder = doc.paragraphs[-1]
        holder.style = ROLES["table"].style  # single spacing: a fixed line height clips images
        holder.alignment = WD_ALIGN_PARAGRAPH.CENTER
        doc.add_paragraph(block.text, style=ROLES["table"].style).alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif block.kind in ("signature", "notice"):
        if block.kind == "notice":
            doc.add_paragraph(block.text, style=ROLES["heading2"].style)
        for line in block.parts:
            style = ROLES["signature" if block.kind == "signature" else "para"].style
            doc.add_paragraph(line, style=style)
    elif block.kind == "note":
        doc.add_paragraph(block.text, style=ROLES["table"].style)
    elif block.kind == "marked":
        para = doc.add_paragraph(style=ROLES["para"].style)
        for text, flag in block.rows:
            run = para.add_run(text)
            if flag:
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    else:
        doc.add_paragraph(block.text, style=ROLES[block.kind].style)


def _grid(doc: DocxDocument, rows: tuple[tuple[str, ...], ...]) -> None:
    """A plain table of texts: a header row (repeated on each page), then labelled rows."""
    grid = doc.add_table(rows=len(rows), cols=len(rows[0]))
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, (row, values) in enumerate(zip(grid.rows, rows, strict=True)):
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if r == 0:
            properties.append(OxmlElement("w:tblHeader"))
        for c, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            _text(cell, text, "table_head" if r == 0 else "table", centred=r == 0 or c > 0)
            if r == len(rows) - 2:  # the last row (合计) is not left alone on a new page
                for para in cell.paragraphs:
                    para.paragraph_format.keep_with_next = True
    doc.add_paragraph(style=ROLES["table"].style)


def _table(doc: DocxDocument, built: BuiltTable) -> None:
    table = built.table
    lines = (*table.head, *table.body)
    placed = place(lines)
    columns = width(placed)
    grid = doc.add_table(rows=len(lines), cols=columns)
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    widths = _widths(table.column_widths, columns)
    for column, w in zip(grid.columns, widths, strict=True):
        column.width = w  # the table grid, which Word, WPS and LibreOffice lay out by
    for row in grid.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = w
    for index, row in enumerate(grid.rows):
        flags = ["w:cantSplit"] + (["w:tblHeader"] if index < len(table.head) else [])
        properties = row._tr.get_or_add_trPr()
        for flag in flags:
            properties.append(OxmlElement(flag))
    for cell, r, c, rowspan, colspan in placed:
        target = grid.cell(r, c)
        if rowspan > 1 or colspan > 1:
            target = target.merge(grid.cell(r + rowspan - 1, c + colspan - 1))
        header = r < len(table.head) or all(isinstance(x, LabelCell) for x in lines[r])
        if isinstance(cell, LabelCell):
            _text(target, cell.text, "table_head" if header else "table",
                  centred=header or rowspan > 1)
        else:
            _text(target, built.text(cell.row, cell.col), "table", centred=True)
    doc.add_paragraph(style=ROLES["table"].style)  # a gap after the table, as in print


def _widths(percent: tuple[int, ...], columns: int) -> list[Emu]:
    shares = list(percent) if len(percent) == columns else [1] * columns
    total = sum(shares)
    return [Emu(int(TEXT_WIDTH * s / total)) for s in shares]


def _text(cell: object, text: str, role: str, centred: bool) -> None:
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    paragraph.style = ROLES[role].style
    paragraph.text = text
    if centred:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER  # type: ignore[attr-defined]


__all__ = ["report_docx"]
