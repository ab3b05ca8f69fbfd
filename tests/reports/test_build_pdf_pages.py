"""Tables on paper, wherever the text before them ends: 32 reports whose section 一 grows by
most of a line each, in two places, (so Tables 二 and 三 meet a page break at every possible row, some rows
just fitting) are built to PDF and read page by page (pdftotext).

On every page a table goes on to, the page starts with 续表; Table 二 goes on under its band
(第二十条第（…）项) and column header; no page ends with a band or header row; Table 三
starts with its group label beside enough rows, never with two rows at a page's foot, and
takes two pages; the continued group label is marked ︵续︶, set one character a line.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from build_helpers import XIALIANG, normalize

from kit.cli.main import main
from kit.export.split_tables import CONTINUED_TABLE, CONTINUED_VERTICAL

pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("pdftotext") is None,
                                                   reason="poppler-utils is not installed")]
VARIANTS = 32
APP_VARIANTS = 6
APP_2022 = Path(__file__).resolve().parents[1] / "fixtures" / "app-2022" / "2022.yaml"
SENTENCE = "进一步加强政务公开队伍建设，定期开展业务培训。"  # 23 characters: under a line
TABLE_TWO = ("规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费")
TABLE_THREE = ("一、本年新收", "（一）予以公开", "（二）部分公开", "（七）总计", "四、结转下年度")
BAND = re.compile(r"^第二十条第（.）项")
FOOTER = re.compile(r"^[—–-]\s*\d+\s*[—–-]$")


def _pages(pdf: Path, mode: str = "-layout") -> list[list[str]]:
    raw = subprocess.run(["pdftotext", mode, str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    return [[line.strip() for line in page.splitlines() if line.strip() and not FOOTER.match(line.strip())]
            for page in raw.split("\f") if page.strip()]


class Pdf(list[list[str]]):
    """A PDF's pages as lines as laid out, and ``raw``: in the order drawn (a vertical label
    whole)."""

    raw: list[str]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> list[Pdf]:
    root = tmp_path_factory.mktemp("pages")
    source = XIALIANG.read_text(encoding="utf-8")
    # grown at the end of 一（五）, just before Table 二, or at the end of 一（一） on the first
    # page, so that headings too meet the foot of a page (kept with the text after them)
    anchors = ("狠抓落实政府信息公开工作。", "年度报告 1 条。")
    assert all(anchor in source for anchor in anchors)
    for k in range(VARIANTS):
        unit = f"第{k + 1}镇"
        path = root / "params" / "襄垣县" / unit / "2021.yaml"
        path.parent.mkdir(parents=True)
        anchor, grown = anchors[k % 2], SENTENCE * (k // 2 * 2 + k % 2)
        path.write_text(source.replace("下良镇", unit).replace(anchor, anchor + grown, 1), encoding="utf-8")
    # a 2022 report as the app published it (a contact line, other prose): its 行政许可 row
    # once printed alone on a page, a heading at a page's foot having been measured apart
    app = APP_2022.read_text(encoding="utf-8")
    for k in range(APP_VARIANTS):
        unit = f"第{VARIANTS + k + 1}镇"
        path = root / "params" / "襄垣县" / unit / "2022.yaml"
        path.parent.mkdir(parents=True)
        path.write_text(app.replace("下良镇", unit).replace("社会评议总体满意。", "社会评议总体满意。" + SENTENCE * k),
                        encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["build", "--no-progress", "--no-rollup", "--to", "pdf", "--jobs", "2",
                     "--out", str(root / "out"), str(root / "params")]) == 0
    found = []
    for k in range(VARIANTS + APP_VARIANTS):
        year = 2021 if k < VARIANTS else 2022
        path = root / "out" / "襄垣县" / f"第{k + 1}镇" / str(year) / "report.pdf"
        pdf = Pdf(_pages(path))
        pdf.raw = [normalize("".join(page)) for page in _pages(path, "-raw")]
        found.append(pdf)
    return found


def _holding(pages: list[list[str]], labels: tuple[str, ...]) -> list[int]:
    return [i for i, page in enumerate(pages) if any(line.startswith(labels) for line in page)]


@pytest.mark.parametrize("labels", [TABLE_TWO, TABLE_THREE], ids=["表二", "表三"])
def test_every_page_a_table_goes_on_to_starts_with_xubiao(pdfs, labels):
    for k, pages in enumerate(pdfs):
        held = _holding(pages, labels)
        assert held == list(range(held[0], held[-1] + 1)), (k, held)
        for i in held[1:]:
            assert pages[i][0] == CONTINUED_TABLE, (k, i, pages[i][:3])


def test_table_two_goes_on_under_its_band_and_header(pdfs):
    for k, pages in enumerate(pdfs):
        for i in _holding(pages, TABLE_TWO)[1:]:
            assert BAND.match(pages[i][1]) and pages[i][2].startswith("信息内容"), (k, pages[i][:4])


def test_no_page_ends_with_a_band_or_header_row(pdfs):
    for k, pages in enumerate(pdfs):
        for i, page in enumerate(pages[:-1]):
            last = page[-1]
            assert not BAND.match(last) and not last.startswith("信息内容"), (k, i, page[-3:])


def test_table_three_starts_with_room_for_its_label_and_takes_two_pages(pdfs):
    for k, pages in enumerate(pdfs):
        held = _holding(pages, TABLE_THREE)
        first = "".join(pages[held[0]])
        assert all(label in first for label in TABLE_THREE[:3]), (k, pages[held[0]][-6:])
        assert normalize("三、本年度办理结果") in pages.raw[held[0]], k  # the label, whole
        assert len(held) == 2, (k, held)
        assert normalize("三、本年度办理结果" + CONTINUED_VERTICAL) in pages.raw[held[1]], k
