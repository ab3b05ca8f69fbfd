"""The format model pins every label to the spec's verbatim lists (spec §2.3–2.5, §3.3–3.4)."""

import pytest

from kit.formats import FORMAT_2019, FORMAT_2021, NoFormatError, format_for_year
from kit.formats.spec import LabelCell, ValueCell

TABLE_A_2021 = [  # spec §2.3 verbatim list, in printed order (信息内容 and 本年处理决定数量 repeat)
    "第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "行政规范性文件",
    "第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可",
    "第二十条第（六）项", "信息内容", "本年处理决定数量", "行政处罚", "行政强制",
    "第二十条第（八）项", "信息内容", "本年收费金额（单位：万元）", "行政事业性收费",
]
TABLE_A_2019 = [
    "第二十条第（一）项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量", "规章", "规范性文件",
    "第二十条第（五）项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量", "行政许可", "其他对外管理服务事项",
    "第二十条第（六）项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量", "行政处罚", "行政强制",
    "第二十条第（八）项", "信息内容", "上一年项目数量", "本年增/减", "行政事业性收费",
    "第二十条第（九）项", "信息内容", "采购项目数量", "采购总金额", "政府集中采购",
]
TABLE_B_HEAD = [
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况",
    "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他",
]
TABLE_B_BODY_START = [
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果", "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开", "1.属于国家秘密",
    "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息",
    "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项", "（四）无法提供",
    "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确", "（五）不予处理",
    "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
]
TABLE_B_2021_REST = [
    "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他",
    "（七）总计", "四、结转下年度继续办理",
]
TABLE_B_2019_REST = ["（六）其他处理", "（七）总计", "四、结转下年度继续办理"]
TABLE_C = [
    "行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉",
    *["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2,
]
SECTIONS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


@pytest.mark.parametrize("fmt", [FORMAT_2019, FORMAT_2021])
def test_six_sections_in_order(fmt):
    assert [s.full_heading for s in fmt.sections] == SECTIONS
    assert [s.table for s in fmt.sections if s.table] == ["proactive", "applications", "review_litigation"]


def test_table_a_labels():
    assert FORMAT_2021.table("proactive").labels() == TABLE_A_2021
    assert FORMAT_2019.table("proactive").labels() == TABLE_A_2019


def test_table_b_labels():
    assert FORMAT_2021.table("applications").labels() == TABLE_B_HEAD + TABLE_B_BODY_START + TABLE_B_2021_REST
    assert FORMAT_2019.table("applications").labels() == TABLE_B_HEAD + TABLE_B_BODY_START + TABLE_B_2019_REST


@pytest.mark.parametrize("fmt", [FORMAT_2019, FORMAT_2021])
def test_table_c_labels(fmt):
    assert fmt.table("review_litigation").labels() == TABLE_C


def test_labels_use_canonical_punctuation():
    for fmt in (FORMAT_2019, FORMAT_2021):
        for table in fmt.tables:
            for label in table.labels():
                assert " " not in label and "(" not in label and ")" not in label, label


def _grid_width(lines):
    """Every printed line must fill the grid once rowspans from above are counted."""
    carry: list[int] = []  # remaining rowspan per occupied column
    widths = []
    for line in lines:
        occupied = sum(1 for c in carry if c > 0)
        width = occupied + sum(c.colspan for c in line)
        widths.append(width)
        carry = [c - 1 for c in carry if c - 1 > 0]
        for cell in line:
            rowspan = cell.rowspan if isinstance(cell, LabelCell) else 1
            carry.extend([rowspan - 1] * cell.colspan if rowspan > 1 else [])
    return widths


@pytest.mark.parametrize("fmt", [FORMAT_2019, FORMAT_2021])
def test_layout_grids_are_rectangular(fmt):
    expected = {"proactive": 4, "applications": 10, "review_litigation": 15}
    for table in fmt.tables:
        assert set(_grid_width(table.head)) <= {expected[table.id]}
        assert set(_grid_width(table.body)) == {expected[table.id]}, table.id


def test_results_cell_spans():
    def results_span(fmt):
        cells = [c for line in fmt.table("applications").body for c in line
                 if isinstance(c, LabelCell) and c.text == "三、本年度办理结果"]
        return cells[0].rowspan
    assert results_span(FORMAT_2021) == 22
    assert results_span(FORMAT_2019) == 20


@pytest.mark.parametrize("fmt", [FORMAT_2019, FORMAT_2021])
def test_every_value_cell_is_a_model_cell_and_printed_once(fmt):
    for table in fmt.tables:
        printed = [(c.row, c.col) for line in table.body for c in line if isinstance(c, ValueCell)]
        model = [(r.id, c.id) for r in table.rows for c in r.columns]
        assert sorted(printed) == sorted(model)


@pytest.mark.parametrize(("year", "fmt_id"), [(2019, "2019"), (2020, "2019"), (2021, "2021"), (2035, "2021")])
def test_format_by_year(year, fmt_id):
    assert format_for_year(year).id == fmt_id


@pytest.mark.parametrize("year", [2018, 1999])
def test_year_without_format(year):
    with pytest.raises(NoFormatError, match="2019 试行格式"):
        format_for_year(year)
