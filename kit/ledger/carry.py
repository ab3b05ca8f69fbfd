"""上年结转, application by application: the applications last year's register leaves open at
its year's end are the ones this year's register counts as carried over — any other is named,
by its 编号, with the row it is on."""

from __future__ import annotations

from datetime import date

from kit.base.problems import Problem, warning
from kit.ledger.dates import DateError, parse_date
from kit.ledger.layout import APPLICATIONS
from kit.ledger.workbook import Register


def open_at_year_end(register: Register, year: int) -> dict[str, int]:
    """编号 → row of the applications received by the end of ``year`` and not answered by then
    (rows whose dates cannot be read are left out: importing that register names them)."""
    table = register.tables.get(APPLICATIONS)
    found: dict[str, int] = {}
    end = date(year, 12, 31)
    for number, cells in table.rows if table else []:
        try:
            received, answered = parse_date(cells.get("收到日期")), parse_date(cells.get("答复日期"))
        except DateError:
            continue
        key = str(cells.get("编号") or "").strip()
        if key and received is not None and received <= end and (answered is None or answered > end):
            found[key] = number
    return found


def reconcile(previous: Register, carried: dict[str, int], year: int, source: str) -> list[Problem]:
    """``carried``: this register's carried-over applications (编号 → row)."""
    left_open = open_at_year_end(previous, year - 1)
    problems = []
    for key, row in left_open.items():
        if key not in carried:
            problems.append(warning(
                "L-CARRY", f"上年台账第 {row} 行的申请“{key}”在 {year - 1} 年底尚未答复，应计入本年的上年结转，"
                "但本年台账中没有它（或它的收到日期、答复日期与上年台账不同）。请核对。",
                file=source, section=f"台账“{APPLICATIONS}”", check="missing", column="编号"))
    for key, row in carried.items():
        if key not in left_open:
            problems.append(warning(
                "L-CARRY", f"本年台账第 {row} 行的申请“{key}”计为上年结转，但上年台账中没有这件申请，或它在 "
                f"{year - 1} 年已经答复。请核对。", file=source, section=f"台账“{APPLICATIONS}”第 {row} 行",
                line=row, check="extra", column="编号"))
    return problems
