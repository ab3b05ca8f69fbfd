"""county.yaml: the roster, the deadline and the threshold, with Chinese errors for bad values."""

from __future__ import annotations

from datetime import date

import pytest

from kit.params.county_file import CountySettingsError, load_settings
from kit.params.paths import discover, strays


def write(tmp_path, text):
    folder = tmp_path / "params" / "测试县"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "county.yaml").write_text(text, encoding="utf-8")
    return tmp_path / "params"


def test_defaults_without_a_file(tmp_path):
    settings = load_settings(tmp_path, "测试县")
    assert settings.townships is None and settings.source is None
    assert settings.deadline_for(2022) == date(2023, 1, 31)
    assert settings.similarity == 0.8
    assert settings.expected(["乙乡", "甲镇"]) == ["乙乡", "甲镇"]


def test_roster_deadline_override_and_threshold(tmp_path):
    root = write(tmp_path, "# 设置\ntownships: [甲镇, 乙乡]\ndeadline: 02-20\n"
                           "deadlines: {2023: 2024-03-01}\nsimilarity: 0.9\n")
    settings = load_settings(root, "测试县")
    assert settings.townships == ("甲镇", "乙乡")
    assert settings.expected(["丙镇"]) == ["甲镇", "乙乡"]
    assert settings.deadline_for(2022) == date(2023, 2, 20)
    assert settings.deadline_for(2023) == date(2024, 3, 1)
    assert settings.similarity == 0.9


@pytest.mark.parametrize(("text", "says"), [
    ("townships: 甲镇\n", "应为乡镇名称的列表"),
    ("townships: [甲镇, 甲镇]\n", "重复列出了 甲镇"),
    ("townships: [../x]\n", "不能包含“..”"),
    ("deadline: 13-40\n", "不是月-日"),
    ("deadlines: {2022: 明年}\n", "应写成 年度: YYYY-MM-DD"),
    ("similarity: 2\n", "0.5 到 1 之间"),
    ("deadlne: 02-20\n", "不是可用的设置项"),
    ("- a\n- b\n", "应为“键: 值”形式"),
    ("townships: [甲镇\n", "无法读取"),
])
def test_bad_settings_name_the_fix(tmp_path, text, says):
    root = write(tmp_path, text)
    with pytest.raises(CountySettingsError, match=says) as caught:
        load_settings(root, "测试县")
    assert "county.yaml" in str(caught.value)


def test_county_yaml_is_not_a_stray_params_file(tmp_path):
    root = write(tmp_path, "townships: [甲镇]\n")
    assert strays([root]) == [] and discover([root]) == []


def test_february_29_falls_back_to_the_28th_in_other_years(tmp_path):
    settings = load_settings(write(tmp_path, "deadline: 02-29\n"), "测试县")
    assert settings.deadline_for(2023) == date(2024, 2, 29)
    assert settings.deadline_for(2022) == date(2023, 2, 28)
