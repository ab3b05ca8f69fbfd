"""The registers (台账) a clerk keeps, as data: each sheet's name, columns and what they hold.

The allowed values come from the format of the report year, never typed here: the applicant
types are Table 三's input columns, the results its result rows by their full official place
("（三）不予公开1.属于国家秘密"), the case results Table 四's columns.
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.formats.spec import ReportFormat, Row

APPLICATIONS, PROACTIVE, DOCUMENTS, CASES, OTHER, GUIDE, CHOICES = (
    "依申请公开", "主动公开", "文件目录", "复议诉讼", "其他数字", "说明", "选项")
#: Table 三 rows that are not a result of the year (the rest, but the computed total, are)
NOT_RESULTS = ("received", "carried_over", "carried_forward")
EXTENDED = ("是", "否")
OTHER_ITEMS = ("licensing", "punishment", "coercion", "fees")  # Table 二 rows of 其他数字


@dataclass(frozen=True)
class Column:
    name: str
    width: int
    help: str
    choices: str = ""  # the name of the 选项 list its cells must come from
    required: bool = False


SHEETS: dict[str, tuple[Column, ...]] = {
    APPLICATIONS: (
        Column("编号", 12, "每件申请一个编号，不能重复", required=True),
        Column("收到日期", 12, "如 2023-01-05（也可写 2023.1.5、2023年1月5日）", required=True),
        Column("申请人类型", 14, "从下拉列表中选择", "applicants", required=True),
        Column("申请内容摘要", 30, "可不填"),
        Column("办理结果", 40, "答复后从下拉列表中选择；尚未答复的留空", "results"),
        Column("答复日期", 12, "尚未答复的留空"),
        Column("是否延期", 10, "经负责人同意延长答复期限的填“是”", "extended"),
        Column("备注", 24, "可不填"),
    ),
    PROACTIVE: (
        Column("标题", 40, "每条主动公开的信息一行；也可删去本列，只填“栏目”和“条数”"),
        Column("栏目", 16, "如 工作动态、通知公告", required=True),
        Column("发布日期", 12, "如 2023-03-01"),
        Column("条数", 8, "按栏目汇总填写时用：该栏目本年发布的条数"),
    ),
    DOCUMENTS: (
        Column("文号", 16, "如 甲政发〔2023〕1号", required=True),
        Column("名称", 36, "文件名称"),
        Column("类型", 16, "从下拉列表中选择", "documents", required=True),
        Column("制发日期", 12, "如 2023-05-10", required=True),
        Column("废止日期", 12, "未废止的留空"),
    ),
    CASES: (
        Column("编号", 12, "每个案件一个编号", required=True),
        Column("类型", 26, "从下拉列表中选择", "cases", required=True),
        Column("收到日期", 12, "收到复议决定书、起诉状副本等的日期", required=True),
        Column("结果", 12, "审结后从下拉列表中选择；未审结的留空", "case_results"),
        Column("审结日期", 12, "未审结的留空"),
    ),
    OTHER: (
        Column("项目", 30, "不要修改本列", required=True),
        Column("数字", 12, "本年度的数字"),
    ),
}


def result_rows(fmt: ReportFormat) -> list[Row]:
    """Table 三's result rows of the year, in the table's order."""
    return [r for r in fmt.table("applications").rows if not r.computed and r.id not in NOT_RESULTS]


def choices(fmt: ReportFormat) -> dict[str, list[str]]:
    """Each drop-down list, from the format of the year."""
    apps = fmt.table("applications")
    proactive = fmt.table("proactive")
    cases = fmt.table("review_litigation")
    return {
        "applicants": [c.label for c in apps.row("received").input_columns()],
        "results": [r.place for r in result_rows(fmt)],
        "extended": list(EXTENDED),
        "documents": [proactive.row(r).label for r in ("regulations", "normative_documents")],
        "cases": list(case_kinds(fmt)),
        "case_results": [c.label for c in cases.row("review").input_columns()],
    }


def case_kinds(fmt: ReportFormat) -> dict[str, str]:
    """Table 四's rows by the words a register writes for the kind of case: "行政复议",
    "行政诉讼（未经复议直接起诉）" …"""
    return {f"{r.group}（{r.label}）" if r.group else r.label: r.id for r in fmt.table("review_litigation").rows}


def document_words(fmt: ReportFormat) -> dict[str, str]:
    """Table 二's 规章 and 规范性文件 rows by their labels in every format version (a register
    may keep the 2019 wording "规范性文件")."""
    from kit.formats import FORMATS

    rows = ("regulations", "normative_documents")
    return {f.table("proactive").row(r).label: r for f in (*FORMATS, fmt) for r in rows}


def other_items(fmt: ReportFormat) -> list[tuple[str, str]]:
    """(Table 二 row id, the words of the 其他数字 sheet's 项目 column)."""
    table = fmt.table("proactive")
    found = []
    for row_id in OTHER_ITEMS:
        row = table.row(row_id)
        found.append((row_id, f"{row.label}（{row.columns[0].label}）"))
    return found
