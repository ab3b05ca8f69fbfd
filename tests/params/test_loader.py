"""Bad params files get clear Chinese problems (never a traceback); good ones load."""

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from kit.params.loader import load_params

EXAMPLE = Path(__file__).resolve().parents[2] / "params" / "襄垣县" / "下良镇" / "2021.yaml"


@pytest.fixture
def example(tmp_path) -> Path:
    target = tmp_path / "params" / "襄垣县" / "下良镇" / "2021.yaml"
    target.parent.mkdir(parents=True)
    shutil.copy(EXAMPLE, target)
    return target


def edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def rules(problems):
    return [p.rule for p in problems]


def test_example_loads_without_problems(example):
    params, problems = load_params(example)
    assert problems == []
    assert params.unit.organ == "襄垣县下良镇人民政府"
    assert params.year == 2021 and params.format.id == "2021"
    assert params.breakdown.total == 44 and sum(params.breakdown.items.values()) == 44
    assert params.value("proactive", "fees", "amount") == 0
    assert params.subsection_heading("problems", "improvements") == "（二）改进措施"


def test_malformed_yaml_gives_line_number(example):
    edit(example, "  kind: 镇\n", "  kind: 镇\n  oops: [unclosed\n")
    params, problems = load_params(example)
    assert params is None and rules(problems) == ["P-YAML"]
    assert problems[0].line in (9, 10)
    assert "成对" in problems[0].message  # an unclosed [ : says the brackets do not pair


def test_unknown_key_has_did_you_mean(example):
    edit(example, "    received: {natural: 0,", "    recieved: {natural: 0,")
    _, problems = load_params(example)
    key = [p for p in problems if p.rule == "P-KEY"]
    assert len(key) == 1 and "received" in key[0].message and "recieved" in key[0].message
    assert key[0].line is not None


def test_chinese_label_as_key_suggests_id(example):
    edit(example, "    licensing: {decisions: 0}", "    行政许可: {decisions: 0}")
    _, problems = load_params(example)
    assert any(p.rule == "P-KEY" and "licensing" in p.message for p in problems)


def test_text_in_number_cell(example):
    edit(example, "    received: {natural: 0,", "    received: {natural: 三,")
    params, problems = load_params(example)
    bad = [p for p in problems if p.rule == "V-N5"]
    assert len(bad) == 1 and "三" in bad[0].message
    assert bad[0].row == "一、本年新收政府信息公开申请数量" and bad[0].column == "自然人"
    assert ("applications", "received", "natural") in params.invalid


@pytest.mark.parametrize(("value", "words"), [
    ("-2", "负数"), ("1.5", "整数"), ("100000000", "大得不合常理"), ("'5'", "去掉引号"), ("true", "是/否"),
])
def test_bad_numbers(example, value, words):
    edit(example, "    received: {natural: 0,", f"    received: {{natural: {value},")
    _, problems = load_params(example)
    assert [p.rule for p in problems] == ["V-N5"]
    assert words in problems[0].message


def test_fee_decimals(example):
    edit(example, "fees: {amount: 0}", "fees: {amount: 0.1250}")
    params, problems = load_params(example)
    assert problems == [] and params.value("proactive", "fees", "amount") == Decimal("0.125")
    edit(example, "fees: {amount: 0.1250}", "fees: {amount: 0.12345}")
    _, problems = load_params(example)
    assert "4 位小数" in problems[0].message


def test_missing_required_fields(example):
    edit(example, "  province: 山西省\n", "")
    edit(example, "year: 2021\n", "")
    params, problems = load_params(example)
    assert params is None
    assert {p.field for p in problems if p.rule == "P-REQ"} == {"unit.province", "year"}


def test_year_without_format(tmp_path, example):
    target = tmp_path / "params" / "襄垣县" / "下良镇" / "2018.yaml"
    shutil.copy(example, target)
    edit(target, "year: 2021", "year: 2018")
    params, problems = load_params(target)
    assert params is None and rules(problems) == ["V-F1"]
    assert "2021 格式" in problems[0].message


def test_path_disagrees_with_content(tmp_path, example):
    target = tmp_path / "params" / "襄垣县" / "上良镇" / "2022.yaml"
    target.parent.mkdir(parents=True)
    shutil.copy(example, target)
    _, problems = load_params(target)
    assert rules(problems) == ["P-PATH", "P-PATH"]
    assert any("上良镇" in p.message for p in problems) and any("2022" in p.message for p in problems)


@pytest.mark.parametrize("name", ["../下良镇", "..", "下良/镇", ".hidden"])
def test_unit_names_that_escape(example, name):
    edit(example, "  name: 下良镇", f"  name: '{name}'")
    params, problems = load_params(example)
    assert params is None and "P-NAME" in rules(problems)


def test_not_utf8(tmp_path):
    target = tmp_path / "2021.yaml"
    target.write_bytes("unit:\n  name: 下良镇\n".encode("gb18030"))
    params, problems = load_params(target)
    assert params is None and rules(problems) == ["P-ENC"]
    assert "UTF-8" in problems[0].message and problems[0].line == 2


def test_duplicate_key(example):
    edit(example, "year: 2021\n", "year: 2021\nyear: 2022\n")
    _, problems = load_params(example)
    assert "P-KEY" in rules(problems)


def test_every_problem_not_just_the_first(example):
    edit(example, "    received: {natural: 0,", "    received: {natural: -1,")
    edit(example, "    disclosed: {natural: 0,", "    disclosed: {natural: x,")
    edit(example, "  kind: 镇", "  kind: 村")
    _, problems = load_params(example)
    assert rules(problems).count("V-N5") == 2 and "P-TYPE" in rules(problems)


def test_stated_totals_are_kept_for_checking(example):
    edit(example, "    received: {natural: 0,", "    received: {total: 3, natural: 0,")
    params, problems = load_params(example)
    assert problems == [] and params.stated[("applications", "received", "total")] == 3
