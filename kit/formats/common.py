"""Parts shared by the 2019 trial format and the 2021 format.

The six section headings are identical; Table 三 differs only in
（六）其他处理 (one row in 2019, three in 2021); Table 四 is identical.
"""

from __future__ import annotations

from kit.formats.spec import (
    Column,
    LabelCell,
    LayoutCell,
    Row,
    Section,
    Subsection,
    Table,
    ValueCell,
)

REPORT_NAME = "政府信息公开工作年度报告"
REPORT_KIND = REPORT_NAME[-4:]  # "年度报告": what a report's title ends with, however worded

# ---- sections ---------------------------------------------------------------

GENERAL_ASPECTS = (
    Subsection("proactive", "主动公开情况", ("主动公开", "发布", "公开信息"), breakdown=True),
    Subsection("on_request", "依申请公开情况", ("依申请", "申请")),
    Subsection("management", "政府信息管理情况", ("信息管理", "管理", "审核", "审查")),
    Subsection("platform", "政府信息公开平台建设", ("平台", "网站", "栏目")),
    Subsection("oversight", "监督保障情况", ("监督", "保障", "考核", "培训")),
)

SECTIONS = (
    Section(
        "general", "一", "总体情况", GENERAL_ASPECTS,
        help="概述本年度贯彻落实《条例》情况，分主动公开、依申请公开、政府信息管理、"
        "平台建设、监督保障五个方面；监督保障部分须写明工作考核、社会评议和责任追究结果情况。",
        short="总体情况",
    ),
    Section("proactive", "二", "主动公开政府信息情况", table="proactive",
            help="以表格形式报告；可加一句引导语。", short="主动公开"),
    Section("applications", "三", "收到和处理政府信息公开申请情况", table="applications",
            help="以表格形式报告；表中数据须满足勾稽关系。", short="依申请公开"),
    Section("review_litigation", "四", "政府信息公开行政复议、行政诉讼情况",
            table="review_litigation", help="以表格形式报告。", short="复议诉讼"),
    Section(
        "problems", "五", "存在的主要问题及改进情况",
        (Subsection("problems", "存在的主要问题", ("问题", "不足")),
         # real reports often write the plan without the word 改进: 下一步…, 进一步加强…
         Subsection("improvements", "改进情况", ("改进", "措施", "整改", "下一步", "今后", "将继续",
                                                "进一步", "加强", "提升"))),
        help="写明本机关存在的主要问题和具体改进措施，并说明上一年度问题的整改情况。",
        short="问题与改进",
    ),
    Section("other", "六", "其他需要报告的事项",
            help="报告信息处理费收取情况（未收取也应写明），可报告政务公开工作要点落实、"
            "人大代表建议和政协提案办理结果公开、工作创新等。", short="其他事项"),
)

# ---- Table 三 ---------------------------------------------------------------

APPLICANT_COLUMNS = (
    Column("natural", "自然人"),
    Column("commercial", "商业企业"),
    Column("research", "科研机构"),
    Column("nonprofit", "社会公益组织"),
    Column("legal", "法律服务机构"),
    Column("other", "其他"),
)
APPLICANT_TOTAL = Column("total", "总计", sum_of=tuple(c.id for c in APPLICANT_COLUMNS))
APP_COLS = (*APPLICANT_COLUMNS, APPLICANT_TOTAL)
APPLICANTS = "申请人情况"
ORGANIZATIONS = "法人或其他组织"  # the header over every applicant column but 自然人
APP_COLUMN_WHERE = {c.id: f"{ORGANIZATIONS}·{c.label}" for c in APPLICANT_COLUMNS[1:]}

TABLE_B_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
RESULTS_LABEL = "三、本年度办理结果"
#: Printed widths (% of the text block): L1, L2, L3, then the 7 data columns. The browser's
#: automatic layout would squeeze the long row labels into a narrow column.
APP_WIDTHS = (5, 10, 36, *(7,) * 7)

# (group label, [(row id, item label)]): the sub-items printed under one row-spanning label
WITHHELD = ("（三）不予公开", (
    ("withheld_secret", "1.属于国家秘密"),
    ("withheld_law", "2.其他法律行政法规禁止公开"),
    ("withheld_safety", "3.危及“三安全一稳定”"),
    ("withheld_third_party", "4.保护第三方合法权益"),
    ("withheld_internal", "5.属于三类内部事务信息"),
    ("withheld_process", "6.属于四类过程性信息"),
    ("withheld_enforcement", "7.属于行政执法案卷"),
    ("withheld_query", "8.属于行政查询事项"),
))
UNABLE = ("（四）无法提供", (
    ("unable_not_held", "1.本机关不掌握相关政府信息"),
    ("unable_need_create", "2.没有现成信息需要另行制作"),
    ("unable_unclear", "3.补正后申请内容仍不明确"),
))
NOT_PROCESSED = ("（五）不予处理", (
    ("rejected_petition", "1.信访举报投诉类申请"),
    ("rejected_repeat", "2.重复申请"),
    ("rejected_publication", "3.要求提供公开出版物"),
    ("rejected_mass", "4.无正当理由大量反复申请"),
    ("rejected_confirm", "5.要求行政机关确认或重新出具已获取信息"),
))
OTHER_LABEL = "（六）其他处理"
OTHER_2021 = (OTHER_LABEL, (
    ("other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_other", "3.其他"),
))
Group = tuple[str, tuple[tuple[str, str], ...]]


