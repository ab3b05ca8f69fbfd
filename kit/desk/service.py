"""The desk's services: what a clerk and a reviewer can do, each one transaction with its
audit event. The web pages and the command line call these; nothing else changes the desk.

Races end in one consistent state: a reviewer's 退回, 通过 or 发布 names the version the
reviewer saw and is refused when the unit has submitted a newer one since; two submissions
at once become two versions, numbered in the order they were stored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from kit.base.problems import Problem
from kit.desk import accounts, states
from kit.desk import records as rec
from kit.desk.accounts import LoginFailed, Who
from kit.desk.database import DeskError, reading, sessions, transaction
from kit.desk.findings import Finding, check_text, refusals, with_decisions
from kit.desk.records import MAX_COMMENT, stamp
from kit.desk.schema import Decision, Event, User, Version
from kit.params.paths import params_path


@dataclass(frozen=True)
class Submitted:
    version: int  # the new version's number; 0 when refused
    refused: tuple[Problem, ...] = ()  # why it was not submitted (the draft guard's list)


@dataclass(frozen=True)
class Status:
    county: str
    unit: str
    year: int
    state: str  # kit.desk.states
    version: int  # the current version's number (0: none)
    published: int  # the published version's number (0: none)
    returned_with: str = ""  # the reviewer's comment of the last 退回

    @property
    def label(self) -> str:
        return states.LABELS[self.state]


class Desk:
    """The desk of one database and one params folder (drafts) and outputs folder."""

    def __init__(self, engine: Engine, params_dir: Path, out_root: Path,
                 clock: Callable[[], datetime] = datetime.now) -> None:
        self.engine, self.factory = engine, sessions(engine)
        self.params_dir, self.out_root, self.clock = params_dir, out_root, clock

    # ---- accounts ------------------------------------------------------------------------
    def login(self, username: str, password: str) -> Who:
        """The account, or LoginFailed; the failure itself is stored (count, lock, audit)."""
        def work(session: Session) -> Who | LoginFailed:
            try:
                return accounts.login(session, username, password, self.clock())
            except LoginFailed as exc:
                return exc
        found = transaction(self.factory, work)
        if isinstance(found, LoginFailed):
            raise found
        return found

    def account(self, username: str) -> tuple[Who, str] | None:
        """A signed-in session's account and its password stamp (None: no such account)."""
        with reading(self.factory) as session:
            user = session.scalar(select(User).where(User.username == username))
            return None if user is None else (accounts.who(user), stamp(user.password_hash))

    def create_user(self, username: str, role: str, **scope: str) -> str:
        return transaction(self.factory, lambda s: accounts.create_user(s, username, role, self.clock(), **scope))

    def change_password(self, username: str, old: str, new: str) -> Who:
        return transaction(self.factory, lambda s: accounts.change_password(s, username, old, new, self.clock()))

    # ---- clerk -----------------------------------------------------------------------------
    def submit(self, who: Who, county: str, unit: str, year: int, note: str = "") -> Submitted:
        """File the unit's saved draft as a new version (报送), unless the draft guard refuses."""
        rec.need(who.may_edit(county, unit), "只能报送本单位的报告。")
        path = params_path(self.params_dir, county, unit, year)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DeskError(f"还没有保存{year}年度的报告（或文件无法读取），请先填写并保存。") from exc
        params, problems = check_text(text, county, unit, year, self.params_dir,
                                      self.published_text(county, unit, year - 1))
        refused = refusals(problems)
        if params is None or refused:
            self._log(who.username, "submit_refused", None, None, f"{len(refused or problems)} 项")
            return Submitted(0, tuple(refused or problems))

        def work(session: Session) -> int:
            report = rec.report_for(session, county, unit, year, self.clock(), create=True)
            rec.move(report, "submit")
            number = (session.scalar(select(func.max(Version.number)).where(Version.report_id == report.id)) or 0) + 1
            kind = "correction" if report.published_version else "submission"
            session.add(Version(report_id=report.id, number=number, text=text, kind=kind, note=note[:MAX_COMMENT],
                                sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                                submitted_by=who.username, submitted_at=self.clock()))
            rec.changed(report, states.SUBMITTED, self.clock(), current=number)
            session.add(Event(at=self.clock(), actor=who.username, action="submit", report_id=report.id,
                              version=number, detail=kind))
            return number
        return Submitted(transaction(self.factory, work))

    def status(self, who: Who, county: str, unit: str, year: int) -> Status:
        rec.need(who.may_read(county, unit), "没有查看这份报告的权限。")
        with reading(self.factory) as session:
            report = rec.find(session, county, unit, year)
            if report is None:
                drafted = params_path(self.params_dir, county, unit, year).is_file()
                return Status(county, unit, year, states.DRAFTING if drafted else states.NOT_STARTED, 0, 0)
            comment = ""
            if report.state == states.RETURNED:
                comment = session.scalar(select(Event.detail).where(Event.report_id == report.id,
                                                                     Event.action == "return")
                                         .order_by(Event.id.desc()).limit(1)) or ""
            return Status(county, unit, year, report.state, report.current_version, report.published_version,
                          comment)

    # ---- reviewer --------------------------------------------------------------------------
    def findings(self, who: Who, county: str, unit: str, year: int, version: int | None = None) -> list[Finding]:
        """The findings of a version (default: the current one) with the decisions kept on them."""
        rec.need(who.may_read(county, unit), "没有查看这份报告的权限。")
        with reading(self.factory) as session:
            report = rec.existing(session, county, unit, year)
            text = rec.version(session, report, version or report.current_version).text
            decisions = list(session.scalars(select(Decision).where(Decision.report_id == report.id)))
        _, problems = check_text(text, county, unit, year, self.params_dir,
                                 self.published_text(county, unit, year - 1))
        return with_decisions(problems, decisions)

    def decide(self, who: Who, county: str, unit: str, year: int, fingerprint: str, decision: str,
               comment: str = "") -> None:
        """确认 or 忽略 one finding of the current version, with a comment (kept by fingerprint)."""
        rec.need(who.may_review(county), "只有本县的审核人可以处理审核意见。")
        if decision not in states.DECISION_LABELS:
            raise DeskError("处理方式只能是“确认”或“忽略”。")
        comment = rec.comment(comment, required=decision == states.IGNORE)
        found = {f.problem.fingerprint: f.problem for f in self.findings(who, county, unit, year)}
        if fingerprint not in found:
            raise DeskError("当前版本中没有这条问题（可能已被改正）。请刷新页面。")

        def work(session: Session) -> None:
            report = rec.existing(session, county, unit, year)
            row = session.scalar(select(Decision).where(Decision.report_id == report.id,
                                                        Decision.fingerprint == fingerprint))
            if row is None:
                row = Decision(report_id=report.id, fingerprint=fingerprint, rule=found[fingerprint].rule)
                session.add(row)
            row.decision, row.comment, row.decided_by = decision, comment, who.username
            row.decided_at, row.version = self.clock(), report.current_version
            session.add(Event(at=self.clock(), actor=who.username, action=f"finding_{decision}",
                              report_id=report.id, version=report.current_version,
                              detail=f"{found[fingerprint].rule} {fingerprint} {comment}"))
        transaction(self.factory, work)

    def send_back(self, who: Who, county: str, unit: str, year: int, version: int, comment: str) -> None:
        """退回 the version the reviewer saw, with a comment for the unit."""
        self._review_move(who, county, unit, year, version, "return", rec.comment(comment, required=True))

    def approve(self, who: Who, county: str, unit: str, year: int, version: int, comment: str = "") -> None:
        """通过（备案） the version the reviewer saw."""
        self._review_move(who, county, unit, year, version, "approve", rec.comment(comment))

    def mark_published(self, who: Who, county: str, unit: str, year: int, version: int, detail: str) -> None:
        self._review_move(who, county, unit, year, version, "publish", detail)

    def _review_move(self, who: Who, county: str, unit: str, year: int, version: int, action: str,
                     detail: str) -> None:
        rec.need(who.may_review(county), "只有本县的审核人可以审核这份报告。")

        def work(session: Session) -> None:
            report = rec.existing(session, county, unit, year)
            if report.current_version != version:
                raise DeskError(f"单位已报送第 {report.current_version} 版，您看到的是第 {version} 版。"
                                "请查看新版本后再操作。")
            rec.move(report, action)
            state = states.MOVES[action][1]
            rec.changed(report, state, self.clock(), published=version if action == "publish" else None)
            session.add(Event(at=self.clock(), actor=who.username, action=action, report_id=report.id,
                              version=version, detail=detail))
        transaction(self.factory, work)

    # ---- reading -----------------------------------------------------------------------------
    def version_text(self, who: Who, county: str, unit: str, year: int, version: int) -> str:
        rec.need(who.may_read(county, unit), "没有查看这份报告的权限。")
        with reading(self.factory) as session:
            return rec.version(session, rec.existing(session, county, unit, year), version).text

    def published_text(self, county: str, unit: str, year: int) -> str | None:
        """The text of a unit's published version of ``year`` (None: none published)."""
        with reading(self.factory) as session:
            report = rec.find(session, county, unit, year)
            if report is None or not report.published_version:
                return None
            return rec.version(session, report, report.published_version).text

    def events(self, who: Who, county: str, unit: str, year: int) -> list[Event]:
        rec.need(who.may_read(county, unit), "没有查看这份报告的权限。")
        with reading(self.factory) as session:
            report = rec.existing(session, county, unit, year)
            return list(session.scalars(select(Event).where(Event.report_id == report.id).order_by(Event.id)))

    def record_save(self, who: Who, county: str, unit: str, year: int) -> None:
        """A clerk's 保存 of the draft, in the audit log (the draft itself is the params file)."""
        rec.need(who.may_edit(county, unit), "只能保存本单位的报告。")
        with reading(self.factory) as session:
            report = rec.find(session, county, unit, year)
        self._log(who.username, "save", report.id if report else None, None, f"{county}/{unit}/{year}")

    def _log(self, actor: str, action: str, report_id: int | None, version: int | None, detail: str) -> None:
        transaction(self.factory, lambda s: s.add(Event(at=self.clock(), actor=actor, action=action,
                                                          report_id=report_id, version=version, detail=detail)))
