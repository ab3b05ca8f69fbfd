"""County roll-up: summed tables (cell by cell, hand-computed), overview, missing townships."""

from decimal import Decimal

import pytest
from county_helpers import COUNTY, FIXTURES, PARAMS

from kit.county.rollup import RollupError, history, load_county, overview, summed_table, unit_years
from kit.county.summary import SummaryError, open_summary

APP_COLS = ("natural", "commercial", "research", "nonprofit", "legal", "other", "total")
CASE_COLS = ("upheld", "corrected", "other", "pending", "total")

# 2022 = 甲镇 + 乙乡 (丙镇 has no 2022 file); worked out by hand from make_test_county.py.
APPS_2022 = {
    "received": (9, 2, 0, 0, 0, 0, 11),
    "carried_over": (0, 0, 0, 0, 0, 0, 0),
    "disclosed": (6, 1, 0, 0, 0, 0, 7),
    "partial": (1, 0, 0, 0, 0, 0, 1),
    "unable_need_create": (1, 0, 0, 0, 0, 0, 1),
    "other_other": (1, 0, 0, 0, 0, 0, 1),
    "total": (9, 1, 0, 0, 0, 0, 10),
    "carried_forward": (0, 1, 0, 0, 0, 0, 1),
}
ZERO_ROWS_2022 = (
    "withheld_secret", "withheld_law", "withheld_safety", "withheld_third_party",
    "withheld_internal", "withheld_process", "withheld_enforcement", "withheld_query",
    "unable_not_held", "unable_unclear", "rejected_petition", "rejected_repeat",
    "rejected_publication", "rejected_mass", "rejected_confirm", "other_no_correction",
    "other_no_fee",
)
CASES_2022 = {"review": (2, 0, 1, 1, 4), "litigation_direct": (0, 0, 0, 0, 0),
              "litigation_after_review": (0, 0, 0, 0, 0)}

# 2021 = 甲镇 + 乙乡 + 丙镇, the rows that are not all zero.
APPS_2021 = {
    "received": (8, 0, 1, 1, 1, 1, 12),
    "carried_over": (1, 0, 0, 0, 0, 0, 1),
    "disclosed": (5, 0, 1, 0, 0, 0, 6),
    "partial": (1, 0, 0, 0, 0, 0, 1),
    "withheld_third_party": (1, 0, 0, 0, 0, 0, 1),
    "withheld_process": (1, 0, 0, 0, 0, 0, 1),
    "rejected_petition": (0, 0, 0, 1, 0, 0, 1),
    "rejected_repeat": (0, 0, 0, 0, 1, 0, 1),
    "other_no_correction": (1, 0, 0, 0, 0, 0, 1),
    "other_no_fee": (0, 0, 0, 0, 0, 1, 1),
    "total": (9, 0, 1, 1, 1, 1, 13),
}
CASES_2021 = {"review": (0, 1, 0, 0, 1), "litigation_direct": (1, 0, 0, 1, 2),
              "litigation_after_review": (0, 0, 1, 0, 1)}


def rows_of(built, cols):
    return {row.id: tuple(built.values[(row.id, c)] for c in cols) for row in built.table.rows}


def test_known_townships_and_their_years():
    assert unit_years(PARAMS, COUNTY) == {"丙镇": [2020, 2021], "乙乡": [2021, 2022],
                                          "甲镇": [2020, 2021, 2022]}


def test_2022_table_three_cell_by_cell():
    data = load_county(PARAMS, COUNTY, 2022)
    got = rows_of(summed_table(data, "applications"), APP_COLS)
    expected = {**APPS_2022, **dict.fromkeys(ZERO_ROWS_2022, (0,) * 7)}
    assert got == expected
    assert len(got) == 25


def test_2022_table_four_cell_by_cell():
    built = summed_table(load_county(PARAMS, COUNTY, 2022), "review_litigation")
    assert rows_of(built, CASE_COLS) == CASES_2022


def test_2021_sums_three_townships():
    data = load_county(PARAMS, COUNTY, 2021)
    got = rows_of(summed_table(data, "applications"), APP_COLS)
    assert {k: v for k, v in got.items() if any(v)} == APPS_2021
    assert got["carried_forward"] == (0,) * 7
    assert rows_of(summed_table(data, "review_litigation"), CASE_COLS) == CASES_2021


def test_2020_uses_the_2019_format():
    data = load_county(PARAMS, COUNTY, 2020)
    built = summed_table(data, "applications")
    got = rows_of(built, APP_COLS)
    assert len(got) == 23  # （六）其他处理 is one row in 2019
    assert got["other_processing"] == (0,) * 7
    assert got["received"] == (4, 1, 0, 0, 0, 0, 5)
    assert got["total"] == (3, 1, 0, 0, 0, 0, 4)
    assert got["carried_forward"] == (1, 0, 0, 0, 0, 0, 1)
    assert rows_of(summed_table(data, "review_litigation"), CASE_COLS)["review"] == (2, 0, 0, 0, 2)
    assert data.missing == ["乙乡"]
    assert "rowspan=\"20\"" in built._repr_html_()  # 三、本年度办理结果 in the 2019 layout


