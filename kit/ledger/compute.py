"""A register → the report's figures for one year, and the problems of its rows.

Table 三 from the applications, one by one: 新收 = received in the year; 上年结转 = received
before it and not answered by its first day; the results = answered in the year, by result
and applicant type; 结转下年度 = received by its last day and not answered by then. So
一 + 二 = 三（七） + 四 holds in every column by construction. Table 二 from the documents
(制发 and 废止 in the year; 现行有效 = last year's figure + 制发 − 废止, or, without last year's
report, those issued by the year's end and not repealed by then) and the 其他数字 sheet;
Table 四 from the cases received in the year (a case not decided by the year's end is 尚未审结);
一（一）'s count per 栏目 from the items published in the year (or the counts per 栏目).
A sheet without a row is a register not kept: its tables are left as they are.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from kit.base.problems import Problem, warning
from kit.formats.spec import ReportFormat, bare_label
from kit.ledger import timelimit
from kit.ledger.carry import reconcile
from kit.ledger.layout import (
    APPLICATIONS,
    CASES,
    DOCUMENTS,
    OTHER,
    PROACTIVE,
    case_kinds,
    document_words,
    other_items,
    result_rows,
)
from kit.ledger.rows import RowReader
from kit.ledger.workbook import Register
from kit.params.model import Breakdown, Number, ReportParams

Cells = dict[str, dict[str, dict[str, Number]]]  # table → row → column → value


@dataclass
class Computed:
    year: int
    tables: Cells = field(default_factory=dict)  # only the tables a sheet of the register covers
    breakdown: Breakdown | None = None
    problems: list[Problem] = field(default_factory=list)
    counted: dict[str, int] = field(default_factory=dict)  # sheet → rows that count for the year
    carried: dict[str, int] = field(default_factory=dict)  # 编号 → row of each 上年结转 application


def compute(register: Register, fmt: ReportFormat, year: int, previous: ReportParams | None = None,
            today: date | None = None, last_register: Register | None = None) -> Computed:
    """The figures ``register`` gives for ``year``; ``previous``: last year's report, and
    ``last_register``: last year's register, each reconciled with the carried-over applications."""
    today = today or date.today()
    result = Computed(year)
    kept = {name for name, table in register.tables.items() if table.rows}  # an empty sheet: not kept
    if APPLICATIONS in kept:
        _applications(register, fmt, year, previous, today, result)
        if last_register is not None:
            result.problems += reconcile(last_register, result.carried, year, register.source)
    if DOCUMENTS in kept or OTHER in kept:
        _proactive(register, fmt, year, previous, today, result, kept)
    if CASES in kept:
        _cases(register, fmt, year, today, result)
    if PROACTIVE in kept:
        _published(register, year, today, result)
    return result


def _reader(register: Register, sheet: str, result: Computed, today: date):
    for number, cells in register.tables[sheet].rows:
        yield RowReader(register.source, sheet, number, cells, today, result.problems)


def _result_words(fmt: ReportFormat) -> dict[str, str]:
    """What a register may write for each result: its full place, or its own words when no
    other result has them ("予以公开", "属于国家秘密")."""
    words: dict[str, list[str]] = {}
    for row in result_rows(fmt):
        for text in {row.place, bare_label(row.label), row.label if not row.group else row.place}:
            words.setdefault(text, []).append(row.id)
    return {text: ids[0] for text, ids in words.items() if len(set(ids)) == 1}


def _applications(register: Register, fmt: ReportFormat, year: int, previous: ReportParams | None,
                  today: date, result: Computed) -> None:
    apps = fmt.table("applications")
    types = {c.label: c.id for c in apps.row("received").input_columns()}
    results = _result_words(fmt)
    start, end = date(year, 1, 1), date(year, 12, 31)
    cells: dict[str, dict[str, Number]] = {}
    seen: dict[str, int] = {}
    counted = 0
    carried: Counter[str] = Counter()

    def add(row_id: str, col: str) -> None:
        cells.setdefault(row_id, {})[col] = cells.get(row_id, {}).get(col, 0) + 1

    for row in _reader(register, APPLICATIONS, result, today):
        number = row.text("编号")
        if not number:
            row.fail("L-VALUE", "编号", "没有填写“编号”。每件申请一个编号，请补上。")
        elif number in seen:
            row.fail("L-DUP", "编号", f"编号“{number}”与第 {seen[number]} 行重复。请改正其中之一。", number)
        else:
            seen[number] = row.number
        received = row.date("收到日期", required=True)
        kind = row.choice("申请人类型", types, required=True)
        outcome = row.choice("办理结果", results)
        answered = row.date("答复日期")
        extended = row.choice("是否延期", {"是": "yes", "否": "no", "": "no"}) == "yes"
        if row.failed or received is None or kind is None:
            continue  # said why; a row with an error counts nowhere, so the sums still hold
        if answered is not None and answered < received:
            row.fail("L-DATE", "答复日期", f"答复日期 {answered.isoformat()} 早于收到日期 {received.isoformat()}。请核对。")
            continue
        if answered is not None and outcome is None and not row.text("办理结果"):
            row.fail("L-VALUE", "办理结果", "已填写答复日期，但没有填写“办理结果”。请从下拉列表中选择。")
            continue
        if outcome is not None and answered is None:
            row.fail("L-DATE", "答复日期", "已填写办理结果，但没有填写“答复日期”。请补上答复日期。")
            continue
        _time_limit(row, received, answered, extended, today)
        if received > end or (answered is not None and answered < start):
            continue  # another year's application
        counted += 1
        add("received" if received >= start else "carried_over", kind)
        if received < start:
            carried[kind] += 1
            result.carried[number] = row.number
        if answered is not None and answered <= end and outcome is not None:
            add(outcome, kind)
        elif answered is None or answered > end:
            add("carried_forward", kind)
    result.tables["applications"] = cells
    result.counted[APPLICATIONS] = counted
    _reconcile(register.source, apps.row("carried_over").input_columns(), carried, previous, result)


