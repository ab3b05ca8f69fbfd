"""The headline figures of a report, as the 图解 and the 解读 show them: every number is one the
report holds (a cell, a total, the 主动公开 count), the only derived figures are the shares of
the results; the change from last year is a direction (上升、下降、持平), never a number."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from kit.formats.common import RESULTS_LABEL
from kit.formats.spec import bare_label
from kit.params.cells import format_cell
from kit.params.model import REWRITE_MARK, ReportParams
from kit.rules.yoy import proactive_total

UP, DOWN, SAME = "上升", "下降", "持平"


@dataclass(frozen=True)
class Figure:
    label: str
    value: str  # as printed: "12", "0.50万元"
    number: Decimal
    row: str = ""  # a Table 二 figure: its row's and column's labels
    column: str = ""


@dataclass(frozen=True)
class Share:
    label: str  # a result group, e.g. "予以公开"
    count: int
    percent: int  # of the answered applications, rounded


@dataclass
class Highlights:
    organ: str
    year: int
    title: str
    proactive: int | None = None
    proactive_trend: str | None = None
    columns: list[tuple[str, int]] = field(default_factory=list)  # 栏目, count; largest first
    documents: list[Figure] = field(default_factory=list)  # Table 二 第二十条第（一）项
    decisions: list[Figure] = field(default_factory=list)  # 许可、处罚、强制, 收费
    requests: list[Figure] = field(default_factory=list)  # 新收, 上年结转, 办结, 结转下年度
    received_trend: str | None = None
    shares: list[Share] = field(default_factory=list)
    cases: list[Figure] = field(default_factory=list)  # 复议, 诉讼
    problems: list[str] = field(default_factory=list)  # sentences of section 五's parts
    improvements: list[str] = field(default_factory=list)

    def numbers(self) -> set[Decimal]:
        """Every number shown, but the shares' percentages and the year."""
        found = {f.number for f in (*self.documents, *self.decisions, *self.requests, *self.cases)}
        found |= {Decimal(c) for _, c in self.columns} | {Decimal(s.count) for s in self.shares}
        return found | ({Decimal(self.proactive)} if self.proactive is not None else set())


def _trend(now: int | None, before: int | None) -> str | None:
    if now is None or before is None:
        return None
    return UP if now > before else DOWN if now < before else SAME


def _figure(params: ReportParams, table_id: str, row_id: str, col_id: str, label: str = "") -> Figure:
    table = params.format.table(table_id)
    row = table.row(row_id)
    column = row.column(col_id)
    value = params.value(table_id, row_id, col_id)
    shown = format_cell(value, column) + (column.measure if column.kind == "decimal" else "")
    return Figure(label or f"{row.label}{column.label}", shown, Decimal(value), row.label, column.label)


def highlights(params: ReportParams, previous: ReportParams | None = None) -> Highlights:
    fmt = params.format
    found = Highlights(params.unit.organ, params.year, params.display_title)
    found.proactive = proactive_total(params)
    if previous is not None and previous.year == params.year - 1:
        found.proactive_trend = _trend(found.proactive, proactive_total(previous))
        found.received_trend = _trend(int(params.value("applications", "received", "total")),
                                      int(previous.value("applications", "received", "total")))
    if params.breakdown is not None:
        found.columns = sorted(((k, v) for k, v in params.breakdown.items.items() if v), key=lambda kv: -kv[1])
    proactive = fmt.table("proactive")
    for row in proactive.rows:
        for column in row.columns:
            value = params.value("proactive", row.id, column.id)
            wanted = row.id == "normative_documents" or (row.id == "regulations" and value)
            if column.role in ("issued", "repealed", "in_force") and wanted:
                found.documents.append(_figure(params, "proactive", row.id, column.id))
            elif column.role == "decisions" or (row.id == "fees" and column.kind == "decimal"):
                found.decisions.append(_figure(params, "proactive", row.id, column.id, row.label))
    apps = fmt.table("applications")
    for row_id in ("received", "carried_over", "total", "carried_forward"):
        own = bare_label(apps.row(row_id).label)
        label = bare_label(RESULTS_LABEL) + own if row_id == "total" else own.removesuffix("政府信息公开申请数量")
        found.requests.append(_figure(params, "applications", row_id, "total", label))
    groups: dict[str, int] = {}
    for row in apps.rows:
        if row.computed or row.id in ("received", "carried_over", "carried_forward"):
            continue
        name = bare_label(row.group or row.label)
        groups[name] = groups.get(name, 0) + int(params.value("applications", row.id, "total"))
    answered = int(params.value("applications", "total", "total"))
    found.shares = [Share(name, count, round(100 * count / answered) if answered else 0)
                    for name, count in groups.items() if count]
    cases = fmt.table("review_litigation")
    review = cases.row("review")
    found.cases.append(_figure(params, "review_litigation", "review", "total", review.label))
    suing = [r for r in cases.rows if r.group]
    total = sum(int(params.value("review_litigation", r.id, "total")) for r in suing)
    found.cases.append(Figure(suing[0].group, str(total), Decimal(total)))
    problems = fmt.section("problems")
    for sub, target in zip(problems.subsections, (found.problems, found.improvements), strict=False):
        target += _sentences(params.subsection(problems.id, sub.id).text)
    if not found.problems and not found.improvements:  # both parts written as one
        found.problems = _sentences(params.section(problems.id).text, 4)
    return found


def _sentences(text: str, limit: int = 3) -> list[str]:
    """The first sentences of a part, each ending with 。 (markers and numbering kept)."""
    text = " ".join(text.replace(REWRITE_MARK, "").split())
    parts = [p.strip() for p in re.split(r"(?<=[。；])", text) if p.strip()]
    return [p if p.endswith(("。", "；")) else f"{p}。" for p in parts[:limit]]