def test_summed_table_renders_official_layout():
    html = summed_table(load_county(PARAMS, COUNTY, 2022), "applications")._repr_html_()
    assert 'rowspan="22"' in html and "（七）总计" in html
    assert html.count('class="kit-num"') == 25 * 7


def test_overview_rows_and_total():
    rows, total = overview(load_county(PARAMS, COUNTY, 2022))
    as_tuples = [(r.unit, r.proactive, r.received, r.carried_over, r.results, r.carried_forward,
                  r.licensing, r.punishment, r.coercion, r.fee, r.errors, r.warnings)
                 for r in [*rows, total]]
    assert as_tuples == [
        ("乙乡", 27, 3, 0, 3, 0, 9, 1, 1, Decimal("0.35"), 0, 1),
        ("甲镇", 52, 8, 0, 7, 1, 18, 6, 2, Decimal("0.8"), 0, 1),
        ("合计", 79, 11, 0, 10, 1, 27, 7, 3, Decimal("1.15"), 0, 2),
    ]


def test_overview_2019_format_has_no_fee_amount():
    rows, total = overview(load_county(PARAMS, COUNTY, 2020))
    assert [(r.unit, r.proactive, r.licensing, r.fee) for r in [*rows, total]] == [
        ("丙镇", 21, 5, None), ("甲镇", 38, 12, None), ("合计", 59, 17, None)]
    html = open_summary(COUNTY, 2020, PARAMS).overview().html
    assert "行政事业性收费" not in html and "行政许可" in html


def test_overview_counts_errors_from_the_validator(params_dir):
    path = params_dir / COUNTY / "乙乡" / "2022.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("received: {natural: 3,", "received: {natural: 4,")  # breaks R1, R8
    path.write_text(text, encoding="utf-8")
    rows, total = overview(load_county(params_dir, COUNTY, 2022))
    yi = rows[0]
    assert (yi.unit, yi.received) == ("乙乡", 4)
    assert yi.errors >= 2  # R1 on 自然人 and 总计, plus the prose claim
    assert total.errors == yi.errors


def test_missing_township_in_the_roster_and_the_totals():
    summary = open_summary(COUNTY, 2022, PARAMS)
    assert summary.data.missing == ["丙镇"]
    html = summary.roster().html
    assert '<th class="kit-label">丙镇</th><td class="kit-num">未报</td>' in html
    assert "python -m kit" not in html  # commands are for the coordinator, folded in 审阅信息
    assert "合计包括 2 个乡镇的 2022 年度报告：乙乡、甲镇。未计入：丙镇" in summary.title().html
    assert "python -m kit new 虚构县/&lt;乡镇&gt; 2022" in summary.checks().html.split("<details>")[1]


def test_no_missing_township_when_complete():
    summary = open_summary(COUNTY, 2021, PARAMS)
    assert "未报" not in summary.roster().html and "未计入" not in summary.title().html


def test_unreadable_file_is_listed_and_left_out(params_dir):
    (params_dir / COUNTY / "甲镇" / "2022.yaml").write_text("unit: [\n", encoding="utf-8")
    summary = open_summary(COUNTY, 2022, params_dir)
    assert [e.unit for e in summary.data.unreadable] == ["甲镇"]
    assert rows_of(summary.table("applications"), APP_COLS)["received"] == (3, 0, 0, 0, 0, 0, 3)
    assert "无法读取" in summary.roster().html and "未计入：丙镇、甲镇" in summary.title().html


def test_unknown_county_names_the_fix(tmp_path):
    with pytest.raises(RollupError, match="没有找到任何乡镇的参数文件"):
        load_county(tmp_path, "无此县", 2022)
    with pytest.raises(SummaryError, match="2018 年没有对应的年报格式"):
        open_summary(COUNTY, 2018, PARAMS)


def test_history_points_up_to_the_year():
    points = {(p.unit, p.year): (p.proactive, p.received) for p in history(PARAMS, COUNTY, 2021)}
    assert points == {("丙镇", 2020): (21, 0), ("丙镇", 2021): (25, 2), ("乙乡", 2021): (30, 3),
                      ("甲镇", 2020): (38, 5), ("甲镇", 2021): (44, 7)}


@pytest.mark.parametrize(("root", "county"), [(PARAMS, COUNTY), (FIXTURES / "desk" / "params", "仿真县")])
def test_readers_view_has_no_keys_paths_or_rule_codes(root, county):
    import re

    summary = open_summary(county, 2022, root)
    parts = [summary.title(), summary.checks(), summary.roster(), summary.overview(),
             summary.section("applications"), summary.section("review_litigation"), summary.copies()]
    html = "".join(p.html for p in parts)
    shown = re.sub(r"<details>.*?</details>", "", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", shown)
    words = set(re.findall(r"[A-Za-z_][A-Za-z_\-./]{2,}", text))
    assert words <= {"kit"}, words  # the tool's name in 生成工具; no params keys, paths or codes
    assert not re.search(r"\b[RVP]-?[A-Z]?\d", text)
    assert "/" not in text.replace("2023/", "")
