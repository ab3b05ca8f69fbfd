"""kit.export.print_many: which documents share one print, and the printer's fallbacks."""

from __future__ import annotations

import io

import pikepdf
import pytest
from export_samples import report_notebook

from kit.export.html import ReportHTMLExporter
from kit.export.pdf import PdfPrinter
from kit.export.print_many import MARK, combine, title_of
from kit.render.draft import banner_html

DOC = ('<!DOCTYPE html>\n<html lang="zh-CN"><head><title>{title}</title><style>p{{color:#000}}</style>'
       '</head>\n<body class="kit-report"><main class="kit-page">{body}</main></body>\n</html>\n')


def doc(title: str = "甲镇", body: str = "<p>正文</p>") -> str:
    return DOC.format(title=title, body=body)


def test_documents_alike_share_one_print_each_from_a_new_page():
    together = combine([doc("甲镇", "<p>甲</p>"), doc("乙镇", "<p>乙</p>")])
    assert together is not None
    assert together.count("<body") == 1 and together.count("break-before:page") == 2
    assert together.index(f"{MARK}0") < together.index("<p>甲</p>") < together.index(f"{MARK}1")
    assert together.index(f"{MARK}1") < together.index("<p>乙</p>")
    assert title_of(together) == "甲镇" and title_of(doc("丙&amp;丁")) == "丙&丁"


@pytest.mark.parametrize("other", [
    doc("乙镇").replace("color:#000", "color:#111"),              # another head
    doc("乙镇", '<p><img src="chart.png" alt="图"></p>'),          # needs its own base URL
    doc("乙镇", '<p style="background:url(bg.png)">x</p>'),
    doc("乙镇", banner_html() + "<p>x</p>"),                       # the draft watermark (fixed)
    "<p>no body</p>",
], ids=["head", "relative-src", "relative-url", "fixed", "no-body"])
def test_documents_that_cannot_share_a_print(other):
    assert combine([doc(), other]) is None


def test_one_document_and_absolute_links_are_fine():
    assert combine([doc()]) is None  # nothing to share
    links = '<p><a href="https://www.gov.cn/">政府网</a><img src="data:image/png;base64,AA" alt=""></p>'
    assert combine([doc(), doc("乙镇", links)]) is not None


@pytest.fixture(scope="module")
def two_reports() -> list[str]:
    exporter = ReportHTMLExporter()
    htmls = []
    for title in ("甲镇人民政府2023年政府信息公开工作年度报告", "乙镇人民政府2023年政府信息公开工作年度报告"):
        html, _ = exporter.from_notebook_node(report_notebook(), resources={"metadata": {"name": title}})
        htmls.append(html)
    return htmls


def _pages(pdf: bytes) -> int:
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        return len(opened.pages)


def _title(pdf: bytes) -> str:
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        return str(opened.docinfo["/Title"])


def test_a_failed_combined_print_falls_back_to_one_by_one(printer: PdfPrinter, two_reports,
                                                          monkeypatch):
    """If the shared print fails (or cannot be split), each document is printed alone and
    gets its own PDF; the printer is not left broken."""
    alone = [printer.pdf_bytes(h) for h in two_reports]
    render = printer._render

    def refuse_combined(page, html, footer=True):
        if MARK in html:
            raise RuntimeError("combined print refused")
        return render(page, html, footer)

    monkeypatch.setattr(printer, "_render", refuse_combined)
    parts = printer.pdf_many([(h, None) for h in two_reports])
    assert [_pages(p) for p in parts] == [_pages(p) for p in alone]  # type: ignore[arg-type]
    titles = [_title(p) for p in parts]  # type: ignore[arg-type]
    assert titles == ["甲镇人民政府2023年政府信息公开工作年度报告", "乙镇人民政府2023年政府信息公开工作年度报告"]
    monkeypatch.undo()
    assert all(isinstance(p, bytes) for p in printer.pdf_many([(h, None) for h in two_reports]))


def test_a_document_that_fails_alone_fails_alone(printer: PdfPrinter, two_reports, monkeypatch):
    """After the shared print fails, the one document that cannot be printed gets the
    Chinese error; the other still gets its PDF."""
    render = printer._render

    def refuse(page, html, footer=True):
        if MARK in html or "甲镇" in html[:2000]:
            raise RuntimeError("this document breaks the printer")
        return render(page, html, footer)

    monkeypatch.setattr(printer, "_render", refuse)
    first, second = printer.pdf_many([(h, None) for h in two_reports])
    assert isinstance(first, Exception) and "Chromium 未能把这份报告排版成 PDF" in str(first)
    assert isinstance(second, bytes) and second.startswith(b"%PDF")
