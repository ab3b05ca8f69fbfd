"""Export layer: report notebooks to self-contained HTML and A4 PDF.

    from kit.export import PdfPrinter, ReportHTMLExporter
    with PdfPrinter() as printer:              # one Chromium for the whole batch
        printer.print_notebook("report.ipynb", "out/report.pdf")

Exporters are registered for nbconvert as ``kit_html`` and ``kit_pdf``. Heavy modules are
imported on first attribute access, so ``import kit.export`` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from kit.export.errors import BrowserUnavailable, KitExportError

__all__ = [
    "BrowserUnavailable",
    "KitExportError",
    "PdfPrinter",
    "ReportHTMLExporter",
    "ReportPDFExporter",
]

_LAZY = {
    "ReportHTMLExporter": "kit.export.html",
    "PdfPrinter": "kit.export.pdf",
    "ReportPDFExporter": "kit.export.pdf",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kit.export' has no attribute {name!r}")
