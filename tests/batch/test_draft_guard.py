"""The draft guard of ``kit build``: an untouched ``kit new`` year is refused (exit 1, the
markers listed, nothing written); ``--draft`` builds it with 草稿 on every page of every output."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import nbformat
import pdfplumber
import pytest
from batch_helpers import build

from kit.cli.main import main
from kit.render.draft import NOTICE, STAMP

REPO = Path(__file__).resolve().parents[2]
PARAMS = REPO / "params"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def new_year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("draft")
    shutil.copytree(PARAMS, root / "params")
    assert main(["new", "襄垣县/下良镇", "2022", "--params", str(root / "params")]) == 0
    return root


def test_an_untouched_new_year_is_refused_naming_the_markers(new_year):
    out = new_year / "outputs"
    code, printed, _ = build(str(new_year / "params/襄垣县/下良镇/2022.yaml"),
                             "--params", str(new_year / "params"), "--out", str(out), "--to", "html,pdf")
    assert code == 1
    assert "[草稿，未生成] 襄垣县/下良镇/2022" in printed and "--draft" in printed
    listed = [line for line in printed.splitlines() if "【请按本年度情况改写】" in line and "V-S5" in line]
    assert len(listed) >= 8, printed  # every paragraph still marked, by place
    assert "一、总体情况（一）主动公开情况" in printed and "仍是草稿而未生成 1 份" in printed
    assert not (out / "襄垣县/下良镇/2022/report.html").exists()


def test_draft_stamps_every_page_of_every_output(new_year):
    out = new_year / "outputs-draft"
    code, printed, _ = build(str(new_year / "params/襄垣县/下良镇/2022.yaml"),
                             "--params", str(new_year / "params"), "--out", str(out),
                             "--to", "html,pdf,docx", "--draft")
    assert code == 0, printed
    assert "草稿" in printed.splitlines()[1]
    folder = out / "襄垣县/下良镇/2022"
    html = (folder / "report.html").read_text(encoding="utf-8")
    assert NOTICE in html and "kit-draft-mark" in html and "position:fixed" in html
    fonts = subprocess.run(["pdffonts", str(folder / "report.pdf")], capture_output=True, text=True,
                           check=True).stdout
    assert "Type 3" not in fonts and "KitNotoSansSC-Bold" in fonts  # the stamp uses the kit's fonts
    with pdfplumber.open(folder / "report.pdf") as pdf:
        assert len(pdf.pages) >= 2
        for number, page in enumerate(pdf.pages, start=1):  # the watermark: 草稿 in 120 pt
            big = "".join(sorted(c["text"] for c in page.chars if c["size"] > 60))
            assert big == "".join(sorted(STAMP)), f"page {number}: {big!r}"
    nb = nbformat.read(folder / "report.ipynb", as_version=4)
    title = next(c for c in nb.cells if c.cell_type == "code" and "report.title()" in c.source)
    assert NOTICE in title.outputs[0]["data"]["text/html"]
    word = docx.Document(str(folder / "report.docx"))
    assert all(NOTICE in s.header.paragraphs[0].text for s in word.sections)


def test_a_draft_copy_never_outlives_a_build_that_refuses_it(new_year):
    out = new_year / "outputs-draft"  # holds the stamped copy of the test above
    folder = out / "襄垣县/下良镇/2022"
    assert (folder / "report.pdf").is_file()
    code, printed, _ = build(str(new_year / "params/襄垣县/下良镇/2022.yaml"),
                             "--params", str(new_year / "params"), "--out", str(out), "--to", "html,pdf")
    assert code == 1 and "[草稿，未生成]" in printed  # not skipped as "unchanged": --draft is in the fingerprint
    assert not any(folder.glob("report.*")), list(folder.iterdir())
