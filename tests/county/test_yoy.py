"""同比 sentences: exact text, zero previous values, the V-S7 hint and `python -m kit yoy`."""

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from county_helpers import COUNTY, PARAMS

from kit.params.loader import load_params
from kit.params.model import Breakdown
from kit.render.report_html import render_section
from kit.rules.validate import check_file
from kit.rules.yoy import sentence, suggest, with_suggestion

ROOT = Path(__file__).resolve().parents[2]


def load(unit, year, root=PARAMS):
    params, _ = load_params(root / COUNTY / unit / f"{year}.yaml")
    assert params is not None
    return params


def kit(*args):
    return subprocess.run([sys.executable, "-m", "kit", *args], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def test_increase_both_subsections():
    assert suggest(load("甲镇", 2022), load("甲镇", 2021)) == {
        "proactive": "本年共发布信息52条，较上年（44条）增加8条，增长18.2%。",
        "on_request": "收到政府信息公开申请8件，较上年（7件）增加1件，增长14.3%。",
    }


def test_decrease_and_unchanged():
    assert suggest(load("乙乡", 2022), load("乙乡", 2021)) == {
        "proactive": "本年共发布信息27条，较上年（30条）减少3条，下降10.0%。",
        "on_request": "收到政府信息公开申请3件，与上年持平。",
    }


def test_zero_previous_year_has_no_percentage():
    # 丙镇 received no application in 2020 and 2 in 2021 (the 2019 format in the earlier year)
    assert suggest(load("丙镇", 2021), load("丙镇", 2020))["on_request"] == (
        "收到政府信息公开申请2件，较上年（0件）增加2件。")
    assert sentence("本年共发布信息", "条", 0, 0) == "本年共发布信息0条，与上年持平。"
    assert sentence("收到政府信息公开申请", "件", 0, 4) == "收到政府信息公开申请0件，较上年（4件）减少4件，下降100.0%。"


def test_rounding_half_up():
    assert sentence("本年共发布信息", "条", 3, 8) == "本年共发布信息3条，较上年（8条）减少5条，下降62.5%。"
    assert sentence("本年共发布信息", "条", 45, 40) == "本年共发布信息45条，较上年（40条）增加5条，增长12.5%。"


def test_no_previous_or_no_breakdown():
    now, before = load("甲镇", 2022), load("甲镇", 2021)
    assert suggest(now, None) == {}
    assert suggest(now, load("甲镇", 2020)) == {}  # not the year before
    assert list(suggest(now, replace(before, breakdown=None))) == ["on_request"]
    items_only = replace(before, breakdown=Breakdown(None, {"a": 40, "b": 4}))
    assert suggest(now, items_only)["proactive"].startswith("本年共发布信息52条，较上年（44条）")


def test_check_mentions_the_suggestion_when_yoy_is_empty():
    _, problems = check_file(PARAMS / COUNTY / "甲镇" / "2022.yaml")
    [vs7] = [p for p in problems if p.rule == "V-S7"]
    assert "一（一）“本年共发布信息52条，较上年（44条）增加8条，增长18.2%。”" in vs7.message
    assert "python -m kit" not in vs7.message  # the form has a button: the CLI hint is for the CLI
    assert "python -m kit yoy" in vs7.detail and "--accept" in vs7.format()
    _, first_year = check_file(PARAMS / COUNTY / "乙乡" / "2021.yaml")
    assert "同比句" not in next(p for p in first_year if p.rule == "V-S7").message


def test_no_hint_once_a_sentence_is_accepted():
    now, before = load("甲镇", 2022), load("甲镇", 2021)
    accepted = replace(now, yoy={"on_request": "自拟的同比句。"})
    assert with_suggestion([], accepted, before) == []


def test_accept_writes_yoy_and_report_shows_it(params_dir):
    path = params_dir / COUNTY / "甲镇" / "2022.yaml"
    original = path.read_text(encoding="utf-8")
    shown = kit("yoy", str(path))
    assert shown.returncode == 0, shown.stderr
    assert "本年共发布信息52条，较上年（44条）增加8条，增长18.2%。" in shown.stdout
    assert path.read_text(encoding="utf-8") == original  # showing changes nothing

    done = kit("yoy", str(path), "--accept")
    assert done.returncode == 0, done.stderr
    params, problems = check_file(path)
    assert params.yoy == suggest(params, load("甲镇", 2021))
    assert not [p for p in problems if p.rule == "V-S7" or p.is_error]
    text = path.read_text(encoding="utf-8")
    assert text.replace("yoy:\n", "").count("\n") > original.count("\n")
    assert text.index("yoy:") < text.index("tables:")
    html = render_section(params, "general")
    assert "收到政府信息公开申请8件，较上年（7件）增加1件，增长14.3%。" in html


def test_accept_keeps_the_clerks_edit(params_dir):
    path = params_dir / COUNTY / "乙乡" / "2022.yaml"
    assert kit("yoy", str(path), "--accept").returncode == 0
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("与上年持平。", "与上年持平，均已按时答复。"), encoding="utf-8")
    assert kit("yoy", str(path), "--accept").returncode == 0
    params = load("乙乡", 2022, params_dir)
    assert params.yoy["on_request"] == "收到政府信息公开申请3件，与上年持平，均已按时答复。"
    assert path.read_text(encoding="utf-8").count("yoy:") == 1


def test_yoy_without_previous_year_says_so(params_dir):
    result = kit("yoy", str(params_dir / COUNTY / "乙乡" / "2021.yaml"))
    assert result.returncode == 1
    assert "找不到 2020 年的参数文件" in result.stderr and "Traceback" not in result.stderr


def test_nothing_is_proposed_before_a_figure_of_the_year_is_entered():
    """A new year's file starts with every cell 0: no "下降100.0%" before the clerk enters any."""
    from kit.params.newyear import carry_forward

    before = load("甲镇", 2021)
    fresh = carry_forward(before, 2022)
    fresh = replace(fresh, breakdown=replace(before.breakdown, total=None, items={}))
    assert suggest(fresh, before) == {}
    entered = replace(fresh, breakdown=replace(before.breakdown, total=50, items={}))
    assert set(suggest(entered, before)) == {"proactive"}  # Table 三 not entered yet
    tables = {**entered.tables, "applications": {**entered.tables["applications"],
                                                 "received": {"natural": 3}}}
    assert suggest(replace(entered, tables=tables), before)["on_request"].startswith(
        "收到政府信息公开申请3件，较上年（7件）减少4件")
