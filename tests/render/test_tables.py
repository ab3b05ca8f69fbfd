"""Table builders as data: BuiltTable.frame, computed totals and printed cell text."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kit.params.loader import load_params
from kit.params.model import ReportParams, Unit
from kit.render.tables import build_table, build_tables

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "params" / "测试县" / "示例镇" / "2023.yaml"
APPLICANTS = ["自然人", "法人或其他组织·商业企业", "法人或其他组织·科研机构", "法人或其他组织·社会公益组织",
              "法人或其他组织·法律服务机构", "法人或其他组织·其他", "总计"]


@pytest.fixture(scope="module")
def example() -> ReportParams:
    params, problems = load_params(FIXTURE)
    assert params is not None and not problems
    return params


def empty(year: int) -> ReportParams:
    return ReportParams(unit=Unit("测试省", "测试市", "测试县", "示例镇", "镇"), year=year)


def test_applications_frame_shape_labels_and_totals(example):
    frame = build_table(example, "applications").frame
    assert frame.shape == (25, 7)
    assert list(frame.columns) == APPLICANTS
    assert frame.index.name == "收到和处理政府信息公开申请情况"
    assert frame.index[0] == "一、本年新收政府信息公开申请数量"
    assert frame.index[-2:].tolist() == ["（七）总计", "四、结转下年度继续办理"]
    assert "（三）不予公开1.属于国家秘密" in frame.index
    assert frame.loc["一、本年新收政府信息公开申请数量"].tolist() == [6, 3, 1, 1, 2, 1, 14]
    assert frame.loc["（七）总计"].tolist() == [7, 3, 1, 1, 2, 1, 15]
    results = frame.iloc[2:-2]
    assert results.sum().tolist() == frame.loc["（七）总计"].tolist()
    for _, row in frame.iterrows():
        assert row.iloc[-1] == sum(row.iloc[:-1])


def test_applications_frame_2019_has_one_other_row():
    frame = build_table(empty(2020), "applications").frame
    assert frame.shape == (23, 7)
    assert "（六）其他处理" in frame.index
    assert (frame == 0).all().all()


def test_review_litigation_frame(example):
    frame = build_table(example, "review_litigation").frame
    assert frame.shape == (3, 5)
    assert list(frame.columns) == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert frame.index.tolist() == ["行政复议", "行政诉讼·未经复议直接起诉", "行政诉讼·复议后起诉"]
    assert frame["总计"].tolist() == [3, 2, 1]


def test_proactive_frame_leaves_cells_a_row_lacks_empty(example):
    frame = build_table(example, "proactive").frame
    assert frame.shape == (6, 5)
    assert frame.loc["第二十条第（一）项·行政规范性文件", "本年制发件数"] == 2
    assert frame.loc["第二十条第（五）项·行政许可", "本年处理决定数量"] == 37
    assert frame.loc["第二十条第（八）项·行政事业性收费", "本年收费金额（单位：万元）"] == Decimal("1.2345")
    assert frame.loc["第二十条第（五）项·行政许可"].isna().sum() == 4


def test_printed_text_is_zero_not_blank_and_fee_has_fixed_decimals(example):
    built = build_table(empty(2021), "proactive")
    assert built.text("regulations", "issued") == "0"
    assert built.text("fees", "amount") == "0.0000"
    assert build_table(example, "proactive").text("fees", "amount") == "1.2345"
    apps = build_table(example, "applications")
    assert apps.text("total", "total") == "15"
    assert apps.values[("carried_forward", "total")] == 2


def test_build_tables_follows_the_format_order(example):
    assert list(build_tables(example)) == ["proactive", "applications", "review_litigation"]
    assert list(build_tables(empty(2020))) == ["proactive", "applications", "review_litigation"]
    assert build_tables(empty(2020))["proactive"].frame.shape == (8, 8)


def test_built_table_displays_as_the_official_html(example):
    html = build_table(example, "applications")._repr_html_()
    assert html.startswith('<div class="kit-table-wrap"><table class="kit-table kit-table-applications"')
    assert 'rowspan="22"' in html
