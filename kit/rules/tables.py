"""Arithmetic rules on the three tables (勾稽关系): R1–R4, R6, R9 and V-N8."""

from __future__ import annotations

from collections.abc import Iterator

from kit.base.problems import Problem, Value, error, warning
from kit.formats.places import at_cell
from kit.formats.spec import Table
from kit.params.model import ReportParams

APPS = "applications"


def _where(params: ReportParams, table: Table, row_id: str, col_id: str, **values: Value,
           ) -> dict[str, object]:
    return {"file": params.source, **at_cell(table, row_id, col_id), "values": tuple(values.items())}


def _clean(params: ReportParams, table: Table) -> bool:
    """Arithmetic is skipped on a table with unreadable cells (already reported as V-N5)."""
    return not any(key[0] == table.id for key in params.invalid)


def check_tables(params: ReportParams, previous: ReportParams | None = None) -> list[Problem]:
    problems = list(_stated_totals(params))
    apps = params.format.table(APPS)
    if _clean(params, apps):
        problems += _r1_r9(params, apps)
        if previous is not None and _clean(previous, previous.format.table(APPS)):
            problems += _r6(params, previous, apps)
    if previous is not None and previous.format.id == params.format.id:
        problems += _r7(params, previous)
    problems += _no_regulations(params)
    return problems


def _stated_totals(params: ReportParams) -> Iterator[Problem]:
    """R2, R3, R4: totals typed into the file must equal the computed ones."""
    for (table_id, row_id, col_id), stated in sorted(params.stated.items()):
        table = params.format.table(table_id)
        if not _clean(params, table):
            continue
        computed = params.value(table_id, row_id, col_id)
        if stated == computed:
            continue
        row = table.row(row_id)
        rule = "R4" if table_id == "review_litigation" else ("R2" if row.computed else "R3")
        parts = row.sum_of if row.computed else row.column(col_id).sum_of
        what = "各办理结果行" if row.computed else "本行各项"
        msg = (f"填写的总计 {stated} 与{what}之和 {computed} 不一致。总计由工具自动计算，"
               f"可以删除该格；否则请核对（参与求和：{len(parts)} 项）。")
        yield error(rule, msg, check="stated-total",
                    **_where(params, table, row_id, col_id, stated=stated, computed=computed, summed=what))


def _short(row_label: str) -> str:
    """A Table 三 row label up to "政府信息公开" (how the R1 message names rows 一 and 二)."""
    return row_label.split("政府信息公开")[0]


def _r1_r9(params: ReportParams, table: Table) -> Iterator[Problem]:
    received, carried_over = table.row("received"), table.row("carried_over")
    total, carried_forward = table.row("total"), table.row("carried_forward")
    for col in received.columns:
        got = params.value(APPS, received.id, col.id) + params.value(APPS, carried_over.id, col.id)
        done = params.value(APPS, total.id, col.id)
        left = params.value(APPS, carried_forward.id, col.id)
        if got != done + left:
            msg = (f"勾稽关系不成立：{_short(received.label)} + {_short(carried_over.label)} = {got}，"
                   f"而{total.label} + {carried_forward.label} = {done} + {left} = {done + left}。"
                   "请核对本列各行数字，使“第一项加第二项之和，等于第三项加第四项之和”。")
            yield error("R1", msg, **_where(params, table, total.id, col.id, received=got, answered=done,
                                                        carried_forward=left))
        for row in (total, carried_forward):
            value = params.value(APPS, row.id, col.id)
            if value > got:
                msg = (f"{row.label}（{value}）大于本年新收与上年结转之和（{got}）。办理或结转的申请"
                       "不可能多于收到的申请，请核对。")
                yield error("R9", msg, **_where(params, table, row.id, col.id, value=value, received=got))


def _r6(params: ReportParams, previous: ReportParams, table: Table) -> Iterator[Problem]:
    for col in table.row("carried_over").columns:
        if col.computed:
            continue
        now = params.value(APPS, "carried_over", col.id)
        before = previous.value(APPS, "carried_forward", col.id)
        if now != before:
            msg = (f"本年“{table.row('carried_over').label}”为 {now}，但 {previous.year} 年报告的"
                   f"“{table.row('carried_forward').label}”为 {before}。"
                   "两者应相等，请改正本年或上年的数字。")
            yield error("R6", msg, detail=f"（上年：{previous.source}）",
                        **_where(params, table, "carried_over", col.id, value=now, last_year=before))


def _r7(params: ReportParams, previous: ReportParams) -> Iterator[Problem]:
    """R7 (soft): stocks roll forward from last year's table 二 (the format's RollForward)."""
    for table in params.format.tables:
        rule = table.roll_forward
        if rule is None or not (_clean(params, table) and _clean(previous, table)):
            continue
        for row_id in rule.rows:
            yield from _roll_forward(params, previous, table, row_id)


def _roll_forward(params: ReportParams, previous: ReportParams, table: Table, row_id: str,
                  ) -> Iterator[Problem]:
    rule = table.roll_forward
    assert rule is not None
    row = table.row(row_id)
    expected = rule.expected(lambda c: previous.value(table.id, row_id, c),
                             lambda c: params.value(table.id, row_id, c))
    actual = params.value(table.id, row_id, rule.stock)
    if actual != expected:
        stock = rule.stock
        msg = (f"{row.column(stock).label}为 {actual}，按{rule.how(row)}应为 {expected}"
               f"（{previous.year} 年的报告）。如有清理、修订等正当原因可忽略，否则请核对。")
        yield warning("R7", msg, detail=f"（上年：{previous.source}）",
                      **_where(params, table, row_id, stock, value=actual, expected=expected))


def _no_regulations(params: ReportParams) -> Iterator[Problem]:
    """V-N8: below a 设区的市 government no organ makes 规章 (立法法); its 规章 row must be all 0."""
    level = params.unit.level
    if level.makes_regulations:
        return
    table = params.format.table("proactive")
    row = table.row("regulations")
    documents = table.row("normative_documents").label
    for col in row.columns:
        value = params.value("proactive", "regulations", col.id)
        if value:
            msg = (f"{level.name}无权制定规章（《立法法》：只有省级和设区的市人民政府制定地方政府规章），"
                   f"“{row.label}”一行应全部为 0，现为 {value}。"
                   f"如为本机关制发的{documents}，请填入“{documents}”一行。")
            yield error("V-N8", msg, **_where(params, table, row.id, col.id, value=value))
