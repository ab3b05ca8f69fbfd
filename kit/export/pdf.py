"""PDF export: print kit HTML with one long-lived headless Chromium.

``PdfPrinter`` launches Chromium once and reuses one page for every document (about 0.5 s a
PDF); use it as a context manager for batches. ``ReportPDFExporter`` is the nbconvert exporter
behind ``jupyter nbconvert --to kit_pdf`` and JupyterLab's export menu (one launch per call).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import nbformat
from nbformat import NotebookNode
from traitlets import List, Unicode, default

from kit.base import atomic
from kit.export.browser import BrowserThread, find_chromium
from kit.export.errors import BrowserUnavailable, KitExportError
from kit.export.fonts import font_override_css
from kit.export.html import ReportHTMLExporter
from kit.export.print_many import FooterSheet, combine, footer_sheet_html, head_key, split, title_of
from kit.export.split_tables import SPLIT_ARGS, SPLIT_SCRIPT
from kit.formats.page import PAGE

if TYPE_CHECKING:
    from playwright.sync_api import Page

__all__ = ["BrowserUnavailable", "KitExportError", "PdfPrinter", "ReportPDFExporter"]

T = TypeVar("T")

# Page number "— N —": 4号 (14pt) half-width digits, centred under the text block, the dashes'
# top about 7 mm below it (GB/T 9704 7.5; kit.formats.page). Header/footer templates get no
# page CSS: font size and family must be explicit.
FOOTER_TEMPLATE = (
    '<div style="box-sizing:border-box;width:100%;margin:0 0 {bottom};padding:0 {right} 0 {left};'
    "text-align:center;font-size:14pt;line-height:1;color:#000;"
    "font-family:'Kit Noto Serif SC','Noto Serif CJK SC','Source Han Serif SC','SimSun',serif;\">"
    '—<span style="padding:0 0.45em"><span class="pageNumber"></span></span>—</div>'
)
FOOTER_PLACE = {"bottom": f"{PAGE.footer_bottom:g}mm", "right": f"{PAGE.right:g}mm", "left": f"{PAGE.left:g}mm"}
EMPTY_HEADER = "<span></span>"
FALLBACK_MARGINS = PAGE.margins()


class PdfPrinter:
    """One Chromium, one reused page: ``print_html`` / ``print_notebook`` write A4 PDFs.

    ``executable_path``: Chromium to use; else env var ``KIT_CHROMIUM``; else the first of
    chromium, chromium-browser, google-chrome on PATH. ``font_family``: body font, a preset
    ("宋体", "仿宋", "黑体", "楷体") or a CSS family list; Noto fonts always follow as fallback.
    Raises BrowserUnavailable (Chinese message naming the fix) when Chromium cannot start.
    """

    def __init__(
        self,
        executable_path: str | os.PathLike[str] | None = None,
        *,
        font_family: str | None = None,
        page_numbers: bool = True,
        extra_args: Sequence[str] = (),
        timeout_s: float = 60.0,
        exporter: ReportHTMLExporter | None = None,
    ) -> None:
        self.executable = find_chromium(executable_path)
        self.font_css = font_override_css(font_family)
        self.page_numbers = page_numbers
        self._browser = BrowserThread(self.executable, extra_args, timeout_s)
        self._exporter = exporter
        self._footers: dict[str, FooterSheet] = {}  # per head: the numbered footer pages

    def __enter__(self) -> PdfPrinter:
        self.open()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def open(self) -> None:
        """Launch Chromium now (otherwise the first document launches it)."""
        self._browser.start()

    def close(self) -> None:
        self._browser.close()

    @property
    def exporter(self) -> ReportHTMLExporter:
        if self._exporter is None:
            self._exporter = ReportHTMLExporter()
        return self._exporter

    def pdf_bytes(self, html: str, base_url: str | os.PathLike[str] | None = None) -> bytes:
        """Render ``html`` to PDF bytes; relative links resolve against folder ``base_url``."""
        html = self._prepare(html, base_url)
        return self.with_page(lambda page: self._render(page, html))

    def pdf_many(self, docs: Sequence[tuple[str, str | os.PathLike[str] | None]]
                 ) -> list[bytes | KitExportError]:
        """PDF bytes per ``(html, base_url)``, or the error that document met.

        Documents that can share one print (:mod:`kit.export.print_many`) are printed
        together and split; if that print fails or cannot be split, each is printed alone,
        so that a failure is the failing document's own."""
        htmls = [html for html, _ in docs]
        together = combine(htmls) if self.page_numbers else None
        if together is not None:
            html = self._prepare(together, docs[0][1])
            head = head_key(html)
            footer = self._footers.get(head)
            if footer is None:
                footer = self._footers[head] = self._footer_sheet(html)
            try:
                parts = split(self.with_page(lambda page: self._render(page, html, footer=False)),
                              [title_of(h) for h in htmls], footer)
            except Exception:  # printed one by one below, so that each failure is its own
                parts = None
            if parts is not None:
                return list(parts)
        printed: list[bytes | KitExportError] = []
        for html, base_url in docs:
            try:
                printed.append(self.pdf_bytes(html, base_url))
            except KitExportError as exc:
                printed.append(exc)
        return printed

    def _footer_sheet(self, html: str) -> FooterSheet:
        """Numbered pages printed under the head of ``html`` (same page size and margins)."""

        def print_pages(count: int) -> bytes:
            sheet = footer_sheet_html(html, count)
            return self.with_page(lambda page: self._render(page, sheet))

        return FooterSheet(print_pages)

    def print_html(
        self, html: str, out_path: str | os.PathLike[str], base_url: Path | None = None
    ) -> Path:
        """Write ``html`` as a PDF to ``out_path`` atomically; returns the path."""
        return atomic.write_bytes(Path(out_path), self.pdf_bytes(html, base_url))

    def print_notebook(
        self, nb: NotebookNode | str | os.PathLike[str], out_path: str | os.PathLike[str]
    ) -> Path:
        """Export a notebook (node or .ipynb path) with ReportHTMLExporter, then print it."""
        resources: dict[str, Any] = {"metadata": {"name": Path(out_path).stem}}
        base_url = None
        node = nb if isinstance(nb, NotebookNode) else nbformat.read(Path(nb), as_version=4)
        if not isinstance(nb, NotebookNode):
            base_url = Path(nb).resolve().parent
            resources["metadata"]["path"] = str(base_url)
        html, _ = self.exporter.from_notebook_node(node, resources=resources)
        return self.print_html(html, out_path, base_url)

    def with_page(self, fn: Callable[[Page], T]) -> T:
        """Run ``fn(page)`` with the shared Playwright page, on the browser's own thread.

        A Chromium that died (killed, crashed, out of memory) is relaunched and ``fn`` tried
        once more, so one lost browser does not fail every later report of a batch."""
        if not self._browser.running:
            self.open()
        try:
            return self._browser.call(fn)
        except KitExportError:
            raise
        except Exception as exc:
            if self._browser.alive():  # the browser is fine: this document failed
                raise _print_failed(exc) from exc
        self._browser.restart()  # raises BrowserUnavailable (Chinese) if it cannot start again
        try:
            return self._browser.call(fn)
        except KitExportError:
            raise
        except Exception as exc:
            raise _print_failed(exc) from exc

    def _prepare(self, html: str, base_url: str | os.PathLike[str] | None) -> str:
        head = ""
        if base_url is not None:
            head += f'<base href="{Path(base_url).resolve().as_uri()}/">\n'
        if self.font_css:
            head += f'<style type="text/css" id="kit-pdf-font">\n{self.font_css}</style>\n'
        if not head:
            return html
        match = re.search(r"</head\s*>", html, flags=re.IGNORECASE)
        if match is None:
            return head + html
        return html[: match.start()] + head + html[match.start() :]

    def _render(self, page: Page, html: str, footer: bool = True) -> bytes:
        # set_content keeps the page's document and renderer (warm font and style caches);
        # navigating to a file: URL costs about 12% more Chromium CPU per report.
        page.set_content(html, wait_until="load")
        page.evaluate("() => document.fonts.ready.then(() => true)")
        page.evaluate(SPLIT_SCRIPT, SPLIT_ARGS)  # no group label split open
        # The CSS @page rule (size A4, GB/T 9704 margins) wins; these only serve HTML without one.
        options: dict[str, Any] = {
            "prefer_css_page_size": True,
            "format": "A4",
            "margin": FALLBACK_MARGINS,
            "print_background": True,
        }
        if self.page_numbers and footer:
            options.update(
                display_header_footer=True,
                header_template=EMPTY_HEADER,
                footer_template=FOOTER_TEMPLATE.format(**FOOTER_PLACE),
            )
        return page.pdf(**options)


