"""County roll-up as data: every township's file for a year, summed tables, an overview, history.

The townships *expected* in a county are the roster of its ``params/<县>/county.yaml``
(:mod:`kit.params.county_file`), or without one every township whose ``params/<县>/<乡镇>/``
holds a params file for any year; an expected township without a file for the year is
*missing*. Files that cannot be loaded are kept (with their problems) but left out of every
sum; files with errors are summed and marked as such wherever the totals are shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from kit.base.errors import KitError
from kit.base.problems import Problem
from kit.formats import format_for_year
from kit.formats.levels import LEVELS, TOWNSHIP, Level
from kit.params.county_file import CountySettings, CountySettingsError, load_settings
from kit.params.loader import load_params
from kit.params.model import Number, ReportParams
from kit.params.paths import YEAR_FILE
from kit.render.tables import BuiltTable
from kit.rules.validate import check_file
from kit.rules.yoy import applications_received, proactive_total


class RollupError(KitError):
    """The roll-up cannot be made; the message is Chinese and names the fix."""


@dataclass(frozen=True)
class Entry:
    """One township's params file for the year, loaded and checked."""

    unit: str
    path: Path
    params: ReportParams | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(p.is_error for p in self.problems)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


@dataclass(frozen=True)
class CountyYear:
    county: str
    year: int
    params_dir: Path
    entries: list[Entry]  # townships with a file for the year, in roster (else name) order
    missing: list[str]  # expected townships without one
    settings: CountySettings = field(default_factory=lambda: CountySettings(""))
    expected: list[str] = field(default_factory=list)  # roster order

    @property
    def with_errors(self) -> list[Entry]:
        """Readable files that have errors: summed, but marked."""
        return [e for e in self.entries if e.params is not None and e.errors]

    @property
    def loaded(self) -> list[ReportParams]:
        return [e.params for e in self.entries if e.params is not None]

    @property
    def unreadable(self) -> list[Entry]:
        return [e for e in self.entries if e.params is None]

    def level_of(self, unit: str) -> str:
        """A unit's level id: its file's ``unit.kind``, else the roster's (kit.formats.levels)."""
        entry = next((e for e in self.entries if e.unit == unit), None)
        kind = entry.params.unit.kind if entry is not None and entry.params is not None else None
        return self.settings.unit_level(unit, kind)

    def deadline_of(self, unit: str) -> date:
        return self.settings.deadline_for(self.year, self.level_of(unit))

    def levels(self) -> list[Level]:
        """The levels of the expected units and of the files, in the format model's order."""
        present = {self.level_of(u) for u in [*self.expected, *(e.unit for e in self.entries)]}
        return [level for level in LEVELS.values() if level.id in present] or [LEVELS[TOWNSHIP]]

    def of_level(self, level: str) -> CountyYear:
        """The same county-year with only the units of ``level`` (townships and departments are
        summed apart)."""
        return replace(self, entries=[e for e in self.entries if self.level_of(e.unit) == level],
                       missing=[u for u in self.missing if self.level_of(u) == level],
                       expected=[u for u in self.expected if self.level_of(u) == level])


def unit_years(params_dir: Path, county: str) -> dict[str, list[int]]:
    """Known townships of ``county`` → the years they have a params file for (sorted)."""
    folder = params_dir / county
    found: dict[str, list[int]] = {}
    if not folder.is_dir():
        return found
    for unit_dir in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        years = sorted(int(m.group(1)) for f in unit_dir.iterdir() if (m := YEAR_FILE.match(f.name)))
        if years:
            found[unit_dir.name] = years
    return found


def load_county(params_dir: Path, county: str, year: int) -> CountyYear:
    """Load and check every township file of ``county`` for ``year``."""
    format_for_year(year)  # NoFormatError (Chinese) for a year outside 2019–
    try:
        settings = load_settings(params_dir, county)
    except CountySettingsError as exc:
        raise RollupError(str(exc)) from exc
    known = unit_years(params_dir, county)
    if not known and not settings.townships and not settings.departments:
        msg = (f"在 {params_dir / county} 下没有找到任何乡镇的参数文件。请检查县名称和参数目录"
               f"（应为 {params_dir}/<县>/<乡镇>/<年>.yaml），或先运行 python -m kit new {county}/<乡镇> {year}。")
        raise RollupError(msg)
    entries = []
    for unit, years in known.items():
        if year in years:
            path = params_dir / county / unit / f"{year}.yaml"
            params, problems = check_file(path)
            entries.append(Entry(unit, path, params, problems))
    expected = settings.expected(list(known))
    order = {unit: i for i, unit in enumerate(expected)}
    entries.sort(key=lambda e: (order.get(e.unit, len(order)), e.unit))  # roster order, then the rest
    missing = [unit for unit in expected if year not in known.get(unit, [])]
    return CountyYear(county, year, params_dir, entries, missing, settings, expected)


