"""Table 三 across a page break: the first part ends closed, the rest goes on under 续表.

Each built PDF is read page by page (pdftotext): where Table 三 continues, the continuation
page starts with 续表, repeats the header rows and the group label marked （续）, and no row
of the table is printed on the page before the first part ends.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from build_helpers import EXAMPLE, HOSTILE, XIALIANG, normalize

from kit.export.split_tables import CONTINUED_TABLE
from kit.export.split_tables import CONTINUED_VERTICAL as CONTINUED

pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("pdftotext") is None,
                                                   reason="poppler-utils is not installed")]
LABEL = "三、本年度办理结果"
LAST_ROW = "四、结转下年度继续办理"


def pages(pdf: Path) -> list[str]:
    raw = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    return [normalize(page) for page in raw.split("\f")]


@pytest.mark.parametrize("params_file", [XIALIANG, EXAMPLE, HOSTILE], ids=["下良镇", "示例镇", "注入镇"])
def test_table_three_continues_under_a_marked_header(built, params_file):
    text = pages(built.folder(params_file) / "report.pdf")
    starts = [i for i, page in enumerate(text) if normalize("一、本年新收政府信息公开申请数量") in page]
    ends = [i for i, page in enumerate(text) if normalize(LAST_ROW) in page]
    assert len(starts) == 1 and len(ends) == 1
    first, last = starts[0], ends[0]
    if first == last:  # the whole table on one page: nothing to continue
        assert CONTINUED_TABLE not in text[first]
        return
    for page in text[first + 1:last + 1]:  # every page the table goes on to
        assert page.startswith(CONTINUED_TABLE)  # 续表 heads the page, then the header rows
        assert page.index("申请人情况") < page.index(normalize("（一）予以公开") if
                                                normalize("（一）予以公开") in page else
                                                normalize(LABEL + CONTINUED))
    assert normalize(LABEL + CONTINUED) in text[last] or normalize("（一）予以公开") in text[last]
    assert sum(page.count(normalize(LABEL)) for page in text) >= 1
    assert normalize("（七）总计") in text[last]
