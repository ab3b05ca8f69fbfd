"""outputs/index.html shows each county-year's roster next to the build results."""

from __future__ import annotations

from pathlib import Path

from kit.batch.index_page import write_index
from kit.params.outputs import OUTPUT_NAMES

DESK = Path(__file__).resolve().parents[1] / "fixtures" / "desk" / "params"


def test_index_lists_every_expected_township_with_its_status(tmp_path):
    out = tmp_path / "outputs"
    for unit in ("东关镇", "北坪乡"):
        folder = out / "仿真县" / unit / "2022"
        folder.mkdir(parents=True)
        (folder / OUTPUT_NAMES["html"]).write_text("<html></html>", encoding="utf-8")
    html = write_index(out, DESK).read_text(encoding="utf-8")
    assert "2022 年度报送情况" in html
    roster = html.split("2022 年度报送情况")[1].split("</details>")[0]
    assert '<td>新庄镇</td><td class="bad">未报</td>' in roster
    assert '<td>北坪乡</td><td class="bad">逾期</td>' in roster
    assert '<td>东关镇</td><td class="ok">已发布（2023-01-18）</td>' in roster
    assert roster.count("<tr>") == 7  # the header and the six townships on the roster
    assert "报送情况" not in write_index(out).read_text(encoding="utf-8")  # no params given: no roster
