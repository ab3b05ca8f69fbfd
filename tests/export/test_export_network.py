"""The exported HTML, opened in Chromium, asks no other host for anything."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kit.export.pdf import PdfPrinter

pytestmark = pytest.mark.browser

LOCAL = ("data:", "about:", "file:", "blob:")
CSP = re.compile(r"<meta[^>]*Content-Security-Policy[^>]*>")


def requested_urls(printer: PdfPrinter, html: str, folder: Path) -> list[str]:
    """Every URL Chromium requests while loading ``html`` from a file:// URL."""
    doc = folder / "page.html"
    doc.write_text(html, encoding="utf-8")

    def load(page) -> list[str]:  # type: ignore[no-untyped-def]
        urls: list[str] = []
        listener = lambda request: urls.append(request.url)  # noqa: E731
        page.on("request", listener)
        try:
            page.goto(doc.as_uri(), wait_until="load")
            page.evaluate("() => document.fonts.ready.then(() => true)")
            page.wait_for_timeout(100)  # let DOMContentLoaded handlers start any fetch
        finally:
            page.remove_listener("request", listener)
        return urls

    return printer.with_page(load)


def test_exported_html_requests_nothing_remote(
    printer: PdfPrinter, report_html: str, tmp_path: Path
) -> None:
    # Without the CSP meta, so this checks the markup itself, not the policy that guards it.
    assert CSP.search(report_html)
    urls = requested_urls(printer, CSP.sub("", report_html), tmp_path)
    assert urls and all(url.startswith(LOCAL) for url in urls), urls


def test_request_recorder_sees_remote_urls(printer: PdfPrinter, tmp_path: Path) -> None:
    bad = (
        '<html><head><link rel="stylesheet" href="https://cdn.example.com/x.css"></head>'
        '<body><img src="http://example.com/a.png"></body></html>'
    )
    urls = requested_urls(printer, bad, tmp_path)
    assert "https://cdn.example.com/x.css" in urls and "http://example.com/a.png" in urls