def _values(row_id: str) -> tuple[ValueCell, ...]:
    return tuple(ValueCell(row_id, c.id) for c in APP_COLS)


def _labelled(row: Row) -> tuple[LayoutCell, ...]:
    """A line of Table 三 whose label spans the three label columns."""
    return (LabelCell(row.label, colspan=3), *_values(row.id))


def _result_rows(other_group: Group | None) -> list[Row]:
    """（一）…（六）: single rows, and the sub-items of the groups （三）–（六）."""
    rows = [Row("disclosed", "（一）予以公开", APP_COLS),
            Row("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", APP_COLS,
                where="（二）部分公开")]
    groups = [WITHHELD, UNABLE, NOT_PROCESSED, *([other_group] if other_group else [])]
    for group, items in groups:
        rows += [Row(row_id, label, APP_COLS, where=f"{group}{label}", group=group)
                 for row_id, label in items]
    if other_group is None:  # 2019: （六）其他处理 is one row
        rows.append(Row("other_processing", OTHER_LABEL, APP_COLS))
    return rows


def _result_lines(rows: list[Row]) -> list[list[LayoutCell]]:
    """The printed lines of 三、本年度办理结果: group labels span their sub-items."""
    lines: list[list[LayoutCell]] = []
    for i, row in enumerate(rows):
        if not row.group:
            lines.append([LabelCell(row.label, colspan=2), *_values(row.id)])
            continue
        first = i == 0 or rows[i - 1].group != row.group
        size = sum(r.group == row.group for r in rows)
        head = [LabelCell(row.group, rowspan=size)] if first else []
        lines.append([*head, LabelCell(row.label), *_values(row.id)])
    return lines


def applications_table(other_group: Group | None) -> Table:
    """Table 三. ``other_group`` is 2021's split （六）, or None for 2019's single row."""
    received = Row("received", "一、本年新收政府信息公开申请数量", APP_COLS)
    carried_over = Row("carried_over", "二、上年结转政府信息公开申请数量", APP_COLS)
    results = _result_rows(other_group)
    total = Row("total", "（七）总计", APP_COLS, sum_of=tuple(r.id for r in results))
    carried_forward = Row("carried_forward", "四、结转下年度继续办理", APP_COLS)
    rows = (received, carried_over, *results, total, carried_forward)

    lines = _result_lines([*results, total])
    lines[0].insert(0, LabelCell(RESULTS_LABEL, rowspan=len(lines)))
    head = (
        (LabelCell(TABLE_B_NOTE, rowspan=3, colspan=3), LabelCell(APPLICANTS, colspan=len(APP_COLS))),
        (LabelCell(APPLICANT_COLUMNS[0].label, rowspan=2),
         LabelCell(ORGANIZATIONS, colspan=len(APPLICANT_COLUMNS) - 1),
         LabelCell(APPLICANT_TOTAL.label, rowspan=2)),
        tuple(LabelCell(c.label) for c in APPLICANT_COLUMNS[1:]),
    )
    body: tuple[tuple[LayoutCell, ...], ...] = (
        *(_labelled(r) for r in (received, carried_over)),
        *(tuple(line) for line in lines),
        _labelled(carried_forward),
    )
    return Table("applications", "三", "收到和处理政府信息公开申请情况", rows, head, body,
                 APP_COLUMN_WHERE, column_widths=APP_WIDTHS)


# ---- Table 四 ---------------------------------------------------------------

OUTCOMES = (
    Column("upheld", "结果维持"),
    Column("corrected", "结果纠正"),
    Column("other", "其他结果"),
    Column("pending", "尚未审结"),
)
CASE_COLS = (*OUTCOMES, Column("total", "总计", sum_of=tuple(c.id for c in OUTCOMES)))


LITIGATION = "行政诉讼"


def review_litigation_table() -> Table:
    rows = (
        Row("review", "行政复议", CASE_COLS),
        Row("litigation_direct", "未经复议直接起诉", CASE_COLS, where=f"{LITIGATION}·未经复议直接起诉",
            group=LITIGATION),
        Row("litigation_after_review", "复议后起诉", CASE_COLS, where=f"{LITIGATION}·复议后起诉",
            group=LITIGATION),
    )
    head = (
        (LabelCell(rows[0].label, colspan=len(CASE_COLS)),
         LabelCell(LITIGATION, colspan=2 * len(CASE_COLS))),
        (*(LabelCell(c.label, rowspan=2) for c in CASE_COLS),
         LabelCell(rows[1].label, colspan=len(CASE_COLS)),
         LabelCell(rows[2].label, colspan=len(CASE_COLS))),
        tuple(LabelCell(c.label) for _ in range(2) for c in CASE_COLS),
    )
    body = (tuple(ValueCell(r.id, c.id) for r in rows for c in CASE_COLS),)
    return Table("review_litigation", "四", "政府信息公开行政复议、行政诉讼情况", rows, head, body)
