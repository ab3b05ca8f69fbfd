"""A table's printed layout as a grid: where each cell sits, as an HTML table lays out spans.

The form's grid of widgets and the Word renderer both need positions, not just spans.
"""

from __future__ import annotations

from typing import NamedTuple

from kit.formats.spec import LabelCell, LayoutCell


class Placed(NamedTuple):
    cell: LayoutCell
    row: int
    col: int
    rowspan: int
    colspan: int


def place(lines: tuple[tuple[LayoutCell, ...], ...]) -> list[Placed]:
    """Grid positions of printed cells, as an HTML table lays out rowspan/colspan."""
    taken: set[tuple[int, int]] = set()
    placed: list[Placed] = []
    for r, line in enumerate(lines):
        c = 0
        for cell in line:
            while (r, c) in taken:
                c += 1
            rowspan = cell.rowspan if isinstance(cell, LabelCell) else 1
            taken |= {(r + i, c + j) for i in range(rowspan) for j in range(cell.colspan)}
            placed.append(Placed(cell, r, c, rowspan, cell.colspan))
            c += cell.colspan
    return placed


def width(placed: list[Placed]) -> int:
    """The number of grid columns."""
    return max(p.col + p.colspan for p in placed)
