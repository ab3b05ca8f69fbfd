"""Year-over-year (同比) sentences for 一（一） and 一（二）, generated from two years' params.

:func:`suggest` proposes one sentence per subsection, e.g.
"本年共发布信息52条，较上年（44条）增加8条，增长18.2%。". The clerk accepts, edits or drops
it in the params file's ``yoy`` mapping (``python -m kit yoy <file> --accept`` writes it);
:func:`kit.render.report_html.render_section` appends accepted sentences to their subsection.
:func:`with_suggestion` adds the proposal to the validator's V-S7 warning, so ``kit check``
and the reviewers' box in each report show it.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from kit.base.problems import Problem
from kit.params.model import ReportParams

#: subsection id of 一、总体情况 → (lead-in, counting word)
SUBJECTS = {
    "proactive": ("本年共发布信息", "条"),
    "on_request": ("收到政府信息公开申请", "件"),
}
ACCEPT_HINT = "运行 python -m kit yoy {file} --accept 可写入参数文件的 yoy 项，写入后可再修改或删除。"
#: The same advice for the form, where a button does it.
ACCEPT_TEXT = "可直接采用或修改后采用。"


def proactive_total(params: ReportParams) -> int | None:
    """主动公开 items published in the year: ``proactive_breakdown.total`` (or the sum of its
    items when the total is left out); None when the file has no breakdown."""
    bd = params.breakdown
    if bd is None:
        return None
    if bd.total is not None:
        return bd.total
    return sum(bd.items.values()) if bd.items else None


def applications_received(params: ReportParams) -> int:
    """Table 三, row ``received``, column 总计: applications received in the year."""
    return int(params.value("applications", "received", "total"))


def entered(params: ReportParams, table_id: str) -> bool:
    """Some figure of the year is entered in the table: an input above 0 other than those a
    new year's file starts with (Table 三 上年结转, the stocks that roll forward:
    :func:`kit.params.newyear.carry_forward`). Comparing an untouched new year with the last
    would say "下降100%"."""
    rule = params.format.table(table_id).roll_forward
    for row_id, cells in params.tables.get(table_id, {}).items():
        for col_id, value in cells.items():
            carried = (row_id == "carried_over"
                       or (rule is not None and row_id in rule.rows and col_id == rule.stock))
            if value and not carried:
                return True
    return False


def percent(change: int, before: int) -> str:
    """``change / before`` as a percentage with one decimal, rounded half up ("18.2")."""
    value = (Decimal(abs(change)) * 100 / Decimal(before)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"{value}"


def sentence(lead: str, unit: str, now: int, before: int) -> str:
    """One 同比 sentence; a zero previous value gives no percentage (no division by zero)."""
    head = f"{lead}{now}{unit}"
    if now == before:
        return f"{head}，与上年持平。"
    verb, rate = ("增加", "增长") if now > before else ("减少", "下降")
    change = abs(now - before)
    text = f"{head}，较上年（{before}{unit}）{verb}{change}{unit}"
    if before:
        text += f"，{rate}{percent(change, before)}%"
    return text + "。"


def suggest(params: ReportParams, previous: ReportParams | None) -> dict[str, str]:
    """Proposed 同比 sentences by subsection id of section ``general`` ({} without a previous year).

    ``proactive`` (一（一）) compares the 主动公开 totals and is left out when either year has
    no ``proactive_breakdown`` or this year's total is 0; ``on_request`` (一（二）) compares
    Table 三 本年新收 总计, once a figure of Table 三 is entered (:func:`entered`).
    """
    if previous is None or previous.year != params.year - 1:
        return {}
    out: dict[str, str] = {}
    now, before = proactive_total(params), proactive_total(previous)
    if now and before is not None:  # 0 published items: not entered yet (the report is one)
        out["proactive"] = sentence(*SUBJECTS["proactive"], now, before)
    if entered(params, "applications"):
        out["on_request"] = sentence(*SUBJECTS["on_request"], applications_received(params),
                                     applications_received(previous))
    return out


def describe(params: ReportParams, suggestions: dict[str, str]) -> str:
    """The suggestions as one Chinese line: "一（一）“…”；一（二）“…”"."""
    parts = []
    for sub_id, text in suggestions.items():
        number = params.subsection_heading("general", sub_id).split("）")[0] + "）"
        parts.append(f"一{number}“{text}”")
    return "；".join(parts)


def with_suggestion(problems: list[Problem], params: ReportParams,
                    previous: ReportParams | None) -> list[Problem]:
    """Append the proposed sentences to the V-S7 warning when ``yoy`` is empty and the
    previous year is known; other problems are returned unchanged."""
    if params.yoy or previous is None:
        return problems
    proposals = suggest(params, previous)
    if not proposals:
        return problems
    extra = f"根据 {previous.year} 年的报告，自动生成的同比句：{describe(params, proposals)}，{ACCEPT_TEXT}"
    hint = ACCEPT_HINT.format(file=params.source or "<参数文件>")
    return [replace(p, message=f"{p.message}{extra}", detail=hint) if p.rule == "V-S7" else p
            for p in problems]
