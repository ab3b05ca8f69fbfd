"""kit lint finds every seeded defect, reports no error on the clean documents, and reads the
two real published excerpts as an evaluator would."""

from __future__ import annotations

from datetime import date

import pytest
from reading_helpers import CASES, PUBLISHED

from kit.reading.published import check_published


@pytest.fixture(scope="module")
def results():
    return {name: check_published(PUBLISHED / name) for name in [*CASES, "real-taiping-2022.html",
                                                                   "real-xizhen-2022.html"]}


@pytest.mark.parametrize("name", sorted(CASES))
def test_seeded_defects_found_and_clean_documents_pass(results, name):
    case = CASES[name]
    found = {p.rule for p in results[name].problems}
    assert set(case.rules) <= found, (name, found)
    errors = [p.format() for p in results[name].problems if p.is_error]
    if case.clean:
        assert errors == [], name
    never = {"R1", "R9", "V-N10"} - set(case.rules)  # unknown cells are never read as 0
    assert not [p for p in results[name].problems if p.rule in never], name


def test_each_defect_names_the_place_and_the_fix(results):
    def one(name, rule):
        return next(p for p in results[name].problems if p.rule == rule)

    assert "制定规范性文件0件" in one("defect-normative-text.html", "V-N10").message
    assert "本年制发件数”为 4" in one("defect-normative-text.html", "V-N10").message
    assert "2022年，乙乡" in one("defect-body-year.html", "V-F7").message
    notice = one("defect-notice-60.html", "V-F1")
    assert "国办公开办函〔2019〕60号" in notice.message and "已被国办公开办函〔2021〕30号取代" in notice.message
    late = one("defect-late.html", "V-P1")
    assert late.is_error and "晚 59 天" in late.message
    assert "没有写年份" in one("defect-no-year-title.html", "V-F7").message
    assert "共 151 条" in one("defect-breakdown.html", "V-N11").message
    blank = [p for p in results["jiazhen-2022-blank.html"].problems if p.rule == "V-F6"]
    assert {p.row for p in blank} == {"三、本年度办理结果 （一）予以公开", "行政许可"}
    assert any("自然人（空白）" in p.message for p in blank)
    cut = one("jiazhen-2022-cut.html", "V-F3")
    assert "3.补正后申请内容仍不明确" in cut.message and "截断" in cut.message
    hybrid = one("jiazhen-2021-hybrid.html", "V-F1")
    assert "混用了两种格式" in hybrid.message and "（六）其他处理" in hybrid.message


def test_real_excerpts(results):
    taiping = results["real-taiping-2022.html"]
    assert any(p.rule == "V-F1" and "60号" in p.message for p in taiping.problems)
    rows = {r.official: [c.value for c in r.cells] for r in taiping.report.tables["proactive"].rows}
    assert rows == {"regulations": [0, 0, 0], "normative_documents": [0, 0, 0], "licensing": [0],
                    "punishment": [0], "coercion": [0], "fees": [0]}  # as the page prints them
    xizhen = results["real-xizhen-2022.html"]
    assert xizhen.report.layout == "2019" and xizhen.report.published == date(2023, 1, 31)
    layout = next(p for p in xizhen.problems if p.rule == "V-F1")
    assert "本年新制作数量" in layout.message and "政府集中采购" in layout.message
    assert len([p for p in xizhen.problems if p.rule == "V-F6"]) == 8  # every Table 二 row blank
    assert not [p for p in xizhen.problems if p.rule == "V-P1"]  # 2023-01-31: on the day


def test_deadline_is_configurable(results):
    report = results["defect-late.html"].report
    assert report.published == date(2023, 3, 31)
    on_time = check_published(PUBLISHED / "defect-late.html", deadline=lambda r: date(2023, 4, 1))
    assert not [p for p in on_time.problems if p.rule == "V-P1"]
