"""The pdfium page (kit.reading.pdf_pages) gives pdfplumber's table finder and line builder
what pdfminer gives them: on PDFs from Chromium (the kit's) and from LibreOffice (a Word file
saved as PDF), every table's cells and every text line come out the same (bench/lint.py
measures the time: 40 PDFs in 1.9 s instead of 5.0 s on 2 cores)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from reading_helpers import PUBLISHED

from kit.reading.pdf_pages import Page
from kit.reading.pdf_reader import _backdrop

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _plumber(raw: bytes) -> list[tuple]:
    found = []
    with pdfplumber.open(io.BytesIO(raw)) as pdf:
        for whole in pdf.pages:
            page = whole.filter(lambda obj, whole=whole: not _backdrop(obj, whole))
            tables = page.find_tables()
            found.append(([t.extract() for t in tables], [ln["text"] for ln in page.extract_text_lines()]))
    return found


def _pdfium(raw: bytes) -> list[tuple]:
    found = []
    pdf = pdfium.PdfDocument(raw)
    try:
        for number in range(1, len(pdf) + 1):
            page = Page(pdf, number)
            for rect in [r for r in page.rects if _backdrop(r, page)]:
                page.without(rect)
            tables = page.find_tables()
            found.append(([t.extract() for t in tables], [ln["text"] for ln in page.extract_text_lines()]))
    finally:
        pdf.close()
    return found


@pytest.fixture(scope="module")
def writer_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if SOFFICE is None:
        pytest.fail("LibreOffice Writer is not installed: ./dev.sh setup installs libreoffice-writer-nogui")
    work = tmp_path_factory.mktemp("writer")
    shutil.copy(PUBLISHED / "jiazhen-2022.docx", work / "jiazhen.docx")
    profile = (work / "profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(work), str(work / "jiazhen.docx")], check=True, capture_output=True, timeout=180)
    return work / "jiazhen.pdf"


@pytest.mark.parametrize("name", ["xialiang.pdf", "jiazhen-2022.pdf"])
def test_the_kits_pdfs_read_alike(name):
    raw = (PUBLISHED / name).read_bytes()
    assert _pdfium(raw) == _plumber(raw)


@pytest.mark.slow
def test_a_word_file_saved_as_pdf_by_libreoffice_reads_alike(writer_pdf):
    raw = writer_pdf.read_bytes()
    pages = _pdfium(raw)
    assert pages == _plumber(raw)
    assert sum(len(tables) for tables, _ in pages) >= 3  # the three official tables were found
