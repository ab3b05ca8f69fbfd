"""The official tables in Word: merged cells as the format lays them out, kept on one page.

Word, WPS and LibreOffice lay out a .docx themselves, so where a page ends is not known when
it is written. The tables are therefore made so that no break can fall badly:

* each table (or part) is kept on one page: every row but the last keeps with the next, so
  a table that does not fit below the text before it starts on the next page whole;
* a table longer than a page (Table 三: 25 rows under three header rows) is printed in two
  parts, cut where a group of rows begins closest to the middle of its first-column group:
  the second part starts a new page under a 续表 line, with the header rows again and the
  group labels it goes on with marked 续 (:data:`kit.formats.page.CONTINUED`);
* cells have narrow side margins (wide tables: 0.5 mm), so that a 7% column still takes two
  characters a line: no header stacks one character a line in any of the three programs.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu

from kit.formats.grid import Placed, place, width
from kit.formats.page import CONTINUED, CONTINUED_TABLE, CONTINUED_VERTICAL
from kit.formats.spec import LabelCell, LayoutCell
from kit.render.tables import BuiltTable
from kit.render.word_styles import ROLES, TEXT_WIDTH

ONE_PAGE_ROWS = 20  # a table with more body rows than this is printed in two parts
MARGIN_TWIPS = 57  # 1 mm each side of a cell's text
DENSE_MARGIN_TWIPS = 28  # 0.5 mm, in a table of ten columns or more
DENSE_COLUMNS = 10


def cut_row(lines: tuple[tuple[LayoutCell, ...], ...]) -> int | None:
    """Where a long table's body is cut in two (a body row index), or None: the start of a
    group in the second column closest to the middle of the first column's longest group."""
    if len(lines) <= ONE_PAGE_ROWS:
        return None
    placed = place(lines)
    groups = [p for p in placed if p.col == 0 and p.rowspan > 1 and isinstance(p.cell, LabelCell)]
    if not groups:
        return None
    outer = max(groups, key=lambda p: p.rowspan)
    middle = outer.row + outer.rowspan / 2
    starts = [p.row for p in placed if p.col == 1 and outer.row < p.row < outer.row + outer.rowspan]
    return min(starts, key=lambda r: abs(r - middle)) if starts else None


def add_table(doc: DocxDocument, built: BuiltTable) -> None:
    """The official table, in one part or two (see the module's docstring)."""
    table = built.table
    cut = cut_row(table.body)
    head = len(table.head)
    if cut is None:
        _part(doc, built, head, range(head, head + len(table.body)))
    else:
        _part(doc, built, head, range(head, head + cut))
        note = doc.add_paragraph(CONTINUED_TABLE, style=ROLES["table"].style)
        note.paragraph_format.page_break_before = True
        note.paragraph_format.keep_with_next = True
        _part(doc, built, head, range(head + cut, head + len(table.body)))
    doc.add_paragraph(style=ROLES["table"].style)  # a gap after the table, as in print


def _part(doc: DocxDocument, built: BuiltTable, head: int, rows: range) -> None:
    """The header rows and the body ``rows`` (line indices) of the table as one Word table."""
    table = built.table
    lines = (*table.head, *table.body)
    shown = [*range(head), *rows]
    at = {line: i for i, line in enumerate(shown)}
    columns = width(place(lines))
    grid = doc.add_table(rows=len(shown), cols=columns)
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    _margins(grid, DENSE_MARGIN_TWIPS if columns >= DENSE_COLUMNS else MARGIN_TWIPS)
    widths = _widths(table.column_widths, columns)
    for column, w in zip(grid.columns, widths, strict=True):
        column.width = w  # the table grid, which Word, WPS and LibreOffice lay out by
    for row in grid.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = w
    for index, row in enumerate(grid.rows):
        properties = row._tr.get_or_add_trPr()
        for flag in ["w:cantSplit"] + (["w:tblHeader"] if index < head else []):
            properties.append(OxmlElement(flag))
    for p in place(lines):
        first, last = p.row, p.row + p.rowspan - 1
        if p.row >= head:  # a body cell: only the lines of this part
            first, last = max(first, rows.start), min(last, rows.stop - 1)
            if first > last:
                continue
        _cell(grid, built, p, at[first], at[last], head, lines, continued=first > p.row)
    for row in grid.rows[:-1]:  # the part stays on one page
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _cell(grid: object, built: BuiltTable, p: Placed, top: int, bottom: int, head: int,
          lines: Sequence[tuple[LayoutCell, ...]], continued: bool) -> None:
    target = grid.cell(top, p.col)  # type: ignore[attr-defined]
    if bottom > top or p.colspan > 1:
        target = target.merge(grid.cell(bottom, p.col + p.colspan - 1))  # type: ignore[attr-defined]
    header = p.row < head or all(isinstance(x, LabelCell) for x in lines[p.row])
    if isinstance(p.cell, LabelCell):
        mark = (CONTINUED_VERTICAL if p.col == 0 else CONTINUED) if continued else ""
        _text(target, p.cell.text + mark, "table_head" if header else "table",
              centred=header or p.rowspan > 1)
    else:
        _text(target, built.text(p.cell.row, p.cell.col), "table", centred=True)


def add_grid(doc: DocxDocument, rows: tuple[tuple[str, ...], ...]) -> None:
    """A plain table of texts: a header row (repeated on each page), then labelled rows."""
    grid = doc.add_table(rows=len(rows), cols=len(rows[0]))
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    _margins(grid, MARGIN_TWIPS)
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


def _margins(grid: object, twips: int) -> None:
    """The left and right margin of every cell of the table."""
    properties = grid._tbl.tblPr  # type: ignore[attr-defined]
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(twips))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    look = properties.find(qn("w:tblLook"))  # the schema's order: tblCellMar before tblLook
    if look is not None:
        look.addprevious(margins)
    else:
        properties.append(margins)


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
