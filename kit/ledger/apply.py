"""What a register would change in a params file, cell by cell, and writing it when asked.

A register's sheet decides its whole table (an application not in the register is not in the
table: every other cell of Table 三 is 0), except Table 二, where each sheet decides its own
rows. A figure the file already holds (not 0) and the register contradicts is a *conflict*: it
is written only with ``overwrite`` — the clerk may have typed it from a source the register
lacks — and is listed either way. The file is updated in place, comments kept, under its lock.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from kit.base.problems import has_errors
from kit.ledger.compute import Computed
from kit.ledger.template import LedgerError
from kit.params.loader import load_params
from kit.params.lock import locked
from kit.params.model import Breakdown, Number, ReportParams
from kit.params.writer import save

WHOLE_TABLES = ("applications", "review_litigation")


@dataclass(frozen=True)
class Change:
    table: str
    row: str
    column: str
    where: str  # the cell in words: "表三 一、本年新收政府信息公开申请数量·自然人"
    before: Number | None  # None: the file does not have it (0)
    after: Number

    @property
    def conflict(self) -> bool:
        return bool(self.before) and self.before != self.after


def changes(params: ReportParams, computed: Computed) -> list[Change]:
    """Every cell whose figure the register changes, in the tables' order."""
    found = []
    for table in params.format.tables:
        cells = computed.tables.get(table.id)
        if cells is None:
            continue
        for row in table.rows:
            if row.computed or (table.id not in WHOLE_TABLES and row.id not in cells):
                continue
            for col in row.input_columns():
                after = cells.get(row.id, {}).get(col.id, 0)
                before = params.tables.get(table.id, {}).get(row.id, {}).get(col.id)
                if (before or 0) != after:
                    found.append(Change(table.id, row.id, col.id, f"{table.caption} {row.place}·{col.label}",
                                        before, after))
    if computed.breakdown is not None:  # 一（一）'s counts: the register's 栏目 replace the file's
        old = params.breakdown or Breakdown()
        new = computed.breakdown
        general = params.format.section("general")
        name = f"{general.full_heading}{general.numbered('proactive')}"
        if old.total != new.total:
            found.append(Change("breakdown", "total", "", f"{name} 本年发布信息总条数", old.total, new.total or 0))
        for column in dict.fromkeys([*new.items, *old.items]):
            if old.items.get(column) != new.items.get(column):
                found.append(Change("breakdown", column, "", f"{name} 栏目“{column}”条数", old.items.get(column),
                                    new.items.get(column, 0)))
    return found


def updated(params: ReportParams, found: list[Change], overwrite: bool) -> ReportParams:
    """``params`` with the register's figures (conflicts only with ``overwrite``; 一（一）'s
    counts as a whole, and only when none of them is a conflict or with ``overwrite``)."""
    tables = {t: {r: dict(c) for r, c in rows.items()} for t, rows in params.tables.items()}
    for change in found:
        if change.table == "breakdown" or (change.conflict and not overwrite):
            continue
        tables.setdefault(change.table, {}).setdefault(change.row, {})[change.column] = change.after
    breakdown = params.breakdown
    counts = [c for c in found if c.table == "breakdown"]
    if counts and (overwrite or not any(c.conflict for c in counts)):
        old = params.breakdown or Breakdown()
        items = {k: v for k, v in old.items.items()}
        total = old.total
        for change in counts:
            if change.row == "total":
                total = int(change.after)
            elif change.after:
                items[change.row] = int(change.after)
            else:
                items.pop(change.row, None)
        breakdown = Breakdown(total, items)
    return replace(params, tables=tables, breakdown=breakdown)


def apply(path: Path, computed: Computed, overwrite: bool = False) -> tuple[list[Change], list[Change]]:
    """Write the register's figures into ``path``; returns (written, conflicts left as they were)."""
    with locked(path):
        params, problems = load_params(path)
        if params is None or has_errors([p for p in problems if p.rule.startswith("P-")]):
            raise LedgerError(f"参数文件 {path} 有错误，无法写入。请先运行 python -m kit check {path} 并改正。")
        found = changes(params, computed)
        counts = [c for c in found if c.table == "breakdown"]
        held = not overwrite and any(c.conflict for c in counts)  # 一（一）'s counts go together
        kept = [c for c in found if (c.conflict and not overwrite) or (held and c in counts)]
        written = [c for c in found if c not in kept]
        if written:
            save(updated(params, found, overwrite), path)
    return written, kept
