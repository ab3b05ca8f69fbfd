"""Real published reports (``../shared/real-documents``, with truth files written by reading
the pages): every cell is read as the truth says, and a label printed in the other format's
wording (2021 tables with the 2019 row name 规范性文件, a header with a unit added) is a label
deviation (a V-F4 warning), not a mix of formats (V-F1) nor a missing row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kit.reading.published import as_json, check_published

REAL = Path(__file__).resolve().parents[3] / "shared" / "real-documents"
PAGES = sorted(REAL.glob("*.html"))


def _truth(page: Path) -> dict:
    return json.loads(page.with_name(page.stem + ".truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def read() -> dict[str, dict]:
    assert len(PAGES) == 7, f"the real documents are expected in {REAL}"
    return {page.name: as_json(check_published(page)) for page in PAGES}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_every_cell_as_the_truth_says(read, page):
    got, truth = read[page.name], _truth(page)
    two = [v for k, v in truth["table2"].items() if not k.startswith("_")]
    assert [r["cells"] for r in got["tables"]["proactive"]] == two
    # the official rows as printed: a row not printed is null in the truth, and a single
    # （六）其他处理 row printed instead (a 2019 table) sits in table3_extra_printed_rows
    extra = list(truth.get("table3_extra_printed_rows", {}).values())
    three = [v for v in truth["table3"].values() if v is not None]
    if extra:
        three = three[:-2] + extra + three[-2:]
    assert [r["cells"] for r in got["tables"]["applications"]] == three
    assert got["tables"]["review_litigation"] == truth["table4"]


# what finds each kind of known error in the truth files: (rule, check, severity or None for any);
# a prose typo (an unbalanced parenthesis) is not in any rule
FINDS = {
    "row_total": ("R3", "stated-total", "错误"),
    "column_sum": ("R2", "stated-total", "错误"),
    "text_vs_table": ("V-N10", None, None),
    "label_typo": ("V-F4", "header", "警告"),
    "layout_2019_in_2021": ("V-F1", "", "错误"),
    "format_citation (minor)": ("V-F1", "cited-title", "错误"),
    "blank_cell": ("V-F6", "", "错误"),
}
# errors that follow from a known one: the sums that use a wrong printed total (R1, R2, R9: in
# the 总计 column when that column is printed wrong), and the rows a 2019-style table leaves out
# of a 2021 table
FOLLOW = {
    "row_total": lambda p: p["rule"] in ("R1", "R2", "R9") and p["column"] == "总计",
    "column_sum": lambda p: p["rule"] in ("R1", "R9"),
    "layout_2019_in_2021": lambda p: p["rule"] == "V-F4" and p.get("check") == "missing",
}
NOT_A_RULE = {"prose_typo (minor)"}


def _finds(problem: dict, kind: str) -> bool:
    rule, check, severity = FINDS[kind]
    return problem["rule"] == rule and (check is None or problem.get("check", "") == check) \
        and (severity is None or problem["severity"] == severity)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_every_known_error_found_and_no_other(read, page):
    """Each known error of the truth file is found; every error found is a known one (or
    follows from one), so lint raises no false error on a real page."""
    kinds = [e["kind"] for e in _truth(page)["known_errors"]]
    problems = read[page.name]["problems"]
    for kind in kinds:
        if kind not in NOT_A_RULE:
            assert any(_finds(p, kind) for p in problems), (kind, problems)
    for problem in (p for p in problems if p["severity"] == "错误"):
        assert any(_finds(problem, k) or (k in FOLLOW and FOLLOW[k](problem)) for k in kinds
                   if k not in NOT_A_RULE), problem


def test_a_missing_rule_row_of_a_unit_that_makes_none_is_a_warning(read):
    """A 片区管理局 (township level) prints no 规章 row: it can only hold 0, a layout deviation."""
    [missing] = [p for p in read["07-pingtan-jinjing-2024.html"]["problems"]
                 if p["rule"] == "V-F4" and "规章”一行" in p["message"]]
    assert missing["severity"] == "警告" and "不制定规章" in missing["message"]
    assert read["07-pingtan-jinjing-2024.html"]["level"] == "township"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_a_format_mix_only_where_the_truth_says(read, page):
    truth = _truth(page)
    mixed = any("layout" in e.get("kind", "") for e in truth["known_errors"])
    rules = {(p["rule"], p["severity"]) for p in read[page.name]["problems"] if not p.get("check")}
    assert (("V-F1", "错误") in rules) == mixed, rules
    missing = [p for p in read[page.name]["problems"] if p["rule"] == "V-F4" and "缺少“第二十条第（一）项·行政规范性文件”" in p["message"]]
    assert missing == []  # 规范性文件 was read as that row


def test_label_deviations_are_warnings(read):
    problems = read["06-pingtan-jinjing-2021.html"]["problems"]
    [label] = [p for p in problems if p["rule"] == "V-F4" and "规范性文件" in p["message"]]
    assert label["severity"] == "警告" and "规定为“行政规范性文件”" in label["message"]
    header = [p for p in read["05-pingtan-jinjing-2020.html"]["problems"] if "采购总金额（元）" in p["message"]]
    assert header and all(p["severity"] == "警告" for p in header)


@pytest.mark.parametrize("page", [p for p in PAGES if not _truth(p)["known_errors"]], ids=lambda p: p.stem)
def test_a_clean_report_has_no_errors(read, page):
    """05: its section 一 heading is printed "一总体情况" (no 、): read as that heading, a
    label deviation (V-F4 warning), not a missing section (V-F2) with follow-on warnings."""
    problems = read[page.name]["problems"]
    assert [p for p in problems if p["severity"] == "错误"] == []
    assert not any(p["rule"] == "V-F2" for p in problems)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_section_five_written_in_its_own_way_is_not_empty(read, page):
    """改进措施 for 改进情况, both parts in one paragraph, or the plan in the problems part."""
    assert not any(p["rule"] == "V-S3" for p in read[page.name]["problems"])
