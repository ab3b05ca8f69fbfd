"""Fixtures for export tests: one HTML exporter and one Chromium for the whole session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from export_samples import report_notebook

from kit.export.html import ReportHTMLExporter
from kit.export.pdf import PdfPrinter


@pytest.fixture(scope="session")
def exporter() -> ReportHTMLExporter:
    return ReportHTMLExporter()


@pytest.fixture(scope="session")
def report_html(exporter: ReportHTMLExporter) -> str:
    html, _ = exporter.from_notebook_node(report_notebook())
    return html


@pytest.fixture(scope="session")
def printer() -> Iterator[PdfPrinter]:
    with PdfPrinter() as shared:
        yield shared


@pytest.fixture(scope="session")
def report_pdf(printer: PdfPrinter, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "report.pdf"
    return printer.print_notebook(report_notebook(), out)
