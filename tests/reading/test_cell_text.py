"""Table cells as the editors' markup prints them: inline spans are one word, line breaks in a
cell are layout (no space left between Chinese characters), blocks stay apart."""

from __future__ import annotations

import lxml.html

from kit.reading.html_reader import cell_text


def _cell(html: str) -> str:
    return cell_text(lxml.html.fromstring(f"<table><tr>{html}</tr></table>").xpath("//td")[0])


def test_spans_and_breaks_inside_a_cell():
    assert _cell("<td><span>行政规范</span><span lang=EN-US>性文件</span></td>") == "行政规范性文件"
    assert _cell("<td>商业<br>企业</td>") == "商业企业"
    assert _cell("<td><p>本年新</p><p>制作数量</p></td>") == "本年新制作数量"
    assert _cell("<td>行政\n  许可</td>") == "行政许可"
    assert _cell("<td><p>1.</p><p>属于国家秘密</p></td>") == "1. 属于国家秘密"  # a space after "." is V-F5's to judge
    assert _cell("<td>第二十条<!-- 注 -->第（一）项</td>") == "第二十条第（一）项"
    assert _cell("<td><b>12</b><span>3</span></td>") == "123"
    assert _cell("<td>&nbsp;</td>") == ""


def test_a_page_with_span_split_labels_reads_exactly(tmp_path):
    from kit.reading.published import read_published

    rows = "".join(f"<tr><td><span>{label[:2]}</span><span>{label[2:]}</span></td><td>0</td><td>0</td><td>0</td></tr>"
                   for label in ("规章", "行政规范性文件"))
    page = tmp_path / "page.html"
    page.write_text("<html><body><div id=zoom><p>某县某镇人民政府2022年政府信息公开工作年度报告</p>"
                    "<p>二、主动公开政府信息情况</p><table><tr><td colspan=4>第二十条第（一）项</td></tr>"
                    "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
                    f"{rows}</table></div></body></html>", encoding="utf-8")
    report = read_published(page)
    printed = {r.label: r for r in report.tables["proactive"].rows}
    assert printed["行政规范性文件"].exact and printed["行政规范性文件"].official == "normative_documents"