def summed_table(county_year: CountyYear, table_id: str) -> BuiltTable:
    """The official table with every cell (totals included) summed over the loaded townships."""
    table = format_for_year(county_year.year).table(table_id)
    values: dict[tuple[str, str], Number] = {}
    for row in table.rows:
        for col in row.columns:
            values[(row.id, col.id)] = sum(
                (p.value(table_id, row.id, col.id) for p in county_year.loaded), start=0)
    return BuiltTable(table, values)


@dataclass(frozen=True)
class OverviewRow:
    unit: str
    proactive: int | None  # 主动公开 items (proactive_breakdown)
    received: int | None  # Table 三 一、本年新收 总计
    carried_over: int | None  # 二、上年结转 总计
    results: int | None  # （七）总计 总计
    carried_forward: int | None  # 四、结转下年度继续办理 总计
    licensing: int | None  # Table 二 行政许可 处理决定数量
    punishment: int | None
    coercion: int | None
    fee: Decimal | None  # Table 二 行政事业性收费, 万元 (2021 format only)
    errors: int
    warnings: int


def _apps(params: ReportParams, row: str) -> int:
    return int(params.value("applications", row, "total"))


def overview_row(entry: Entry) -> OverviewRow:
    p = entry.params
    if p is None:
        return OverviewRow(entry.unit, None, None, None, None, None, None, None, None, None,
                           entry.errors, entry.warnings)
    fee_row = p.format.table("proactive").row("fees")
    fee = (Decimal(p.value("proactive", "fees", "amount"))
           if any(c.id == "amount" for c in fee_row.columns) else None)
    licensing, punishment, coercion = (int(p.value("proactive", r, "decisions"))
                                       for r in ("licensing", "punishment", "coercion"))
    return OverviewRow(
        entry.unit, proactive_total(p), applications_received(p), _apps(p, "carried_over"),
        _apps(p, "total"), _apps(p, "carried_forward"), licensing, punishment, coercion,
        fee, entry.errors, entry.warnings)


def _sum(values: list[int | Decimal | None]) -> int | Decimal | None:
    known = [v for v in values if v is not None]
    return sum(known, start=Decimal(0) if any(isinstance(v, Decimal) for v in known) else 0) if known else None


def overview(county_year: CountyYear) -> tuple[list[OverviewRow], OverviewRow]:
    """One row per township with a file, and the 合计 row."""
    rows = [overview_row(e) for e in county_year.entries]
    fields = OverviewRow.__dataclass_fields__
    totals = {name: _sum([getattr(r, name) for r in rows]) for name in fields if name != "unit"}
    totals["errors"] = totals["errors"] or 0
    totals["warnings"] = totals["warnings"] or 0
    return rows, OverviewRow("合计", **totals)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Point:
    """One township-year of the history."""

    unit: str
    year: int
    proactive: int | None
    received: int | None


def history(params_dir: Path, county: str, until: int) -> list[Point]:
    """主动公开 items and applications received for every township-year up to ``until``."""
    points = []
    for unit, years in unit_years(params_dir, county).items():
        for year in years:
            if year > until:
                continue
            params, _ = load_params(params_dir / county / unit / f"{year}.yaml")
            if params is None:
                points.append(Point(unit, year, None, None))
            else:
                points.append(Point(unit, year, proactive_total(params), applications_received(params)))
    return points


def whole_counties(built: Iterable[tuple[str, str, int]], params_dir: Path) -> list[tuple[str, int]]:
    """(county, year) pairs for which ``built`` (county, unit, year) covers every township
    that has a params file for that year: the builds after which a roll-up is due."""
    done: dict[tuple[str, int], set[str]] = {}
    for county, unit, year in built:
        done.setdefault((county, year), set()).add(unit)
    found = []
    for (county, year), units in sorted(done.items()):
        due = {u for u, years in unit_years(params_dir, county).items() if year in years}
        if due and due <= units:
            found.append((county, year))
    return found