def _time_limit(row: RowReader, received: date, answered: date | None, extended: bool, today: date) -> None:
    last, known = timelimit.due(received, extended)
    note = "" if known else "（该年度的法定节假日尚未公布，只按周末计算）"
    limit = timelimit.LIMIT + (timelimit.EXTENSION if extended else 0)
    if answered is not None and answered > last:
        used = timelimit.working_days(received, answered)
        row.warn("L-LATE", "答复日期", f"答复用了 {used} 个工作日，超过《条例》第三十三条的 {limit} 个工作日"
                 f"（应在 {last.isoformat()} 前答复）{note}。如有补正等依法不计入的时间，请在备注中写明。",
                 answered.isoformat())
    elif answered is None and today > last:
        row.warn("L-LATE", "答复日期", f"尚未答复，已超过《条例》第三十三条的 {limit} 个工作日"
                 f"（应在 {last.isoformat()} 前答复）{note}。", check="open")


def _reconcile(source: str, columns, carried: Counter[str], previous: ReportParams | None,
               result: Computed) -> None:
    """上年结转 from the register against last year's report's 结转下年度, type by type."""
    if previous is None:
        return
    for col in columns:
        before = previous.value("applications", "carried_forward", col.id)
        if before != carried.get(col.id, 0):
            result.problems.append(warning(
                "L-CARRY", f"台账中上年收到、本年初尚未答复的“{col.label}”申请有 {carried.get(col.id, 0)} 件，"
                f"而 {previous.year} 年度报告的“结转下年度继续办理”为 {before} 件。请核对台账是否漏记或多记了上年的申请。",
                file=source, section=f"台账“{APPLICATIONS}”", column=col.label))


def _proactive(register: Register, fmt: ReportFormat, year: int, previous: ReportParams | None,
               today: date, result: Computed, kept: set[str]) -> None:
    table = fmt.table("proactive")
    cells: dict[str, dict[str, Number]] = {}
    if DOCUMENTS in kept:
        kinds = document_words(fmt)
        issued: Counter[str] = Counter()
        repealed: Counter[str] = Counter()
        standing: Counter[str] = Counter()
        for row in _reader(register, DOCUMENTS, result, today):
            kind = row.choice("类型", kinds, required=True)
            made = row.date("制发日期", required=True)
            ended = row.date("废止日期")
            if row.failed or kind is None or made is None:
                continue
            if ended is not None and ended < made:
                row.fail("L-DATE", "废止日期", f"废止日期 {ended.isoformat()} 早于制发日期 {made.isoformat()}。请核对。")
                continue
            issued[kind] += made.year == year
            repealed[kind] += ended is not None and ended.year == year
            standing[kind] += made.year <= year and (ended is None or ended.year > year)
        for row_id in ("regulations", "normative_documents"):
            before = previous.value("proactive", row_id, "in_force") if previous and previous.format.id == fmt.id else None
            in_force = before + issued[row_id] - repealed[row_id] if before is not None else standing[row_id]
            cells[row_id] = {"issued": issued[row_id], "repealed": repealed[row_id], "in_force": in_force}
    if OTHER in kept:
        words = {text: row_id for row_id, text in other_items(fmt)} | {table.row(r).label: r for r, _ in other_items(fmt)}
        for row in _reader(register, OTHER, result, today):
            row_id = row.choice("项目", words, required=True)
            value = row.count("数字")
            if row.failed or row_id is None or value is None:
                continue
            column = table.row(row_id).columns[0]
            if column.kind == "int" and value != int(value):
                row.fail("L-VALUE", "数字", f"“{column.label}”应为整数，现为 {value}。", value)
                continue
            cells[row_id] = {column.id: int(value) if column.kind == "int" else Decimal(value)}
    result.tables["proactive"] = cells


def _cases(register: Register, fmt: ReportFormat, year: int, today: date, result: Computed) -> None:
    table = fmt.table("review_litigation")
    outcomes = {c.label: c.id for c in table.row("review").input_columns()}
    cells: dict[str, dict[str, Number]] = {}
    counted = 0
    for row in _reader(register, CASES, result, today):
        kind = row.choice("类型", case_kinds(fmt), required=True)
        received = row.date("收到日期", required=True)
        outcome = row.choice("结果", outcomes)
        decided = row.date("审结日期")
        if row.failed or kind is None or received is None or received.year != year:
            continue
        if outcome is not None and decided is None:
            row.fail("L-DATE", "审结日期", "已填写结果，但没有填写“审结日期”。请补上。")
            continue
        counted += 1
        column = outcome if outcome is not None and decided is not None and decided.year == year else "pending"
        cells.setdefault(kind, {})[column] = cells.get(kind, {}).get(column, 0) + 1
    result.tables["review_litigation"] = cells
    result.counted[CASES] = counted


def _published(register: Register, year: int, today: date, result: Computed) -> None:
    items: Counter[str] = Counter()
    for row in _reader(register, PROACTIVE, result, today):
        column = row.text("栏目")
        if not column:
            row.fail("L-VALUE", "栏目", "没有填写“栏目”。请补上。")
            continue
        count = row.count("条数")
        if count is not None:
            items[column] += int(count)
            continue
        published = row.date("发布日期")
        if not row.failed and (published is None or published.year == year):
            items[column] += 1
    result.breakdown = Breakdown(sum(items.values()), dict(items))
    result.counted[PROACTIVE] = sum(items.values())
