"""A batch prints several reports in one Chromium call: each PDF is still its own report."""

from __future__ import annotations

import io

import pdfplumber
import pikepdf
from batch_helpers import COUNTY, build, make_county, report_dir, state, unit_name

from kit.batch.records import group_size
from kit.export.print_many import MAX_GROUP


def test_reports_printed_together_are_each_their_own_pdf(tmp_path):
    params = make_county(tmp_path, 3)
    out = tmp_path / "out"
    code, printed, _ = build("--jobs", "1", "--to", "html,pdf", "--params", str(params),
                             "--out", str(out))
    assert code == 0, printed
    for i in (1, 2, 3):
        pdf = (report_dir(out, i) / "report.pdf").read_bytes()
        assert state(out, i)["status"] == "ok"
        with pikepdf.open(io.BytesIO(pdf)) as opened:
            title = str(opened.docinfo["/Title"])
        assert title == f"{COUNTY}{unit_name(i)}人民政府2023年政府信息公开工作年度报告"
        with pdfplumber.open(io.BytesIO(pdf)) as doc:
            pages = [p.extract_text() for p in doc.pages]
        assert len(pages) >= 4
        assert unit_name(i) in pages[0]
        others = [unit_name(j) for j in (1, 2, 3) if j != i]
        assert not any(name in text for name in others for text in pages)
        for number, text in enumerate(pages, start=1):  # numbered from its own first page
            assert text.rstrip().endswith(f"— {number} —"), (i, number, text[-40:])


def test_group_sizes_shrink_towards_the_end():
    assert group_size(40, 1) == 2 * MAX_GROUP and group_size(3, 1) == 3
    sizes, left = [], 40
    while left:
        sizes.append(group_size(left, 2))
        left -= sizes[-1]
    assert max(sizes) <= 2 * MAX_GROUP and sizes == sorted(sizes, reverse=True) and sizes[-1] == 1
    assert group_size(1, 4) == 1 and group_size(0, 2) == 1
