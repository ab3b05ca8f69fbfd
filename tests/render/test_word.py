"""The Word renderer, read back with python-docx: text in order, merges, page set-up, fonts."""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from kit.formats.grid import place
from kit.formats.page import CONTINUED_TABLE, CONTINUED_VERTICAL
from kit.params.loader import load_params
from kit.render.word import report_docx
from kit.render.word_tables import cut_row

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS / "reports"))
from build_helpers import EXAMPLE, FIXTURES, XIALIANG, normalize  # noqa: E402
from test_build_reference import missing_in_order, reference_tokens  # noqa: E402


def read(params_file: Path) -> docx.document.Document:
    params, _ = load_params(params_file)
    assert params is not None
    return docx.Document(io.BytesIO(report_docx(params)))


@pytest.fixture(scope="module")
def reference() -> docx.document.Document:
    return read(XIALIANG)


def document_text(doc: docx.document.Document) -> str:
    """Paragraphs and table cells in document order; a merged cell once."""
    parts: list[str] = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            parts.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
        elif child.tag == qn("w:tbl"):
            for tc in child.iter(qn("w:tc")):
                merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
                if merge is not None and merge.get(qn("w:val")) != "restart":
                    continue  # the continuation of a vertical merge repeats nothing
                parts.append("".join(t.text or "" for t in tc.iter(qn("w:t"))))
    return normalize("".join(parts))


def test_every_label_and_number_of_the_reference_in_order(reference):
    tokens, header = reference_tokens((FIXTURES / "xialiang-2021.txt").read_text(encoding="utf-8"))
    text = document_text(reference)
    assert missing_in_order(tokens, text) == []
    assert all(label in text for label in header)


def _parts(doc, params):
    """Each official table's Word tables with the lines each shows (Table 三: two parts)."""
    grids = iter(doc.tables)
    for table in params.format.tables:
        cut = cut_row(table.body)
        if cut is None:
            yield table, next(grids), (*table.head, *table.body), None
        else:
            yield table, next(grids), (*table.head, *table.body[:cut]), "first"
            yield table, next(grids), (*table.head, *table.body[cut:]), "second"


def test_tables_merge_cells_exactly_as_the_format_lays_them_out():
    params, _ = load_params(EXAMPLE)
    doc = docx.Document(io.BytesIO(report_docx(params)))
    assert len(doc.tables) == 4  # Table 三 in two parts
    for table, grid, lines, part in _parts(doc, params):
        rows = grid._tbl.findall(qn("w:tr"))
        assert len(rows) == len(lines)
        heads = [tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for tr in rows]
        assert heads == [i < len(table.head) for i in range(len(rows))]  # header rows repeat
        assert all(tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for tr in rows)
        keeps = [all(p.paragraph_format.keep_with_next for cell in row.cells for p in cell.paragraphs)
                 for row in grid.rows]
        assert keeps == [True] * (len(rows) - 1) + [False], table.id  # each on one page
        if part is not None:
            continue
        for _cell, r, c, rowspan, colspan in place(lines):
            tc = _cells_at(rows[r])[c]
            span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            assert (int(span.get(qn("w:val"))) if span is not None else 1) == colspan, (table.id, r, c)
            merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            if rowspan > 1:
                assert merge is not None and merge.get(qn("w:val")) == "restart", (table.id, r, c)
                for below in range(r + 1, r + rowspan):
                    cont = _cells_at(rows[below])[c].find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
                    assert cont is not None and cont.get(qn("w:val")) in (None, "continue")
            else:
                assert merge is None, (table.id, r, c)


def test_table_three_goes_on_under_xubiao_with_its_labels_continued():
    params, _ = load_params(EXAMPLE)
    doc = docx.Document(io.BytesIO(report_docx(params)))
    first, second = doc.tables[1], doc.tables[2]
    assert first.cell(5, 0).text == "三、本年度办理结果"  # header 3 rows, then 一、二、then the group
    head = len(params.format.tables[1].head)
    assert second.cell(head, 0).text == "三、本年度办理结果" + CONTINUED_VERTICAL
    assert second.cell(head, 1).text.startswith("（四）")  # cut where a group begins
    between = first._tbl.getnext()
    assert between.tag == qn("w:p") and "".join(t.text for t in between.iter(qn("w:t"))) == CONTINUED_TABLE
    assert between.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None
    for grid in (first, second):  # cell side margins of 0.5 mm: two characters in a 7% column
        margins = grid._tbl.tblPr.find(qn("w:tblCellMar"))
        assert [m.get(qn("w:w")) for m in margins] == ["28", "28"]
    # the first column's group ends at the cut in the first part, and goes on to the end
    restarts = second._tbl.xpath(".//w:tc[1]/w:tcPr/w:vMerge[@w:val='restart']")
    assert restarts


def _cells_at(tr) -> dict[int, object]:
    """Grid column → the w:tc that starts there."""
    found, col = {}, 0
    for tc in tr.findall(qn("w:tc")):
        found[col] = tc
        span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
        col += int(span.get(qn("w:val"))) if span is not None else 1
    return found


def test_page_is_a4_with_gbt_9704_margins_and_page_numbers(reference):
    section = reference.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [37, 35, 28, 26]
    footer = section.footer._element.xml
    assert "PAGE" in footer and footer.count("—") == 2


def test_fonts_by_role_with_east_asian_attribute_and_free_alternatives(reference):
    fonts = {name: reference.styles[name].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))
             for name in ("Title", "Heading 1", "Heading 2", "Normal")}
    assert fonts == {"Title": "方正小标宋简体", "Heading 1": "黑体", "Heading 2": "楷体_GB2312",
                     "Normal": "仿宋_GB2312"}
    sizes = {name: reference.styles[name].font.size.pt for name in ("Title", "Heading 1", "Normal")}
    assert sizes == {"Title": 22.0, "Heading 1": 16.0, "Normal": 16.0}
    out = io.BytesIO()
    reference.save(out)
    with zipfile.ZipFile(out) as package:
        table = package.read("word/fontTable.xml").decode("utf-8")
        styles = package.read("word/styles.xml").decode("utf-8")
    assert re.search(r'w:name="仿宋_GB2312".*?w:altName w:val="Noto Serif CJK SC"', table, re.S)
    assert 'w:eastAsia="zh-CN"' in styles and "ja-JP" not in styles and "MS Mincho" not in styles


def test_headings_are_real_headings_and_properties_name_the_unit(reference):
    styles = [(p.style.name, p.text) for p in reference.paragraphs if p.text]
    assert styles[0] == ("Title", "襄垣县下良镇 2021 年度政府信息公开 工作年度报告")
    assert ("Heading 1", "三、收到和处理政府信息公开申请情况") in styles
    assert ("Heading 2", "（五）监督保障情况") in styles
    props = reference.core_properties
    assert props.title.startswith("襄垣县下良镇") and props.author == "襄垣县下良镇人民政府"