def _print_failed(exc: Exception) -> KitExportError:
    detail = (str(exc).strip().splitlines() or [""])[0]
    return KitExportError(f"Chromium 未能把这份报告排版成 PDF（{type(exc).__name__}: {detail}）。"
                          "HTML 已照常生成；请再生成一次。若这份报告每次都失败，请检查其 HTML 能否在"
                          "浏览器中正常打开，并把 HTML 文件发给维护人员。")


class ReportPDFExporter(ReportHTMLExporter):
    """nbconvert exporter ``kit_pdf``: the kit HTML printed to an A4 PDF by Chromium."""

    export_from_notebook = "政府信息公开年报 PDF"
    output_mimetype = "application/pdf"

    chromium_path = Unicode(
        "", help="Chromium executable; empty means $KIT_CHROMIUM or chromium on PATH."
    ).tag(config=True)
    browser_args = List(Unicode(), help="Extra Chromium command-line arguments.").tag(config=True)

    @default("file_extension")
    def _file_extension_default(self) -> str:
        return ".pdf"

    @default("template_extension")
    def _template_extension_default(self) -> str:
        return ".html.j2"

    def from_notebook_node(  # type: ignore[override]
        self, nb: NotebookNode, resources: dict[str, Any] | None = None, **kw: Any
    ) -> tuple[bytes, dict[str, Any]]:
        html, resources = super().from_notebook_node(nb, resources=resources, **kw)
        base_url = resources.get("metadata", {}).get("path") or None
        printer = PdfPrinter(self.chromium_path or None, extra_args=tuple(self.browser_args))
        with printer:
            pdf = printer.pdf_bytes(html, base_url)
        resources["output_extension"] = ".pdf"
        return pdf, resources
