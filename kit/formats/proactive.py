"""Table 二 (主动公开政府信息情况): blocks of Art. 20 items on a 4-column grid.

Each block prints a caption row spanning the grid, a header row starting with
``信息内容`` and one row per item. The 2019 and 2021 formats differ only in the
blocks they list, so both are built from :func:`proactive_table`.
"""

from __future__ import annotations

from kit.base.record import Record, record
from kit.formats.spec import Column, LabelCell, LayoutCell, RollForward, Row, Table, ValueCell

GRID = 4
ITEM_HEADER = "信息内容"


@record
class Block(Record):
    caption: str  # e.g. "第二十条第（一）项"
    columns: tuple[Column, ...]
    items: tuple[tuple[str, str], ...]  # (row id, label)


def _spans(count: int) -> list[int]:
    """Spread ``count`` columns over the grid's value columns; the last takes the rest."""
    width = GRID - 1
    base = [1] * count
    base[-1] = width - (count - 1)
    return base


def proactive_table(blocks: tuple[Block, ...], roll_forward: RollForward | None = None) -> Table:
    rows: list[Row] = []
    body: list[tuple[LayoutCell, ...]] = []
    for block in blocks:
        spans = _spans(len(block.columns))
        body.append((LabelCell(block.caption, colspan=GRID, caption=True),))
        body.append((LabelCell(ITEM_HEADER),
                     *(LabelCell(c.label, colspan=s) for c, s in zip(block.columns, spans, strict=True))))
        for row_id, label in block.items:
            rows.append(Row(row_id, label, block.columns, where=f"{block.caption}·{label}"))
            body.append((LabelCell(label),
                          *(ValueCell(row_id, c.id, colspan=s)
                            for c, s in zip(block.columns, spans, strict=True))))
    return Table("proactive", "二", "主动公开政府信息情况", tuple(rows), (), tuple(body),
                 roll_forward=roll_forward)
