"""The example's PDF embeds CID TrueType subsets (no Type 3), stays small, gives back its text
character for character, and its PDF/A-2b copy passes the structural check."""

from __future__ import annotations

import re
import subprocess

import pdfplumber
import pikepdf
import pytest
from build_helpers import XIALIANG

from kit.export.pdfa import pdfa_problems
from kit.params.loader import load_params
from kit.params.paths import REPO_ROOT

pytestmark = pytest.mark.slow
EXAMPLE = REPO_ROOT / "params" / "襄垣县" / "下良镇" / "2021.yaml"


def fonts(pdf) -> list[tuple[str, str, str]]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [(line.split()[0], " ".join(line.split()[1:3]), line.split()[-5]) for line in out.splitlines()[2:]]


def test_fonts_are_cid_truetype_subsets_and_the_file_is_small(built):
    pdf = built.folder(XIALIANG) / "report.pdf"
    found = fonts(pdf)
    assert found and all(kind == "CID TrueType" and emb == "yes" for _, kind, emb in found), found
    assert not [f for f in found if "Type 3" in f[1]]
    assert {name.split("+")[1] for name, _, _ in found} >= {"KitNotoSerifSC-Regular", "KitNotoSerifSC-Bold",
                                                            "KitNotoSansSC-Regular"}
    assert pdf.stat().st_size <= 250_000, pdf.stat().st_size


def _flat(text: str) -> str:
    """Without spaces, line breaks and the page numbers (“— 2 —”) a paragraph runs across."""
    return re.sub(r"—\d+—", "", re.sub(r"\s+", "", text))


def test_text_comes_back_character_for_character(built):
    pdf = built.folder(XIALIANG) / "report.pdf"
    params, _ = load_params(EXAMPLE)
    paragraphs = [line.strip() for s in params.sections.values() for line in s.all_text().splitlines() if line.strip()]
    poppler = _flat(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    with pdfplumber.open(pdf) as document:
        plumber = _flat("".join(page.extract_text() for page in document.pages))
    assert not [ch for ch in plumber if 0x2E80 <= ord(ch) <= 0x2FDF]  # no look-alike radicals
    for paragraph in paragraphs:
        assert _flat(paragraph) in poppler, paragraph[:20]
        assert _flat(paragraph) in plumber, paragraph[:20]


def test_archival_copy_is_pdf_a_2b(built):
    folder = built.folder(XIALIANG)
    archived = (folder / "report-pdfa.pdf").read_bytes()
    assert pdfa_problems(archived) == []
    with pikepdf.open(folder / "report-pdfa.pdf") as document:
        meta = document.open_metadata()
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "B")
        assert "下良镇" in str(meta["dc:title"])
        assert len(document.pages) == len(pikepdf.open(folder / "report.pdf").pages)
    plain = pdfa_problems((folder / "report.pdf").read_bytes())
    assert "XMP 元数据没有声明 PDF/A-2b" in plain and "缺少 sRGB 输出意图（OutputIntent）" in plain
