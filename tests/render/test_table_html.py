"""The official tables' HTML, parsed and checked cell by cell against the spec (§2.3–2.5, §3.3–3.4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from kit.formats import FORMAT_2021
from kit.params.loader import load_params
from kit.params.model import ReportParams, Unit
from kit.render.table_html import render_table
from kit.render.tables import build_table

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "params" / "测试县" / "示例镇" / "2023.yaml"
UNIT = Unit("测试省", "测试市", "测试县", "示例镇", "镇")

TABLE_A_2021 = [  # (row labels in order, grid width 4) spec §2.3, A1–A14
    [("第二十条第（一）项", 1, 4)],
    [("信息内容", 1, 1), ("本年制发件数", 1, 1), ("本年废止件数", 1, 1), ("现行有效件数", 1, 1)],
    [("规章", 1, 1), 3],
    [("行政规范性文件", 1, 1), 3],
    [("第二十条第（五）项", 1, 4)],
    [("信息内容", 1, 1), ("本年处理决定数量", 1, 3)],
    [("行政许可", 1, 1), 1],
    [("第二十条第（六）项", 1, 4)],
    [("信息内容", 1, 1), ("本年处理决定数量", 1, 3)],
    [("行政处罚", 1, 1), 1],
    [("行政强制", 1, 1), 1],
    [("第二十条第（八）项", 1, 4)],
    [("信息内容", 1, 1), ("本年收费金额（单位：万元）", 1, 3)],
    [("行政事业性收费", 1, 1), 1],
]
TABLE_A_2019_LABELS = [
    "第二十条第（一）项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量", "规章", "规范性文件",
    "第二十条第（五）项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量", "行政许可",
    "其他对外管理服务事项",
    "第二十条第（六）项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量", "行政处罚", "行政强制",
    "第二十条第（八）项", "信息内容", "上一年项目数量", "本年增/减", "行政事业性收费",
    "第二十条第（九）项", "信息内容", "采购项目数量", "采购总金额", "政府集中采购",
]
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
TABLE_B_HEAD = [
    [(NOTE, 3, 3), ("申请人情况", 1, 7)],
    [("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)],
    [("商业企业", 1, 1), ("科研机构", 1, 1), ("社会公益组织", 1, 1), ("法律服务机构", 1, 1), ("其他", 1, 1)],
]
WITHHELD = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
            "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]
UNABLE = ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]
NOT_PROCESSED = ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                 "5.要求行政机关确认或重新出具已获取信息"]
OTHER_2021 = ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
              "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]
PARTIAL = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
OUTCOMES = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def table_b_body(fmt: str) -> list[list[tuple[str, int, int]]]:
    """Expected body rows: the label cells (text, rowspan, colspan) that start each row."""
    rows: list[list[tuple[str, int, int]]] = [
        [("一、本年新收政府信息公开申请数量", 1, 3)],
        [("二、上年结转政府信息公开申请数量", 1, 3)],
        [("三、本年度办理结果", 22 if fmt == "2021" else 20, 1), ("（一）予以公开", 1, 2)],
        [(PARTIAL, 1, 2)],
    ]
    groups = [("（三）不予公开", WITHHELD), ("（四）无法提供", UNABLE), ("（五）不予处理", NOT_PROCESSED)]
    if fmt == "2021":
        groups.append(("（六）其他处理", OTHER_2021))
    for group, items in groups:
        for i, item in enumerate(items):
            rows.append(([(group, len(items), 1)] if i == 0 else []) + [(item, 1, 1)])
    if fmt == "2019":
        rows.append([("（六）其他处理", 1, 2)])
    rows.append([("（七）总计", 1, 2)])
    rows.append([("四、结转下年度继续办理", 1, 3)])
    return rows


def params_for(year: int) -> ReportParams:
    return ReportParams(unit=UNIT, year=year)


def table_soup(params: ReportParams, table_id: str) -> Tag:
    html = render_table(build_table(params, table_id))
    table = BeautifulSoup(html, "html.parser").find("table")
    assert isinstance(table, Tag)
    return table


def rows_of(table: Tag, group: str) -> list[Tag]:
    section = table.find(group)
    return section.find_all("tr", recursive=False) if isinstance(section, Tag) else []


def grid(rows: list[Tag]) -> dict[tuple[int, int], Tag]:
    """Place every cell on the grid by its spans; fail on overlaps or spans past the group."""
    taken: dict[tuple[int, int], Tag] = {}
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr.find_all(["th", "td"], recursive=False):
            while (r, c) in taken:
                c += 1
            rs, cs = int(cell.get("rowspan", 1)), int(cell.get("colspan", 1))
            assert r + rs <= len(rows), f"{cell.get_text()} spans past its row group"
            for dr in range(rs):
                for dc in range(cs):
                    assert (r + dr, c + dc) not in taken, f"overlap at {(r + dr, c + dc)}"
                    taken[(r + dr, c + dc)] = cell
            c += cs
    return taken


def assert_rectangular(rows: list[Tag], width: int) -> None:
    taken = grid(rows)
    for r in range(len(rows)):
        columns = sorted(c for (row, c) in taken if row == r)
        assert columns == list(range(width)), f"row {r} covers columns {columns}, not 0..{width - 1}"


def labels_with_spans(tr: Tag) -> list[tuple[str, int, int]]:
    return [(th.get_text(), int(th.get("rowspan", 1)), int(th.get("colspan", 1)))
            for th in tr.find_all("th", recursive=False)]


def nums(text: str) -> list[str]:
    return text.split()


def values(tr: Tag) -> list[str]:
    return [td.get_text() for td in tr.find_all("td", recursive=False)]


@pytest.mark.parametrize("year", [2021, 2020])
def test_table_b_header_has_the_official_spanners(year):
    table = table_soup(params_for(year), "applications")
    head = rows_of(table, "thead")
    assert [labels_with_spans(tr) for tr in head] == TABLE_B_HEAD
    corner, *others = (th for tr in head for th in tr.find_all("th"))
    assert corner["class"] == ["kit-head", "kit-at-0"]  # above the row labels: stays on a phone
    assert all(th["class"] == ["kit-head"] for th in others)
    assert_rectangular(head, 10)


@pytest.mark.parametrize(("year", "fmt", "count"), [(2021, "2021", 25), (2020, "2019", 23)])
def test_table_b_body_rows_labels_and_rowspans(year, fmt, count):
    table = table_soup(params_for(year), "applications")
    body = rows_of(table, "tbody")
    assert len(body) == count
    assert [labels_with_spans(tr) for tr in body] == table_b_body(fmt)
    assert all(values(tr) == ["0"] * 7 for tr in body)
    assert_rectangular(body, 10)


def test_table_b_has_no_subtotal_rows():
    body = rows_of(table_soup(params_for(2021), "applications"), "tbody")
    for group in ("（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"):
        rows = [tr for tr in body if any(th.get_text() == group for th in tr.find_all("th"))]
        assert len(rows) == 1 and int(rows[0].find("th", string=group).get("rowspan")) > 1


def test_table_c_header_and_single_row():
    table = table_soup(params_for(2021), "review_litigation")
    head = rows_of(table, "thead")
    assert [labels_with_spans(tr) for tr in head] == [
        [("行政复议", 1, 5), ("行政诉讼", 1, 10)],
        [*((o, 2, 1) for o in OUTCOMES), ("未经复议直接起诉", 1, 5), ("复议后起诉", 1, 5)],
        [(o, 1, 1) for o in OUTCOMES * 2],
    ]
    assert_rectangular(head, 15)
    body = rows_of(table, "tbody")
    assert len(body) == 1 and values(body[0]) == ["0"] * 15
    assert table_soup(params_for(2020), "review_litigation").prettify() == table.prettify()


def test_table_a_2021_layout_on_a_four_column_grid():
    body = rows_of(table_soup(params_for(2021), "proactive"), "tbody")
    assert len(body) == len(TABLE_A_2021)
    for tr, expected in zip(body, TABLE_A_2021, strict=True):
        labels = [e for e in expected if isinstance(e, tuple)]
        assert labels_with_spans(tr) == labels
        widths = [e for e in expected if isinstance(e, int)]
        tds = tr.find_all("td", recursive=False)
        if widths == [3]:
            assert [int(td.get("colspan", 1)) for td in tds] == [1, 1, 1]
        elif widths == [1]:
            assert [int(td.get("colspan", 1)) for td in tds] == [3]
        else:
            assert tds == []
    assert_rectangular(body, 4)


def test_table_a_header_lines_are_marked_as_headers():
    body = rows_of(table_soup(params_for(2021), "proactive"), "tbody")
    for tr in body:
        has_values = bool(tr.find_all("td"))
        classes = {th["class"][0] for th in tr.find_all("th")}
        assert classes == ({"kit-label"} if has_values else {"kit-head"})


def test_table_a_2019_labels_and_grid():
    body = rows_of(table_soup(params_for(2020), "proactive"), "tbody")
    labels = [th.get_text() for tr in body for th in tr.find_all("th")]
    assert labels == TABLE_A_2019_LABELS
    assert_rectangular(body, 4)
    procurement = next(tr for tr in body if tr.find("th", string="政府集中采购"))
    assert values(procurement) == ["0", "0.00元"]


def test_fee_has_four_decimals_and_every_cell_is_printed():
    params, problems = load_params(FIXTURE)
    assert params is not None and not problems
    table = table_soup(params, "proactive")
    fee = next(tr for tr in rows_of(table, "tbody") if tr.find("th", string="行政事业性收费"))
    assert values(fee) == ["1.2345"]
    zero_fee = next(tr for tr in rows_of(table_soup(params_for(2021), "proactive"), "tbody")
                    if tr.find("th", string="行政事业性收费"))
    assert values(zero_fee) == ["0.0000"]
    for table_id in ("proactive", "applications", "review_litigation"):
        for td in table_soup(params, table_id).find_all("td"):
            assert td.get_text().strip(), f"blank cell in {table_id}"


def test_computed_totals_in_the_html():
    params, _ = load_params(FIXTURE)
    assert params is not None
    body = rows_of(table_soup(params, "applications"), "tbody")

    def row(label: str) -> list[str]:
        return values(next(tr for tr in body if tr.find("th", string=label)))

    assert row("一、本年新收政府信息公开申请数量") == ["6", "3", "1", "1", "2", "1", "14"]
    assert row("二、上年结转政府信息公开申请数量") == ["2", "1", "0", "0", "0", "0", "3"]
    assert row("（七）总计") == ["7", "3", "1", "1", "2", "1", "15"]
    assert row("四、结转下年度继续办理") == ["1", "1", "0", "0", "0", "0", "2"]
    cases = rows_of(table_soup(params, "review_litigation"), "tbody")[0]
    assert values(cases) == nums("1 1 0 1 3 1 0 0 1 2 0 1 0 0 1")


def test_labels_are_escaped_and_verbatim():
    html = render_table(build_table(params_for(2021), "applications"))
    assert "“三安全一稳定”" in html
    assert "1.属于国家秘密" in html and "1. 属于" not in html
    assert "(" not in BeautifulSoup(html, "html.parser").get_text()  # full-width brackets only


def test_applications_table_has_column_widths_filling_the_block():
    widths = FORMAT_2021.table("applications").column_widths
    assert len(widths) == 10 and sum(widths) == 100
