"""The reviewer's queue: every unit of the county in roster order, with its state on the desk,
its deadline and whether it is late, and the errors of its current version (or draft)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from kit.desk import states
from kit.desk.accounts import Who
from kit.desk.database import reading
from kit.desk.findings import check_text
from kit.desk.records import NotAllowed
from kit.desk.schema import Report, Version
from kit.desk.service import Desk
from kit.params.county_file import load_settings
from kit.params.paths import params_path
from kit.rules.validate import check_file


@dataclass(frozen=True)
class QueueRow:
    unit: str
    state: str
    version: int
    deadline: date
    late: bool  # not published and the deadline has passed
    errors: int
    warnings: int

    @property
    def label(self) -> str:
        return states.LABELS[self.state]


def queue(desk: Desk, who: Who, county: str, year: int, today: date) -> list[QueueRow]:
    if not who.may_review(county):
        raise NotAllowed("只能查看本县的报送情况。")
    settings = load_settings(desk.params_dir, county)
    folder = desk.params_dir / county
    found = sorted(p.parent.name for p in folder.glob(f"*/{year}.yaml")) if folder.is_dir() else []
    with reading(desk.factory) as session:
        reports = {r.unit: r for r in session.scalars(select(Report).where(Report.county == county,
                                                                           Report.year == year))}
        texts = {r.unit: session.scalar(select(Version.text).where(Version.report_id == r.id,
                                                                   Version.number == r.current_version))
                 for r in reports.values()}
    rows = []
    for unit in settings.expected(sorted(set(found) | set(reports))):
        report = reports.get(unit)
        path = params_path(desk.params_dir, county, unit, year)
        params = None
        if report is not None:
            state, version = report.state, report.current_version
            params, problems = check_text(texts[unit] or "", county, unit, year, desk.params_dir,
                                          desk.published_text(county, unit, year - 1))
        elif path.is_file():
            state, version = states.DRAFTING, 0
            params, problems = check_file(path)
        else:
            state, version, problems = states.NOT_STARTED, 0, []
        # a department's deadline is the law's, a township's the county's (kit.formats.levels)
        deadline = settings.deadline_for(year, settings.unit_level(unit, params.unit.kind if params else None))
        errors = sum(p.is_error for p in problems)
        rows.append(QueueRow(unit, state, version, deadline, state != states.PUBLISHED and today > deadline,
                             errors, len(problems) - errors))
    return rows
