"""The desk's records as the services read and move them: finding a report and a version,
checking a move against :data:`kit.desk.states.MOVES`, a reviewer's comment, a session stamp."""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kit.desk import states
from kit.desk.database import DeskError
from kit.desk.schema import Report, Version

MAX_COMMENT = 2_000  # characters in a reviewer's comment


class NotAllowed(DeskError):
    """The account may not do this (another unit, another county, a read-only role)."""


def stamp(password_hash: str) -> str:
    """What a session cookie keeps of the password: a new password ends older sessions."""
    return hashlib.sha256(password_hash.encode("utf-8")).hexdigest()[:16]


def need(allowed: bool, why: str) -> None:
    if not allowed:
        raise NotAllowed(why)


def comment(text: str, required: bool = False) -> str:
    text = text.strip()
    if required and not text:
        raise DeskError("请写明意见（退回或忽略时必须说明原因）。")
    if len(text) > MAX_COMMENT:
        raise DeskError(f"意见有 {len(text)} 个字，超过上限 {MAX_COMMENT} 字。请精简后再提交。")
    return text


def find(session: Session, county: str, unit: str, year: int) -> Report | None:
    return session.scalar(select(Report).where(Report.county == county, Report.unit == unit, Report.year == year))


def existing(session: Session, county: str, unit: str, year: int) -> Report:
    report = find(session, county, unit, year)
    if report is None:
        raise DeskError(f"{county}{unit} {year} 年度的报告还没有报送。")
    return report


def report_for(session: Session, county: str, unit: str, year: int, now: datetime, create: bool) -> Report:
    report = find(session, county, unit, year)
    if report is None and create:
        report = Report(county=county, unit=unit, year=year, state=states.DRAFTING, current_version=0,
                        published_version=0, revision=0, updated_at=now)
        session.add(report)
        session.flush()
    if report is None:
        raise DeskError(f"{county}{unit} {year} 年度的报告还没有报送。")
    return report


def version(session: Session, report: Report, number: int) -> Version:
    found = session.scalar(select(Version).where(Version.report_id == report.id, Version.number == number))
    if found is None:
        raise DeskError(f"没有第 {number} 版。")
    return found


def move(report: Report, action: str) -> None:
    allowed, _ = states.MOVES[action]
    if report.state not in allowed:
        raise DeskError(f"这份报告现在是“{states.LABELS[report.state]}”，不能{states.ACTION_LABELS[action]}。")


def changed(report: Report, state: str, now: datetime, current: int | None = None,
             published: int | None = None) -> None:
    report.state, report.updated_at, report.revision = state, now, report.revision + 1
    if current is not None:
        report.current_version = current
    if published is not None:
        report.published_version = published
