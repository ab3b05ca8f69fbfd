"""Reports printed together (kit.export.print_many) are the same PDFs as printed one by one.

The three reports of the shared build (下良镇 2021, 示例镇, 注入镇 with HTML-like prose) were
each printed alone by ``kit build``. Here their HTML goes through one combined print and is
split again; each part must be that report's own PDF: the same pages, pixel for pixel at
100 dpi (page numbers "— N —" counted from its own first page included), the same text per
page (pdfplumber), its own title, only CID TrueType fonts, no marker link left, and an
archival copy that passes the PDF/A check.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from build_helpers import EXAMPLE, HOSTILE, XIALIANG
from PIL import Image, ImageChops

from kit.export.pdf import PdfPrinter
from kit.export.pdfa import pdfa_problems, to_pdfa
from kit.export.print_many import MARK

pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                                   reason="poppler-utils is not installed")]
FILES = [XIALIANG, EXAMPLE, HOSTILE]


@pytest.fixture(scope="module")
def printer() -> Iterator[PdfPrinter]:
    with PdfPrinter() as shared:
        yield shared


@pytest.fixture(scope="module")
def together(built, printer: PdfPrinter) -> list[bytes]:
    docs = [((built.folder(f) / "report.html").read_text(encoding="utf-8"), built.folder(f))
            for f in FILES]
    parts = printer.pdf_many(docs)
    assert all(isinstance(p, bytes) for p in parts), parts
    return parts  # type: ignore[return-value]


def _pages_png(pdf: bytes, folder: Path, name: str) -> list[Image.Image]:
    path = folder / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "100", "-png", str(path), str(folder / name)], check=True)
    return [Image.open(p).convert("L") for p in sorted(folder.glob(f"{name}-*.png"))]


@pytest.mark.parametrize("index", range(len(FILES)), ids=["下良镇", "示例镇", "注入镇"])
def test_each_part_is_the_report_printed_alone(built, together, index, tmp_path):
    alone = (built.folder(FILES[index]) / "report.pdf").read_bytes()
    part = together[index]
    mine, theirs = _pages_png(part, tmp_path, "part"), _pages_png(alone, tmp_path, "alone")
    assert len(mine) == len(theirs) >= 4
    for number, (a, b) in enumerate(zip(mine, theirs, strict=True), start=1):
        assert ImageChops.difference(a, b).getbbox() is None, f"page {number} differs"
    with pdfplumber.open(io.BytesIO(part)) as p, pdfplumber.open(io.BytesIO(alone)) as q:
        assert [pg.extract_text() for pg in p.pages] == [pg.extract_text() for pg in q.pages]
        assert p.pages[-1].extract_text().rstrip().endswith(f"— {len(mine)} —")


@pytest.mark.parametrize("index", range(len(FILES)), ids=["下良镇", "示例镇", "注入镇"])
def test_each_part_has_its_title_its_fonts_and_no_marker(built, together, index, tmp_path):
    with pikepdf.open(built.folder(FILES[index]) / "report.pdf") as alone:
        title = str(alone.docinfo["/Title"])
    part = pikepdf.open(io.BytesIO(together[index]))
    assert str(part.docinfo["/Title"]) == title
    for page in part.pages:
        for annot in page.obj.get("/Annots", ()):
            assert not str(annot.get("/A", {}).get("/URI", "")).startswith(MARK)
    path = tmp_path / "part.pdf"
    path.write_bytes(together[index])
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    names = [line.split()[0] for line in listing]
    assert all("CID TrueType" in line for line in listing), listing
    assert len(set(names)) == len(names)  # no two subsets share a name
    assert [n for n in names if n.startswith("KITPNO+")] == ["KITPNO+KitNotoSerifSC-Regular"]


def test_a_part_makes_a_valid_archival_copy(together):
    assert pdfa_problems(to_pdfa(together[0], "下良镇 2021")) == []
