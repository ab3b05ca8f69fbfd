"""Publishing an executed report notebook as HTML and PDF, with exporters kept alive.

A :class:`Publisher` holds one ``ReportHTMLExporter`` per thread (the first export costs
~0.6 s, later ones a few ms) and, once a PDF is asked for, one ``PdfPrinter`` (one Chromium
for the whole batch). When Chromium is missing, the first PDF fails with the exporter's
Chinese message and later PDFs fail at once with the same message instead of trying again.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

from nbformat import NotebookNode

from kit.base.atomic import write_bytes, write_text
from kit.export.errors import BrowserUnavailable, KitExportError
from kit.export.html import ReportHTMLExporter
from kit.export.pdf import PdfPrinter


class Publisher:
    """HTML and PDF for many reports; use as a context manager so Chromium is closed."""

    def __init__(self, chromium: str | None = None, font_family: str | None = None) -> None:
        self.chromium = chromium
        self.font_family = font_family
        self._local = threading.local()  # one HTML exporter per thread (they keep state per export)
        self._printer: PdfPrinter | None = None
        self._browser_error: Exception | None = None

    def __enter__(self) -> Publisher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def html(self, nb: NotebookNode, folder: Path, title: str) -> str:
        """The published HTML of an executed notebook (inputs and review-only cells dropped)."""
        exporter = getattr(self._local, "html", None)
        if exporter is None:
            exporter = self._local.html = ReportHTMLExporter(font_family=self.font_family or "")
        resources: dict[str, Any] = {"metadata": {"name": title, "path": str(folder)}}
        html, _ = exporter.from_notebook_node(nb, resources=resources)
        return html

    def write_html(self, html: str, path: Path) -> Path:
        return write_text(path, html)

    def pdf_bytes(self, html: str, folder: Path) -> bytes:
        """The printed PDF of ``html`` (relative links resolved in ``folder``)."""
        return self._ensure_printer().pdf_bytes(html, base_url=folder)

    def pdf_many(self, docs: list[tuple[str, Path]]) -> list[bytes | KitExportError]:
        """PDF bytes (or the error met) per ``(html, folder)``, printed together where they can
        be (:meth:`PdfPrinter.pdf_many`); raises BrowserUnavailable when Chromium cannot start."""
        return self._ensure_printer().pdf_many(docs)

    def graphic(self, svg: str) -> tuple[bytes, bytes]:
        """An SVG picture (the 图解) printed by the same Chromium: (PNG at its own size, PDF of
        one page that size), the kit's fonts loaded before either is taken."""
        width = re.search(r'width="(\d+)"', svg)
        height = re.search(r'height="(\d+)"', svg)
        if width is None or height is None:
            raise KitExportError("图解没有宽度和高度，无法生成图片。")
        size = f"{width.group(1)}px {height.group(1)}px"
        page_html = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>@page {{ size: {size}; margin: 0 }}"
                     f"html, body {{ margin: 0; padding: 0 }} svg {{ display: block }}</style></head>"
                     f"<body>{svg}</body></html>")

        def take(page: Any) -> tuple[bytes, bytes]:
            page.set_content(page_html, wait_until="load")
            page.evaluate("() => document.fonts.ready.then(() => true)")
            png = page.locator("svg").screenshot(type="png", animations="disabled")
            pdf = page.pdf(prefer_css_page_size=True, print_background=True)
            return png, pdf

        return self._ensure_printer().with_page(take)

    def write_pdf(self, html: str, path: Path) -> Path:
        """Print ``html`` to ``path`` (atomically); raises KitExportError with a Chinese message."""
        printer = self._ensure_printer()
        return write_bytes(path, printer.pdf_bytes(html, base_url=path.parent))

    def _ensure_printer(self) -> PdfPrinter:
        if self._browser_error is not None:
            raise self._browser_error
        if self._printer is None:
            try:
                printer = PdfPrinter(self.chromium)  # the HTML already carries the font
                printer.open()
            except BrowserUnavailable as exc:
                self._browser_error = exc
                raise
            self._printer = printer
        return self._printer

    def close(self) -> None:
        printer, self._printer = self._printer, None
        if printer is not None:
            printer.close()

