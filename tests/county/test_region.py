"""The 市 summary over two fictional counties, built from the county roll-ups' figures."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date

import pytest
from county_helpers import FIXTURES, PARAMS

from kit.county.figures import figures_path, load_figures
from kit.county.region import RegionError, load_region, region_blocks
from kit.county.rollup import load_county, summed_table

TODAY = date(2023, 2, 1)


@pytest.fixture
def two_counties(tmp_path):
    root = tmp_path / "params"
    shutil.copytree(FIXTURES / "desk" / "params" / "仿真县", root / "仿真县")
    shutil.copytree(PARAMS / "虚构县", root / "虚构县")
    return root


def test_counties_found_by_city_and_tables_summed_over_them(two_counties):
    data = load_region(two_counties, "示例市", 2022, today=TODAY)
    assert [c.county for c in data.counties] == ["仿真县", "虚构县"]
    for table_id in ("applications", "review_litigation"):
        summed = data.summed(table_id).values
        parts = [summed_table(load_county(two_counties, c, 2022), table_id).values for c in ("仿真县", "虚构县")]
        assert summed == {k: parts[0][k] + parts[1][k] for k in summed}
    fang = data.counties[0]
    assert fang.units_with("missing") == ["新庄镇"] and fang.units_with("late") == ["北坪乡"]
    assert data.counties[1].units_with("missing") == ["丙镇"]


def test_region_parts_list_missing_reports_per_county(two_counties):
    blocks = region_blocks(load_region(two_counties, "示例省", 2022, today=TODAY))
    text = "\n".join(b.text for b in blocks)
    assert "未报：仿真县：新庄镇；虚构县：丙镇。" in text
    status = next(b for b in blocks if b.kind == "grid")
    assert status.rows[0][:3] == ("县（区）", "应报", "已发布")
    assert status.rows[-1][:2] == ("合计", "9")
    assert "county" not in text and "params" not in text


def test_figures_are_reused_until_a_file_changes(two_counties, tmp_path):
    out = tmp_path / "out"
    first = load_region(two_counties, "示例市", 2022, out_root=out, today=TODAY)
    assert first.recomputed == 2 and figures_path(out, "仿真县", 2022).is_file()
    again = load_region(two_counties, "示例市", 2022, out_root=out, today=TODAY)
    assert again.recomputed == 0 and again.counties == first.counties
    path = two_counties / "仿真县" / "北坪乡" / "2022.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("published: 2023-03-15", "published: 2023-02-15"),
                    encoding="utf-8")
    changed, fresh = load_figures(two_counties, "仿真县", 2022, out, TODAY)
    assert fresh and changed.units_with("late") == []
    kept = json.loads(figures_path(out, "仿真县", 2022).read_text(encoding="utf-8"))
    assert kept["made_from"]["judged_on"] == "2023-02-01"


def test_unknown_region_or_county_names_the_fix(two_counties):
    with pytest.raises(RegionError, match=r"没有属于“北京市”的县（区）.*示例市"):
        load_region(two_counties, "北京市", 2022)
    with pytest.raises(RegionError, match="无此县"):
        load_region(two_counties, "示例市", 2022, ["无此县"])


@pytest.mark.slow
def test_cli_writes_html_docx_and_notebook(two_counties, tmp_path):
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "kit", "region", "示例市", "2022", "仿真县", "虚构县",
                          "--params", str(two_counties), "--out", str(out), "--no-pdf", "--docx"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    folder = out / "示例市" / "2022"
    assert sorted(p.name for p in folder.iterdir()) == ["region.docx", "region.html", "region.ipynb"]
    html = (folder / "region.html").read_text(encoding="utf-8")
    assert "示例市2022年度乡镇政府信息公开工作年度报告汇总" in html and "新庄镇" in html
    assert "（七）总计" in html and "python -m kit" not in html
    bad = subprocess.run([sys.executable, "-m", "kit", "region", "北京市", "2022", "--params", str(two_counties)],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and "示例市" in bad.stderr and "Traceback" not in bad.stderr
