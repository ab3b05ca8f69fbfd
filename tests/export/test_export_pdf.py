"""PdfPrinter: A4, embedded fonts, page numbers, long tables, atomic writes, clear errors."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import nbformat
import pytest
from export_poppler import MM, page_count, page_text, page_words, run
from export_samples import HEADER, TITLE, report_notebook

from kit.export.errors import BrowserUnavailable, KitExportError
from kit.export.pdf import PdfPrinter

pytestmark = pytest.mark.browser

PAGE_NUMBER = re.compile(r"—\s*(\d+)\s*—")


def test_pages_are_a4(report_pdf: Path) -> None:
    info = run("pdfinfo", str(report_pdf))
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)", info)
    assert size, info
    assert abs(float(size[1]) - 595.28) < 1 and abs(float(size[2]) - 841.89) < 1


def test_every_font_is_embedded(report_pdf: Path) -> None:
    rows = run("pdffonts", str(report_pdf)).splitlines()[2:]
    assert rows, "no fonts in the PDF"
    # Chromium embeds CJK glyphs as Type 3 fonts; every font must be in the file.
    emb = [re.split(r"\s+", row.rsplit(" ", 5)[0].strip())[-1] for row in rows]
    assert set(emb) == {"yes"}, rows


def test_chinese_text_and_page_numbers(report_pdf: Path) -> None:
    n = page_count(report_pdf)
    assert n >= 3
    assert TITLE in page_text(report_pdf, 1)
    for page in range(1, n + 1):
        numbers = PAGE_NUMBER.findall(page_text(report_pdf, page))
        assert numbers == [str(page)], f"page {page}: {numbers}"


def test_long_table_flows_with_repeated_header(report_pdf: Path) -> None:
    first, second = page_text(report_pdf, 1), page_text(report_pdf, 2)
    assert "第1项" in first  # the table starts on page 1: no blank space pushed it away
    assert "第80项" not in second
    assert all(h in second for h in HEADER), second[:300]  # header row repeated on page 2
    assert re.search(r"第\d+项", second)


def test_no_blank_pages(report_pdf: Path) -> None:
    for page in range(1, page_count(report_pdf) + 1):
        body = PAGE_NUMBER.sub("", page_text(report_pdf, page)).strip()
        assert body, f"page {page} is blank"


def test_margins_and_page_number_position(report_pdf: Path) -> None:
    words = page_words(report_pdf, 2)
    number = [w for w in words if w[0] == "2" and w[2] > 250 * MM]
    body = [w for w in words if w not in number and w[0] != "—"]
    assert min(w[1] for w in body) >= 28 * MM - 1  # left margin 28 mm
    assert max(w[3] for w in body) <= (210 - 26) * MM + 1  # right margin 26 mm
    # "— 2 —" sits about 7 mm below the 225 mm text block (which ends 35 mm above the
    # page's foot), centred under it. Word boxes are line boxes, so compare their centres.
    assert len(number) == 1
    _, x0, y0, x1, y1 = number[0]
    assert (297 - 35 + 3) * MM < (y0 + y1) / 2 < (297 - 25) * MM
    assert abs((x0 + x1) / 2 - (28 + 156 / 2) * MM) < 3 * MM


def test_print_html_writes_atomically(printer: PdfPrinter, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "doc.pdf"
    out.parent.mkdir()
    out.write_bytes(b"old")
    printer.print_html('<html><body><p class="kit-p">替换旧文件</p></body></html>', out)
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in out.parent.iterdir()] == ["doc.pdf"]


def test_print_notebook_from_a_file(printer: PdfPrinter, tmp_path: Path) -> None:
    nb_path = tmp_path / "report.ipynb"
    nbformat.write(report_notebook(rows=2), nb_path)
    out = printer.print_notebook(nb_path, tmp_path / "out" / "report.pdf")
    assert TITLE in page_text(out, 1)


def test_works_inside_a_running_event_loop(printer: PdfPrinter) -> None:
    # Jupyter kernels run cells inside an asyncio loop, where Playwright's sync API refuses
    # to run; PdfPrinter keeps Playwright on its own thread.
    async def in_loop() -> bytes:
        return printer.pdf_bytes("<p>事件循环</p>")

    assert asyncio.run(in_loop()).startswith(b"%PDF")


def test_font_family_override_reaches_the_page(printer: PdfPrinter) -> None:
    html, _ = printer.exporter.from_notebook_node(report_notebook(rows=1))
    styled = PdfPrinter(printer.executable, font_family="黑体")._prepare(html, None)

    def body_font(page) -> str:  # type: ignore[no-untyped-def]
        page.set_content(styled)
        return page.evaluate("getComputedStyle(document.querySelector('.kit-p')).fontFamily")

    assert printer.with_page(body_font).startswith("SimHei, 黑体")


def test_missing_browser_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(BrowserUnavailable) as err:
        PdfPrinter(tmp_path / "no-such-chromium")
    message = str(err.value)
    assert isinstance(err.value, KitExportError)
    assert "sudo apt-get install -y chromium fonts-noto-cjk" in message
    assert "KIT_CHROMIUM" in message and "no-such-chromium" in message


def test_env_var_and_path_lookup(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KIT_CHROMIUM", str(tmp_path / "gone"))
    with pytest.raises(BrowserUnavailable, match="环境变量 KIT_CHROMIUM"):
        PdfPrinter()
    monkeypatch.delenv("KIT_CHROMIUM")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BrowserUnavailable, match="未找到 Chromium 浏览器"):
        PdfPrinter()


def test_browser_that_fails_to_start(tmp_path: Path) -> None:
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\nexit 3\n")
    fake.chmod(0o755)
    with pytest.raises(BrowserUnavailable, match=r"Chromium 浏览器启动失败.*apt-get install"):
        PdfPrinter(fake).open()
