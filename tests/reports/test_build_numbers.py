"""The fictional 测试县示例镇 2023 (non-zero numbers in every table) renders with computed totals."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, Tag
from build_helpers import EXAMPLE

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def soup(built) -> BeautifulSoup:
    return BeautifulSoup((built.folder(EXAMPLE) / "report.html").read_text(encoding="utf-8"),
                         "html.parser")


def nums(text: str) -> list[str]:
    return text.split()


def row_values(soup: BeautifulSoup, table_id: str, label: str) -> list[str]:
    table = soup.select_one(f"table[data-table={table_id}]")
    assert isinstance(table, Tag)
    for tr in table.find_all("tr"):
        if any(th.get_text() == label for th in tr.find_all("th")):
            return [td.get_text() for td in tr.find_all("td")]
    raise AssertionError(f"no row {label!r} in {table_id}")


def test_title_is_generated_from_the_unit(soup):
    title = soup.select_one("h1.kit-title")
    assert title is not None and title.get_text() == "测试县示例镇人民政府2023年政府信息公开工作年度报告"


def test_table_two_numbers_and_fee(soup):
    assert row_values(soup, "proactive", "规章") == ["0", "0", "0"]
    assert row_values(soup, "proactive", "行政规范性文件") == ["2", "1", "5"]
    assert row_values(soup, "proactive", "行政许可") == ["37"]
    assert row_values(soup, "proactive", "行政处罚") == ["12"]
    assert row_values(soup, "proactive", "行政强制") == ["3"]
    assert row_values(soup, "proactive", "行政事业性收费") == ["1.2345"]


def test_table_three_totals_are_computed(soup):
    assert row_values(soup, "applications", "一、本年新收政府信息公开申请数量") == nums("6 3 1 1 2 1 14")
    assert row_values(soup, "applications", "二、上年结转政府信息公开申请数量") == nums("2 1 0 0 0 0 3")
    assert row_values(soup, "applications", "（一）予以公开") == nums("3 2 1 0 1 0 7")
    assert row_values(soup, "applications", "2.没有现成信息需要另行制作") == nums("0 0 0 1 0 0 1")
    assert row_values(soup, "applications", "（七）总计") == nums("7 3 1 1 2 1 15")
    assert row_values(soup, "applications", "四、结转下年度继续办理") == nums("1 1 0 0 0 0 2")


def test_table_four_totals_are_computed(soup):
    table = soup.select_one("table[data-table=review_litigation] tbody")
    assert table is not None
    assert [td.get_text() for td in table.find_all("td")] == nums("1 1 0 1 3 1 0 0 1 2 0 1 0 0 1")


def test_prose_and_no_reviewer_box(soup):
    text = soup.body.get_text() if soup.body else ""
    assert "本年新收政府信息公开申请 14 件" in text
    assert "校验结果" not in text
