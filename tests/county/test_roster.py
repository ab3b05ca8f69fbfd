"""The roster: one status per expected township, judged against the county's deadline."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from county_helpers import FIXTURES

from kit.county.rollup import load_county
from kit.county.roster import roster

DESK = FIXTURES / "desk" / "params"
COUNTY = "仿真县"


def statuses(data, today):
    return {s.unit: (s.label, s.detail) for s in roster(data, today)}


def test_each_status_in_the_desk_county():
    data = load_county(DESK, COUNTY, 2022)
    before_deadline = statuses(data, date(2023, 2, 1))
    assert {u: label for u, (label, _) in before_deadline.items()} == {
        "东关镇": "已发布（2023-01-18）", "西河乡": "已发布（2023-02-10）", "南山镇": "有错误",
        "北坪乡": "逾期", "中和街道": "草稿", "新庄镇": "未报"}
    assert "晚于截止日期 2023-02-20 23 天" in before_deadline["北坪乡"][1]
    assert "1 处文字沿用上年" in before_deadline["中和街道"][1]
    assert "应在截止日期 2023-02-20 前发布" in before_deadline["新庄镇"][1]
    after = statuses(data, date(2023, 3, 1))
    assert after["中和街道"][0] == "逾期" and "已过仍未发布" in after["中和街道"][1]
    assert after["新庄镇"][0] == "未报" and "已过，尚未报送" in after["新庄镇"][1]


def test_a_finished_report_without_a_date_is_not_called_unpublished(tmp_path):
    shutil.copytree(DESK, tmp_path / "params")
    path = tmp_path / "params" / COUNTY / "东关镇" / "2022.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("published: 2023-01-18\n", ""), encoding="utf-8")
    data = load_county(tmp_path / "params", COUNTY, 2022)
    assert statuses(data, date(2023, 2, 1))["东关镇"] == ("草稿", "尚未填写发布日期；应在截止日期 2023-02-20 前发布。")
    late = statuses(data, date(2023, 3, 1))["东关镇"]
    assert late[0] == "逾期" and "没有记录发布日期" in late[1] and "仍未发布" not in late[1]


def test_default_deadline_is_january_31(tmp_path):
    shutil.copytree(DESK, tmp_path / "params")
    (tmp_path / "params" / COUNTY / "county.yaml").unlink()
    data = load_county(tmp_path / "params", COUNTY, 2022)
    found = statuses(data, date(2023, 1, 25))
    assert found["西河乡"][0] == "逾期"  # published 2023-02-10, after 01-31
    assert found["东关镇"][0] == "已发布（2023-01-18）"
    assert "新庄镇" not in found  # without a roster only the townships with files are expected


def test_a_township_off_the_roster_is_shown_and_said(tmp_path):
    shutil.copytree(DESK, tmp_path / "params")
    settings = tmp_path / "params" / COUNTY / "county.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("东关镇, ", ""), encoding="utf-8")
    found = {s.unit: s for s in roster(load_county(tmp_path / "params", COUNTY, 2022), date(2023, 2, 1))}
    assert not found["东关镇"].on_roster and "不在县级设置的应报名单中" in found["东关镇"].detail
    assert list(found)[-1] == "东关镇"


@pytest.mark.parametrize("year", [2021])
def test_everyone_on_time_in_2021(year):
    found = statuses(load_county(DESK, COUNTY, year), date(2026, 12, 1))
    assert found["北坪乡"][0] == "已发布（2022-02-15）"  # 02-20 is the county's own deadline
    assert found["新庄镇"][0] == "未报"
