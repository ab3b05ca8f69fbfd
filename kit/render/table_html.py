"""Rendering a built table to HTML with the official header cells and spans."""

from __future__ import annotations

from html import escape
from typing import Protocol

from kit.formats.grid import place
from kit.formats.spec import LabelCell, LayoutCell, Table


class BuiltTable(Protocol):
    """What rendering needs of a built table (:class:`kit.render.tables.BuiltTable`)."""

    @property
    def table(self) -> Table: ...

    def text(self, row_id: str, col_id: str) -> str: ...


def _spans(cell: LabelCell | LayoutCell) -> str:
    out = ""
    if getattr(cell, "rowspan", 1) > 1:
        out += f' rowspan="{cell.rowspan}"'  # type: ignore[union-attr]
    if cell.colspan > 1:
        out += f' colspan="{cell.colspan}"'
    return out


def _scope(cell: LabelCell, head: bool) -> str:
    """What a header cell labels, for screen readers: columns above, rows beside."""
    if head:
        return "colgroup" if cell.colspan > 1 else "col"
    return "rowgroup" if cell.rowspan > 1 else "row"





def _label(cell: LabelCell, head: bool, first_column: bool, at: int | None) -> str:
    """A header cell; ``at``: the grid column it starts in, for a cell that stays in view on a
    phone while the numbers are swiped (``kit-at-N``, kit_report.css)."""
    cls = "kit-head" if head else "kit-label"
    if at is not None:
        cls += f" kit-at-{at}"
    text = escape(cell.text)
    if not head and first_column and cell.rowspan > 1:
        # A label beside a block of rows that may continue on the next printed page (the
        # printer splits the table there and repeats the label: kit.export.split_tables).
        return f'<th class="{cls} kit-span-label" scope="rowgroup"{_spans(cell)}>{text}</th>'
    return f'<th class="{cls}" scope="{_scope(cell, head)}"{_spans(cell)}>{text}</th>'


def _line(built: BuiltTable, line: tuple[LayoutCell, ...], head: bool, full: bool,
          columns: list[int]) -> str:
    """One printed row; ``full``: the row's first cell stands in the table's first column;
    ``columns``: the grid column each cell starts in."""
    # A body line without values (Table 二's block captions and 信息内容 rows) is a header line.
    band = all(isinstance(cell, LabelCell) for cell in line)
    cells = []
    for i, cell in enumerate(line):
        if isinstance(cell, LabelCell):
            # row labels, and the corner or band cell of the first column, keep their place
            at = columns[i] if not (head or band) or columns[i] == 0 else None
            cells.append(_label(cell, head or band, full and i == 0, at))
        else:
            cells.append(f'<td class="kit-num"{_spans(cell)}>{escape(built.text(cell.row, cell.col))}</td>')
    return "<tr>" + "".join(cells) + "</tr>"


def _columns(lines: tuple[tuple[LayoutCell, ...], ...]) -> list[list[int]]:
    """For each line, the grid column each of its cells starts in."""
    found: list[list[int]] = [[] for _ in lines]
    for p in place(lines):
        found[p.row].append(p.col)
    return found


def render_table(built: BuiltTable) -> str:
    """The official table: its caption (for screen readers; the section heading names it in
    print), header cells with their scope, and a wrapper that lets a wide table scroll inside
    its own box on a phone instead of pushing the page sideways (its row labels marked with
    their column, ``kit-at-N``, so that they stay in view while the numbers are swiped)."""
    table = built.table
    parts = ['<div class="kit-table-wrap">',
             f'<table class="kit-table kit-table-{table.id}" data-table="{table.id}">',
             f'<caption class="kit-caption">{escape(table.caption)}</caption>']
    if table.column_widths:
        cols = "".join(f'<col style="width:{w}%">' for w in table.column_widths)
        parts.append(f"<colgroup>{cols}</colgroup>")
    if table.head:
        # the corner above the row labels keeps its place too, in a table that has them
        labelled = any(isinstance(cell, LabelCell) for line in table.body for cell in line)
        heads = _columns(table.head) if labelled else [[-1] * len(line) for line in table.head]
        parts.append("<thead>" + "".join(_line(built, line, True, False, cols)
                                         for line, cols in zip(table.head, heads, strict=True))
                     + "</thead>")
    starts = {p.row for p in place(table.body) if p.col == 0}
    parts.append("<tbody>" + "".join(_line(built, line, False, r in starts, cols)
                                     for r, (line, cols) in enumerate(zip(table.body, _columns(table.body),
                                                                          strict=True)))
                 + "</tbody>")
    parts.append("</table></div>")
    return "".join(parts)
