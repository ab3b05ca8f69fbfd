"""The validator: every rule it implements fires on a case built for it, and only then."""

from dataclasses import replace
from pathlib import Path

import pytest

from kit.params.loader import load_params
from kit.params.model import Breakdown, Prose, SectionText
from kit.rules.validate import validate

EXAMPLE = Path(__file__).resolve().parents[2] / "params" / "襄垣县" / "下良镇" / "2021.yaml"
COLS = ("natural", "commercial", "research", "nonprofit", "legal", "other")


@pytest.fixture
def base():
    params, problems = load_params(EXAMPLE)
    assert problems == []
    return params


def with_apps(params, **rows):
    tables = dict(params.tables)
    apps = {k: dict(v) for k, v in tables.get("applications", {}).items()}
    for row, values in rows.items():
        apps[row] = dict(zip(COLS, values, strict=False))
    tables["applications"] = apps
    return replace(params, tables=tables)


def with_sub(params, section, sub, text):
    body = params.section(section)
    subs = dict(body.subsections)
    subs[sub] = Prose(text, subs.get(sub, Prose()).title)
    return replace(params, sections={**params.sections, section: SectionText(body.text, subs)})


def found(problems, rule):
    return [p for p in problems if p.rule == rule]


def test_reference_report_has_warnings_but_no_errors(base):
    problems = validate(base)
    assert [p for p in problems if p.is_error] == []
    assert {"V-F8", "V-S2", "V-S6a"} <= {p.rule for p in problems}
    assert not found(problems, "V-N11")  # 5+30+2+5+1+1 = 44, as stated
    assert any("年度" in p.message for p in found(problems, "V-F8"))
    assert any("空格" in p.message for p in found(problems, "V-F8"))


def test_r1_names_row_and_column(base):
    params = with_apps(base, received=(0, 1), disclosed=(0, 0))
    problems = found(validate(params), "R1")
    assert {p.column for p in problems} == {"法人或其他组织·商业企业", "总计"}
    assert all(p.is_error and p.table.startswith("表三") and p.row == "（七）总计" for p in problems)
    assert "第一项加第二项之和" in problems[0].message


def test_consistent_numbers_pass(base):
    params = with_apps(base, received=(3, 1), carried_over=(1,), disclosed=(2, 1),
                       unable_not_held=(1,), carried_forward=(1,))
    problems = validate(params)
    assert not [p for p in problems if p.rule in {"R1", "R2", "R3", "R9"}]
    assert params.value("applications", "total", "total") == 4


def test_r9_bounds(base):
    params = with_apps(base, received=(1,), carried_forward=(2,))
    assert found(validate(params), "R9")


def test_stated_totals_r2_r3_r4(base):
    stated = {("applications", "received", "total"): 5, ("applications", "total", "natural"): 9,
              ("review_litigation", "review", "total"): 1}
    problems = validate(replace(base, stated=stated))
    assert [p.rule for p in problems if p.is_error] == ["R3", "R2", "R4"]


def test_r6_cross_year(base):
    previous = with_apps(replace(base, year=2020), received=(2,), carried_forward=(2,))
    current = replace(base, year=2021)
    problems = found(validate(current, previous), "R6")
    assert len(problems) == 1 and problems[0].column == "自然人" and "2020" in problems[0].message
    fixed = with_apps(current, carried_over=(2,), disclosed=(2,))
    assert not found(validate(fixed, previous), "R6")


def test_township_cannot_make_regulations(base):
    tables = {**base.tables, "proactive": {"regulations": {"issued": 1}}}
    problems = found(validate(replace(base, tables=tables)), "V-N8")
    assert len(problems) == 1 and problems[0].row == "第二十条第（一）项·规章"


def test_text_must_match_table(base):
    params = with_sub(base, "general", "on_request", "2021 年，收到政府信息公开申请 3 件。")
    problems = found(validate(params), "V-N10")
    assert len(problems) == 1 and "3" in problems[0].message and problems[0].is_error
    params = with_sub(base, "general", "on_request", "本年未发生行政复议 1 件。")
    assert found(validate(params), "V-N10")


def test_breakdown_sums(base):
    params = with_sub(base, "general", "proactive", "共发布信息 45 条。其中：组织机构 5 条，试点领域 30 条。")
    rules = [p.rule for p in validate(params)]
    assert rules.count("V-N11") == 2  # prose parts ≠ 45, and prose 45 ≠ breakdown 44
    params = replace(base, breakdown=Breakdown(44, {"组织机构": 40}))
    assert found(validate(params), "V-N11")


def test_title_and_period_years(base):
    params = replace(base, title="襄垣县下良镇人民政府2020年政府信息公开工作年度报告",
                     preamble="统计期限自2021年1月1日起至2022年12月31日止。")
    problems = found(validate(params), "V-F7")
    assert len(problems) == 2 and all(p.is_error for p in problems)
    params = replace(base, preamble="统计期限自20211月1日起至2021年12月31日止。")
    assert found(validate(params), "V-F7")


def test_canonical_title_has_no_title_warnings(base):
    assert not found(validate(replace(base, title=None)), "V-F8")


def test_five_aspects(base):
    params = with_sub(base, "general", "platform", "")
    problems = found(validate(params), "V-S1")
    assert len(problems) == 1 and "平台建设" in problems[0].section


