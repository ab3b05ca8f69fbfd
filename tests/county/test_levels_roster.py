"""Departments on the county's roster: their deadline is the law's (1月31日), not the county's
township setting, and the roll-up shows townships and departments apart."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from county_helpers import FIXTURES

from kit.county.rollup import load_county
from kit.county.roster import roster
from kit.county.summary import Summary
from kit.params.county_file import CountySettingsError, load_settings

DESK = FIXTURES / "desk" / "params"
COUNTY = "仿真县"


@pytest.fixture
def params(tmp_path):
    root = tmp_path / "params"
    shutil.copytree(DESK, root)
    settings = root / COUNTY / "county.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "departments: [教育局, 财政局, 民政局]\n",
                        encoding="utf-8")
    source = (root / COUNTY / "东关镇" / "2022.yaml").read_text(encoding="utf-8")
    for unit, published in (("教育局", "2023-01-30"), ("财政局", "2023-02-10")):
        text = source.replace("name: 东关镇", f"name: {unit}").replace("kind: 镇", "kind: 部门")
        text = text.replace("published: 2023-01-18", f"published: {published}")
        (root / COUNTY / unit).mkdir()
        (root / COUNTY / unit / "2022.yaml").write_text(text, encoding="utf-8")
    return root


def test_a_department_is_judged_by_the_statutory_deadline(params):
    data = load_county(params, COUNTY, 2022)
    assert [lv.id for lv in data.levels()] == ["township", "department"]
    found = {s.unit: s for s in roster(data, date(2023, 2, 15))}
    assert found["教育局"].label == "已发布（2023-01-30）"
    # 2月10日 is before the townships' 2月20日, but a department's deadline is 1月31日 (第四十九条)
    assert found["财政局"].label == "逾期" and "晚于截止日期 2023-01-31 10 天" in found["财政局"].detail
    assert found["民政局"].label == "未报" and "2023-01-31 已过" in found["民政局"].detail
    assert found["北坪乡"].label == "逾期" and "2023-02-20" in found["北坪乡"].detail
    order = [s.unit for s in roster(data, date(2023, 2, 15))]
    assert order.index("中和街道") < order.index("教育局")  # townships first, then departments


def test_the_summary_shows_townships_and_departments_apart(params):
    summary = Summary(load_county(params, COUNTY, 2022), {}, today=date(2023, 2, 15))
    assert summary.title_text == "仿真县2022年度政府信息公开工作年度报告汇总"
    intro = summary.roster_blocks()[1].text
    assert "乡镇（街道） 6 个，县级以上政府部门 3 个" in intro
    assert "乡镇（街道）为 2023年2月20日；县级以上政府部门为 2023年1月31日" in intro
    grid = summary.overview_blocks()[1].rows
    labels = [row[0] for row in grid]
    assert labels.index("乡镇（街道）小计") < labels.index("教育局") < labels.index("县级以上政府部门小计")
    assert labels[-1] == "合计" and grid[0][0] == "单位"
    township_sub, department_sub, total = (grid[labels.index(k)] for k in
                                           ("乡镇（街道）小计", "县级以上政府部门小计", "合计"))
    assert int(township_sub[2]) + int(department_sub[2]) == int(total[2])  # 本年新收申请
    blocks = summary.section_blocks("applications")
    assert [b.text for b in blocks if b.kind == "heading2"] == ["（一）乡镇（街道）", "（二）县级以上政府部门"]
    assert sum(b.kind == "table" for b in blocks) == 2


def test_townships_only_keeps_the_township_wording():
    summary = Summary(load_county(DESK, COUNTY, 2022), {})
    assert summary.title_text == "仿真县2022年度乡镇政府信息公开工作年度报告汇总"
    assert summary.overview_blocks()[1].rows[0][0] == "乡镇"


def test_a_unit_listed_twice_is_refused_in_chinese(tmp_path):
    folder = tmp_path / COUNTY
    folder.mkdir()
    (folder / "county.yaml").write_text("townships: [甲镇, 教育局]\ndepartments: [教育局]\n", encoding="utf-8")
    with pytest.raises(CountySettingsError, match="都列出了 教育局"):
        load_settings(tmp_path, COUNTY)
