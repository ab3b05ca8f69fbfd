"""The desk's tables (SQLAlchemy 2 declarative). Migrations in :mod:`kit.desk.migrations`."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAME = 100  # characters in a county, unit or user name


class Base(DeclarativeBase):
    pass


class User(Base):
    """An account. ``role``: clerk (one unit), reviewer (one county), viewer (a region,
    read-only), admin. ``county``/``unit``/``region`` give its scope."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(NAME), unique=True)
    display_name: Mapped[str] = mapped_column(String(NAME), default="")
    role: Mapped[str] = mapped_column(String(16))
    county: Mapped[str] = mapped_column(String(NAME), default="")
    unit: Mapped[str] = mapped_column(String(NAME), default="")
    region: Mapped[str] = mapped_column(String(NAME), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    must_change: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime]


class Report(Base):
    """One unit's report for one year: its state and the version the state is about."""

    __tablename__ = "reports"
    __table_args__ = (UniqueConstraint("county", "unit", "year"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    county: Mapped[str] = mapped_column(String(NAME))
    unit: Mapped[str] = mapped_column(String(NAME))
    year: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16))  # kit.desk.states
    current_version: Mapped[int] = mapped_column(Integer, default=0)  # its number; 0: none yet
    published_version: Mapped[int] = mapped_column(Integer, default=0)
    revision: Mapped[int] = mapped_column(Integer, default=0)  # bumped by every change (races)
    updated_at: Mapped[datetime]


class Version(Base):
    """A submitted version: never changed once written."""

    __tablename__ = "versions"
    __table_args__ = (UniqueConstraint("report_id", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id"))
    number: Mapped[int] = mapped_column(Integer)  # 1, 2, … per report
    text: Mapped[str] = mapped_column(Text)  # the params file's YAML, as submitted
    sha256: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16), default="submission")  # or "correction"
    submitted_by: Mapped[str] = mapped_column(String(NAME))
    submitted_at: Mapped[datetime]
    note: Mapped[str] = mapped_column(Text, default="")


class Decision(Base):
    """A reviewer's decision on one finding of a report, kept by the finding's fingerprint
    across versions (确认: the unit must fix it; 忽略: a false alarm or accepted)."""

    __tablename__ = "decisions"
    __table_args__ = (UniqueConstraint("report_id", "fingerprint"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id"))
    fingerprint: Mapped[str] = mapped_column(String(32))
    rule: Mapped[str] = mapped_column(String(16))
    decision: Mapped[str] = mapped_column(String(16))  # "confirm" or "ignore"
    comment: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(NAME))
    decided_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer)  # the version it was decided on


class Event(Base):
    """The audit log: who did what, when, to which report and version."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_report", "report_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(NAME))
    action: Mapped[str] = mapped_column(String(32))  # login, login_failed, save, submit, …
    report_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id"), default=None)
    version: Mapped[int | None] = mapped_column(Integer, default=None)
    detail: Mapped[str] = mapped_column(Text, default="")
