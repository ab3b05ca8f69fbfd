"""Printing the county roll-up: the 合计 row of a table is never alone at the top of a page.

The overview grid is printed after 4–20 one-line paragraphs, so that across the runs the page
break falls before each of its rows in turn, the 合计 row included.
"""

from __future__ import annotations

import pytest
from export_poppler import page_count, page_text
from export_samples import display_cell
from nbformat.v4 import new_notebook

from kit.render.blocks import Block
from kit.render.report_html import blocks_html

pytestmark = pytest.mark.browser
ROWS = 14


def grid_html(fillers: int) -> str:
    head = ("乡镇", "主动公开", "收到申请")
    rows = [head] + [(f"第{i:02d}镇", str(i), str(i % 3)) for i in range(1, ROWS + 1)] + [("合计", "105", "14")]
    blocks = [Block("para", "一行填充文字。") for _ in range(fillers)]  # one line each
    blocks.append(Block("grid", rows=tuple(rows), css="kit-overview kit-totalled"))
    return blocks_html(blocks)


def test_total_row_stays_with_the_row_above(exporter, printer, tmp_path):
    breaks_seen = set()
    for fillers in range(4, 21):
        html, _ = exporter.from_notebook_node(new_notebook(cells=[display_cell(grid_html(fillers))]))
        pdf = printer.print_html(html, tmp_path / f"grid{fillers}.pdf")
        pages = [page_text(pdf, n) for n in range(1, page_count(pdf) + 1)]
        total_page = next(i for i, text in enumerate(pages) if "合计" in text)
        above = [i for i, text in enumerate(pages) if f"第{ROWS:02d}镇" in text]
        assert above == [total_page], f"{fillers} filler paragraphs: 合计 printed apart from the row above"
        first_row = next(i for i, text in enumerate(pages) if "第01镇" in text)
        if first_row != total_page:
            breaks_seen.add(fillers)
    assert breaks_seen, "no run broke the grid across pages: the test did not test anything"