def test_problems_and_improvements_written_together_are_not_missing(base):
    empty = SectionText("", {"problems": Prose(""), "improvements": Prose("")})
    params = replace(base, sections={**base.sections, "problems": empty})
    assert {p.place.subsection for p in found(validate(params), "V-S3")} == {"problems", "improvements"}
    together = SectionText("本年度工作还存在一些不足：信息更新不够及时。下一步，我镇将加强信息更新。",
                           {"problems": Prose(""), "improvements": Prose("")})
    params = replace(base, sections={**base.sections, "problems": together})
    assert found(validate(params), "V-S3") == []  # one paragraph without (一)(二)
    problems_only = SectionText("", {"problems": Prose("存在的问题：信息更新不够及时。"),
                                     "improvements": Prose("")})
    params = replace(base, sections={**base.sections, "problems": problems_only})
    assert len(found(validate(params), "V-S3")) == 1  # no plan at all: still said


def test_supervision_results_and_fee_and_comparison(base):
    params = with_sub(base, "general", "oversight", "本年度开展工作考核、社会评议，未发生责任追究情况。")
    params = replace(params, sections={**params.sections,
                                       "other": SectionText("本年度未收取信息处理费。")})
    params = with_sub(params, "general", "proactive", "共发布信息 44 条，较上年增加 4 条。")
    rules = {p.rule for p in validate(params)}
    assert not rules & {"V-S2", "V-S6a", "V-S7"}


def test_rewrite_marker_warns(base):
    params = with_sub(base, "general", "management", "【请按本年度情况改写】旧内容")
    assert found(validate(params), "V-S5")


def test_r7_stock_rolls_forward(base):
    def proactive(params, year, issued, repealed, in_force):
        row = {"issued": issued, "repealed": repealed, "in_force": in_force}
        return replace(params, year=year, tables={**params.tables, "proactive": {"normative_documents": row}})

    previous = proactive(base, 2021, 2, 0, 5)
    assert not found(validate(proactive(base, 2022, 1, 2, 4), previous), "R7")
    problems = found(validate(proactive(base, 2022, 1, 2, 6), previous), "R7")
    assert len(problems) == 1 and not problems[0].is_error
    assert "现行有效件数为 6" in problems[0].message and "应为 4" in problems[0].message


def test_regulations_by_level(base):
    """立法法: a 设区的市 or provincial government may make 规章; a county, a department and a
    township may not."""
    tables = {**base.tables, "proactive": {"regulations": {"issued": 1}}}
    for kind in ("镇", "部门", "县政府"):
        unit = replace(base.unit, kind=kind)
        [problem] = found(validate(replace(base, unit=unit, tables=tables)), "V-N8")
        assert unit.level.name in problem.message
    city = replace(base, unit=replace(base.unit, kind="市政府"), tables=tables)
    assert not found(validate(city), "V-N8")


def test_oversight_paragraph_only_for_governments(base):
    """第五十条(四) names 各级人民政府: a department's report need not state 考核、评议、追究."""
    silent = with_sub(base, "general", "oversight", "本年度加强了监督检查。")
    assert found(validate(silent), "V-S2")
    assert found(validate(replace(silent, unit=replace(silent.unit, kind="县政府"))), "V-S2")
    assert not found(validate(replace(silent, unit=replace(silent.unit, kind="部门"))), "V-S2")


@pytest.mark.parametrize(("text", "flagged"), [
    ("共发布信息 45 条。其中：组织机构 5 条，试点领域 30 条。", True),  # a list of every part: 35 ≠ 45
    ("全年公开信息100条，其中政策文件20条。", False),  # one part: a subset, not a breakdown
    ("全年公开信息100条，其中政策文件120条。", True),  # a part larger than the whole
    ("全年公开信息100条，其中政策文件20条、通知公告30条等。", False),  # 等: some of the parts
    ("全年公开信息100条，包括政策文件60条、通知公告40条。", False),  # 包括, adding up
    ("全年公开信息100条，包括政策文件60条、通知公告30条。", True),
    ("共收到申请6件，分别为自然人5件、商业企业1件。", False),
    ("共收到申请6件，分别为自然人4件。", True),  # 分别为 names every part
    ("全年公开信息100条，其中政策文件60条，较上年增加5条，通知公告40条。", False),  # a change is not a part
    ("全年公开信息100条，其中网站发布60条，访问量3000次，微信40条。", False),  # another unit is not a part
])
def test_breakdowns_as_reports_write_them(base, text, flagged):
    params = with_sub(base, "general", "proactive", text)
    prose = [p for p in validate(params) if p.rule == "V-N11" and p.check != "prose"]
    assert bool(prose) == flagged, [p.message for p in prose]


@pytest.mark.parametrize(("period", "warned"), [
    ("本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。", False),
    ("本年度报告中所列数据统计期限为2021年1月1日至12月31日。", False),  # the end's year left out
    ("本报告所列数据的统计期限自2021年6月1日起至2021年12月31日止。", False),  # set up mid-year
    ("本报告是按要求编制的。", True),
])
def test_statistics_period_as_reports_write_it(base, period, warned):
    params = replace(base, preamble=period)
    problems = [p for p in validate(params) if p.rule == "V-F7" and p.check == "period"]
    assert bool(problems) == warned
    wrong = replace(base, preamble="本报告中所列数据的统计期限自2020年6月1日起至12月31日止。")
    assert [p for p in validate(wrong) if p.check == "period-year"]
