"""The report's .docx opened outside Word: LibreOffice Writer (as a clerk or reader without
Word and its fonts would) turns it into a PDF, which is read back (pdffonts, pdftotext).

Every text keeps the kind of face its role has (serif body and bold serif title, sans
headings, 楷体 second-level headings: the embedded faces, kit.export.docx_fonts), not one
fallback sans face; Table 三's header keeps two characters a line; its second part starts a
page under 续表 with the group label marked ︵续︶.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from build_helpers import XIALIANG, normalize

from kit.export.docx_fonts import UKAI
from kit.formats.page import CONTINUED_TABLE, CONTINUED_VERTICAL

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("pdftotext") is None,
                                                   reason="poppler-utils is not installed")]


@pytest.fixture(scope="module")
def writer_pdf(built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if SOFFICE is None:
        pytest.fail("LibreOffice Writer is not installed: ./dev.sh setup installs libreoffice-writer-nogui")
    work = tmp_path_factory.mktemp("writer")
    source = work / "report.docx"
    shutil.copy(built.folder(XIALIANG) / "report.docx", source)
    profile = (work / "profile").as_uri()  # its own profile: no lock shared with another run
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(work), str(source)], check=True, capture_output=True, timeout=180)
    return work / "report.pdf"


def _run(*args: str) -> str:
    return subprocess.run(list(args), capture_output=True, text=True, check=True).stdout


def test_each_role_keeps_its_kind_of_face(writer_pdf):
    fonts = {line.split()[0].split("+")[-1] for line in _run("pdffonts", str(writer_pdf)).splitlines()[2:]}
    assert {"KitNotoSerifSC-Bold", "KitNotoSerifSC-Regular", "KitNotoSansSC-Regular"} <= fonts, fonts
    if UKAI.is_file():
        assert "UKaiCN" in fonts, fonts


def test_table_three_header_and_its_continuation(writer_pdf):
    pages = _run("pdftotext", "-layout", str(writer_pdf), "-").split("\f")
    raw = [normalize(page) for page in _run("pdftotext", "-raw", str(writer_pdf), "-").split("\f")]
    head = next(page for page in pages if "申请人情况" in page)
    assert all(word in head for word in ("自然", "商业", "科研", "总计")), head[:800]  # 2 a line
    going_on = [i for i, page in enumerate(pages) if page.lstrip().startswith(CONTINUED_TABLE)]
    assert len(going_on) == 1, [p[:40] for p in pages]
    assert normalize("三、本年度办理结果" + CONTINUED_VERTICAL) in raw[going_on[0]]
    assert "申请人情况" in pages[going_on[0]]  # the header rows again
