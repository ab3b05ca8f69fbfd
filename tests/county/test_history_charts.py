"""Year-over-year charts compare the same townships and say who is left out."""

from __future__ import annotations

from county_helpers import COUNTY, PARAMS

from kit.county.history_charts import comparable
from kit.county.rollup import Point
from kit.county.summary import open_summary


def test_same_townships_every_year():
    points = [Point("甲", 2021, 5, 1), Point("甲", 2022, 6, 1), Point("乙", 2021, 9, 1),
              Point("乙", 2022, 8, 0), Point("丙", 2021, 4, 0)]
    assert comparable(points, 2022) == ([2021, 2022], ["乙", "甲"])


def test_oldest_years_dropped_until_someone_has_them_all():
    points = [Point("甲", 2020, 1, 0), Point("乙", 2021, 2, 0), Point("乙", 2022, 3, 0)]
    assert comparable(points, 2022) == ([2021, 2022], ["乙"])
    assert comparable([Point("甲", 2020, 1, 0), Point("乙", 2021, 2, 0)], 2021) == ([2021], [])


def test_county_chart_note_names_who_is_left_out():
    blocks = open_summary(COUNTY, 2022, PARAMS).chart_blocks()
    note = next(b.text for b in blocks if b.kind == "note")
    # 2020–2022: only 甲镇 has all three years; 乙乡 has no 2020 and 丙镇 no 2022
    assert "同一组 1 个乡镇（甲镇）" in note
    assert "乙乡（缺少 2020 年度数据）" in note and "丙镇（缺少 2022 年度数据）" in note
