"""The printed PDF: every label and number in order, A4, embedded fonts, page numbers.

下良镇 2021 is checked against the published reference text; the fictional units (non-zero
tables, one with prose long enough to span many pages) against tokens derived from their
params through the format model, so a dropped row, label or cell shows up.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from build_helpers import EXAMPLE, FIXTURES, XIALIANG, normalize
from test_build_reference import missing_in_order, reference_tokens

from kit.cli.main import main
from kit.formats.spec import LabelCell
from kit.params.loader import load_params
from kit.params.model import Prose, ReportParams, SectionText
from kit.params.writer import dumps
from kit.render.blocks import preamble_text
from kit.render.tables import build_table

pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("pdftotext") is None,
                                                   reason="poppler-utils is not installed")]
PAGE_NUMBER = re.compile(r"^\s*—\s*(\d+)\s*—\s*$", re.MULTILINE)


def pdf_text(pdf: Path) -> str:
    """Text in content order (the DOM order Chromium paints), page numbers taken out."""
    raw = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    return normalize(PAGE_NUMBER.sub("", raw.replace("\f", "\n")))


def expected_tokens(params: ReportParams) -> list[str]:
    """Title, preamble, headings, paragraphs, and each table's labels and cells, in order."""
    tokens = [params.display_title, *preamble_text(params).splitlines()]
    for section in params.format.sections:
        body = params.section(section.id)
        tokens += [section.full_heading, *body.text.splitlines()]
        for sub in section.subsections:
            tokens.append(params.subsection_heading(section.id, sub.id))
            tokens += params.subsection(section.id, sub.id).text.splitlines()
        if section.table:
            built = build_table(params, section.table)
            for line in (*built.table.head, *built.table.body):
                for cell in line:
                    tokens.append(cell.text if isinstance(cell, LabelCell)
                                  else built.text(cell.row, cell.col))
    return [normalize(t) for t in tokens if t.strip()]


def check_pdf_file(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # emb column
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    raw = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    assert [int(n) for n in PAGE_NUMBER.findall(raw)] == list(range(1, pages + 1))
    assert all(page.strip() for page in raw.split("\f")[:pages])  # no blank page
    return pages


def test_reference_report_pdf_in_order(built):
    pdf = built.folder(XIALIANG) / "report.pdf"
    check_pdf_file(pdf)
    tokens, header = reference_tokens((FIXTURES / "xialiang-2021.txt").read_text(encoding="utf-8"))
    text = pdf_text(pdf)
    assert missing_in_order(tokens, text) == []
    assert all(label in text for label in header)


def test_fictional_unit_pdf_in_order(built):
    pdf = built.folder(EXAMPLE) / "report.pdf"
    check_pdf_file(pdf)
    params, _ = load_params(EXAMPLE)
    assert missing_in_order(expected_tokens(params), pdf_text(pdf)) == []
    assert "1.2345" in pdf_text(pdf) and "15" in pdf_text(pdf)


@pytest.fixture(scope="module")
def long_report(tmp_path_factory) -> Path:
    """A fictional unit whose every subsection is long enough to run over pages."""
    params, problems = load_params(EXAMPLE)
    assert not [p for p in problems if p.is_error]
    long = {
        sid: SectionText("\n".join([body.text] * 3) if body.text else "",
                         {k: Prose("\n".join(f"{p.text}（第{i}段）" for i in range(1, 7)), p.title)
                          for k, p in body.subsections.items()})
        for sid, body in params.sections.items()
    }
    unit = replace(params.unit, name="长文镇")
    root = tmp_path_factory.mktemp("long")
    path = root / "params" / "测试县" / "长文镇" / "2023.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(dumps(replace(params, unit=unit, sections=long)), encoding="utf-8")
    out = root / "outputs"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["build", "--to", "html,pdf", "--out", str(out), str(path)]) == 0
    return path


def test_long_prose_pdf_spans_pages_in_order(long_report):
    pdf = long_report.parents[3] / "outputs" / "测试县" / "长文镇" / "2023" / "report.pdf"
    assert check_pdf_file(pdf) >= 6
    params, _ = load_params(long_report)
    assert missing_in_order(expected_tokens(params), pdf_text(pdf)) == []
