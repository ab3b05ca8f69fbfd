"""Levels as data: each unit kind's level, organ name and rules; a title's organ and level."""

from __future__ import annotations

from datetime import date

import pytest

from kit.formats.levels import (
    CITY,
    COUNTY,
    DEPARTMENT,
    KIND_NAMES,
    LEVELS,
    TOWNSHIP,
    infer_level,
    kind_from_name,
    level_named,
    level_of,
    organ,
    title_organ,
)


def test_the_law_by_level():
    township, department, county, city = (LEVELS[i] for i in (TOWNSHIP, DEPARTMENT, COUNTY, CITY))
    # 《条例》第四十九条: departments by 1月31日, governments by 3月31日; townships: the county's
    assert department.due(2023) == date(2024, 1, 31) and county.due(2023) == city.due(2023) == date(2024, 3, 31)
    assert township.local_deadline and not department.local_deadline
    # 立法法: only 省级 and 设区的市 governments make 规章
    assert [lv.id for lv in LEVELS.values() if lv.makes_regulations] == [CITY]
    # 第五十条(四): 各级人民政府 report 考核、评议、追究; departments are not named
    assert not department.reports_oversight and township.reports_oversight and county.reports_oversight


@pytest.mark.parametrize(("kind", "name", "expected", "level"), [
    ("镇", "下良镇", "襄垣县下良镇人民政府", TOWNSHIP),
    ("乡", "上马乡", "襄垣县上马乡人民政府", TOWNSHIP),
    ("街道", "古韩街道", "襄垣县古韩街道办事处", TOWNSHIP),
    ("街道", "古韩", "襄垣县古韩街道办事处", TOWNSHIP),
    ("片区", "海坛片区", "襄垣县海坛片区管理局", TOWNSHIP),
    ("部门", "教育局", "襄垣县教育局", DEPARTMENT),
    ("部门", "襄垣县财政局", "襄垣县财政局", DEPARTMENT),
    ("县政府", "县政府", "襄垣县人民政府", COUNTY),
    ("市政府", "市政府", "长治市人民政府", CITY),
    ("省政府", "省政府", "山西省人民政府", CITY),
])
def test_organ_and_level_of_each_kind(kind, name, expected, level):
    assert kind in KIND_NAMES
    assert organ(kind, "山西省", "长治市", "襄垣县", name) == expected
    assert level_of(kind).id == level


@pytest.mark.parametrize(("name", "kind"), [
    ("下良镇", "镇"), ("上马乡", "乡"), ("古韩街道", "街道"), ("海坛片区", "片区"),
    ("教育局", "部门"), ("卫生健康委员会", "部门"), ("发展和改革局", "部门"), ("行政审批服务管理局", "部门"),
    ("县政府", "县政府"), ("襄垣县人民政府", "县政府"),
])
def test_kit_new_guesses_the_kind_from_the_name(name, kind):
    assert kind_from_name(name) == kind


@pytest.mark.parametrize(("title", "level"), [
    ("襄垣县下良镇 2021 年度政府信息公开 工作年度报告", TOWNSHIP),
    ("平潭综合实验区海坛片区管理局 2024年度政府信息公开工作年度报告", TOWNSHIP),
    ("济南市历下区大明湖街道办事处2022年政府信息公开工作年度报告", TOWNSHIP),
    ("2022年襄垣县教育局政府信息公开工作年度报告", DEPARTMENT),
    ("2019年上海市人民政府办公厅政府信息公开工作年度报告", CITY),  # publishes the city's 规章
    ("高淳区人民政府办公室2022年政府信息公开工作年度报告", COUNTY),
    ("长治市教育局2022年政府信息公开工作年度报告", DEPARTMENT),
    ("襄垣县人民政府2022年政府信息公开工作年度报告", COUNTY),
    ("沈阳市浑南区人民政府2022年政府信息公开工作年度报告", COUNTY),
    ("长治市人民政府2022年政府信息公开工作年度报告", CITY),
    ("山西省人民政府2022年政府信息公开工作年度报告", CITY),
])
def test_the_level_a_title_shows(title, level):
    found = infer_level(title_organ(title))
    assert found is not None and found.id == level


def test_a_title_without_an_organ_shows_no_level():
    assert infer_level(title_organ("2022年政府信息公开工作年度报告")) is None


def test_levels_by_the_words_a_user_types():
    assert level_named("部门").id == DEPARTMENT and level_named("county").id == COUNTY
    assert level_named("县级人民政府").id == COUNTY and level_named("镇").id == TOWNSHIP
    assert level_named("村") is None
