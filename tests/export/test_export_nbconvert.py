"""ReportPDFExporter as nbconvert uses it: in-process and from the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from export_poppler import page_text
from export_samples import TITLE, report_notebook

from kit.export.pdf import ReportPDFExporter

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]


def test_pdf_exporter_returns_pdf_bytes(tmp_path: Path) -> None:
    exporter = ReportPDFExporter(browser_args=["--disable-extensions"])
    pdf, resources = exporter.from_notebook_node(report_notebook(rows=3))
    assert pdf.startswith(b"%PDF")
    assert resources["output_extension"] == ".pdf"
    assert exporter.browser_args == ["--disable-extensions"]  # not mutated per call
    out = tmp_path / "report.pdf"
    out.write_bytes(pdf)
    assert TITLE in page_text(out, 1)


@pytest.mark.slow
def test_nbconvert_command_line(tmp_path: Path) -> None:
    nb_path = tmp_path / "年报.ipynb"
    nbformat.write(report_notebook(rows=3), nb_path)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    cmd = [sys.executable, "-m", "jupyter", "nbconvert", "--to", "kit.export.pdf.ReportPDFExporter"]
    done = subprocess.run([*cmd, str(nb_path)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    out = tmp_path / "年报.pdf"
    assert out.read_bytes().startswith(b"%PDF")
    assert TITLE in page_text(out, 1)
