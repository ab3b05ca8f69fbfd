"""Paragraphs copied from last year's report are found (V-S5) and make the report a draft."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kit.params.loader import load_params
from kit.params.model import REWRITE_MARK, Prose, SectionText
from kit.rules.copied import check_copied
from kit.rules.draft import draft_problems, unrewritten
from kit.rules.validate import validate

EXAMPLE = Path(__file__).resolve().parents[2] / "params" / "襄垣县" / "下良镇" / "2021.yaml"
LONG = "积极拓宽公开渠道，依托县政府门户网站乡镇专栏发布惠民政策、项目建设和财政预决算等信息，方便群众查阅。"


@pytest.fixture
def last_year():
    params, problems = load_params(EXAMPLE)
    assert problems == []
    return params


def with_proactive(params, year, text):
    body = params.section("general")
    subs = {**body.subsections, "proactive": Prose(text)}
    return replace(params, year=year, sections={**params.sections, "general": SectionText(body.text, subs)})


def test_a_paragraph_kept_from_last_year_is_found(last_year):
    before = with_proactive(last_year, 2021, f"2021年，{LONG}")
    now = with_proactive(last_year, 2022, f"2022年，{LONG}")  # only the year typed over
    found = [p for p in check_copied(now, before) if p.section.endswith("主动公开情况")]
    assert len(found) == 1 and found[0].rule == "V-S5" and not found[0].is_error
    assert "与上年报告相同" in found[0].message and "2022年" in found[0].message


def test_a_rewritten_paragraph_or_a_short_stock_sentence_is_not(last_year):
    before = with_proactive(last_year, 2021, f"2021年，{LONG}\n本年度未收取信息处理费。")
    rewritten = with_proactive(last_year, 2022, f"2022年，{LONG.replace('方便群众查阅', '全年浏览量约3万人次')}"
                                                "\n本年度未收取信息处理费。")
    assert [p for p in check_copied(rewritten, before) if "主动公开" in p.section] == []


def test_only_the_year_before_counts(last_year):
    two_years_ago = with_proactive(last_year, 2020, LONG)
    now = with_proactive(last_year, 2022, LONG)
    assert check_copied(now, two_years_ago) == []
    assert check_copied(now, None) == []


def test_draft_means_markers_copies_or_errors(last_year):
    clean = validate(last_year)
    assert draft_problems(clean) == []
    marked = with_proactive(last_year, 2021, REWRITE_MARK + LONG)
    problems = validate(marked)
    assert [p.rule for p in unrewritten(problems)] == ["V-S5"]
    assert draft_problems(problems) == unrewritten(problems)
    broken = replace(last_year, tables={**last_year.tables, "applications": {
        **last_year.tables["applications"], "carried_forward": {"natural": 99}}})
    errors = [p for p in validate(broken) if p.is_error]
    assert errors and set(errors) <= set(draft_problems(validate(broken)))
