"""The pieces of reading: normalisation, encodings, article finding, text tables, sniffing."""

from __future__ import annotations

from reading_helpers import GEN, PUBLISHED

from kit.reading.document import Grid, clean
from kit.reading.html_reader import read_html
from kit.reading.labels import key
from kit.reading.readers import sniff
from kit.reading.text_reader import read_text


def test_clean_folds_radicals_full_width_and_spaces():
    assert clean("⾏政许可\u00a0 ⺠生　门⼾") == "行政许可 民生 门户"
    assert clean("ＡＢ１２（一）") == "AB12（一）"  # full-width brackets stay as printed


def test_key_ignores_spacing_bracket_width_and_dots():
    assert key("(一) 予以公开") == key("（一）予以公开")
    assert key("1. 属于国家秘密") == key("1．属于国家秘密") == key("1.属于国家秘密")
    assert key("3.危及“三安全一稳定”") == key('3.危及"三安全一稳定"')


def test_gbk_page_without_a_declaration_is_decoded():
    page = "<html><body><div class='TRS_Editor'><p>" + "下良镇政府信息公开工作年度报告" * 20 + "</p></div></body></html>"
    document = read_html(page.encode("gb18030"), "x.html")
    assert document.paragraphs()[0].startswith("下良镇政府信息公开")


def test_article_found_and_chrome_dropped():
    document = read_html((PUBLISHED / "xialiang-trs-gbk.html").read_bytes(), "x.html")
    text = "\n".join(document.paragraphs())
    for chrome in ("无障碍", "长者版", "字体", "分享到", "网站标识码", "当前位置"):
        assert chrome not in text
    assert document.paragraphs()[0] == "襄垣县下良镇 2021 年度政府信息公开 工作年度报告"
    assert str(document.published) == "2022-01-28"  # the page's PubDate metadata


def test_spans_expanded_into_a_full_grid():
    document = read_html((PUBLISHED / "jiazhen-2022.html").read_bytes(), "x.html")
    applications = next(g for g in document.grids() if "申请人情况" in g.rows[0][0].text + g.rows[0][3].text)
    assert {len(row) for row in applications.rows} == {10}
    group = [row[0] for row in applications.rows if row[0].text == "三、本年度办理结果"]
    assert len(group) == 22 and group[0].spanned is False and all(c.spanned for c in group[1:])


def test_copied_text_tables_keep_blank_lines_inside():
    raw = "标题\n\n甲\t1\t2\n\n乙\t3\t4\n\n正文。\n".encode()
    pieces = read_text(raw, "x.txt").pieces
    assert [type(p).__name__ for p in pieces] == ["Para", "Grid", "Para"]
    assert isinstance(pieces[1], Grid) and [[c.text for c in r] for r in pieces[1].rows] == [["甲", "1", "2"], ["乙", "3", "4"]]


def test_sniffed_by_content_not_name():
    assert sniff(b"%PDF-1.7 ...", "a.html") == "pdf"
    assert sniff((PUBLISHED / "xialiang.docx").read_bytes(), "a.txt") == "docx"
    assert sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1xxxx", "a.docx") == "doc"
    assert sniff(b"<html><body>x</body></html>", "a.txt") == "html"
    assert sniff("普通文字\t1".encode(), "a.html") == "text"


def test_committed_pages_and_text_are_what_the_generator_makes():
    for name, case in GEN.CASES.items():
        if name.endswith(".html"):
            assert (PUBLISHED / name).read_bytes() == GEN.page(name, case), f"re-run make_published.py ({name})"
    assert (PUBLISHED / "xialiang.txt").read_bytes() == (GEN.HERE / "xialiang-2021.txt").read_bytes()
