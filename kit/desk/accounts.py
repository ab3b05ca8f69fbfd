"""Accounts: who may do what where, passwords (argon2), lock-out and the forced first change.

Roles: ``clerk`` (乡镇/部门填报人: one unit of one county), ``reviewer`` (县审核人: one county),
``viewer`` (市/省查看人: the counties of a region, read-only), ``admin``. Five failed logins lock
an account for fifteen minutes; a new or reset account must change its password first.
"""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from kit.desk.database import DeskError
from kit.desk.schema import Event, User

CLERK, REVIEWER, VIEWER, ADMIN = "clerk", "reviewer", "viewer", "admin"
ROLE_LABELS = {CLERK: "填报人", REVIEWER: "县审核人", VIEWER: "市/省查看人", ADMIN: "管理员"}
MAX_FAILURES = 5
LOCK = timedelta(minutes=15)
MIN_PASSWORD = 8
_HASHER = PasswordHasher()
_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/l/I


class LoginFailed(DeskError):
    """Wrong name or password, or a locked account: the message says which, never more."""


@dataclass(frozen=True)
class Who:
    """The signed-in account as the services see it (no password hash)."""

    username: str
    role: str
    county: str = ""
    unit: str = ""
    region: str = ""
    must_change: bool = False

    def may_edit(self, county: str, unit: str) -> bool:
        return self.role == CLERK and (self.county, self.unit) == (county, unit)

    def may_review(self, county: str) -> bool:
        return self.role == ADMIN or (self.role == REVIEWER and self.county == county)

    def may_read(self, county: str, unit: str, region_counties: frozenset[str] = frozenset()) -> bool:
        return (self.may_edit(county, unit) or self.may_review(county)
                or (self.role == VIEWER and county in region_counties))


def who(user: User) -> Who:
    return Who(user.username, user.role, user.county, user.unit, user.region, user.must_change)


def one_time_password() -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(10))


def create_user(session: Session, username: str, role: str, now: datetime, *, county: str = "",
                unit: str = "", region: str = "", display_name: str = "", password: str | None = None,
                ) -> str:
    """Add an account; returns its one-time password (it must be changed at first login)."""
    if role not in ROLE_LABELS:
        raise DeskError(f"未知的角色“{role}”。可用的角色：{'、'.join(ROLE_LABELS)}。")
    if (role == CLERK and not (county and unit)) or (role == REVIEWER and not county):
        raise DeskError(f"{ROLE_LABELS[role]}账号须写明所属的县{'和单位' if role == CLERK else ''}。")
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise DeskError(f"账号“{username}”已存在。请换一个名字，或为它重设密码。")
    secret = password or one_time_password()
    session.add(User(username=username, display_name=display_name or username, role=role, county=county,
                     unit=unit, region=region, password_hash=_HASHER.hash(secret), must_change=True,
                     failed_logins=0, created_at=now))
    session.add(Event(at=now, actor="system", action="user_created", detail=f"{username} {role}"))
    return secret


def login(session: Session, username: str, password: str, now: datetime) -> Who:
    """The account for this name and password; LoginFailed (Chinese) otherwise. Every attempt
    is in the audit log; the fifth failure in a row locks the account for LOCK."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        session.add(Event(at=now, actor=username[:100], action="login_failed", detail="no such user"))
        raise LoginFailed("账号或密码不正确。")
    if user.locked_until is not None and user.locked_until > now:
        minutes = max(1, math.ceil((user.locked_until - now).total_seconds() / 60))
        session.add(Event(at=now, actor=username, action="login_failed", detail="locked"))
        raise LoginFailed(f"密码连续输错 {MAX_FAILURES} 次，账号已锁定，请 {minutes} 分钟后再试，"
                          "或请管理员重设密码。")
    if not _verify(user.password_hash, password):
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILURES:
            user.locked_until, user.failed_logins = now + LOCK, 0
        session.add(Event(at=now, actor=username, action="login_failed", detail=f"{user.failed_logins}"))
        raise LoginFailed("账号或密码不正确。")
    user.failed_logins, user.locked_until = 0, None
    if _HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = _HASHER.hash(password)
    session.add(Event(at=now, actor=username, action="login"))
    return who(user)


def change_password(session: Session, username: str, old: str, new: str, now: datetime) -> Who:
    user = session.scalar(select(User).where(User.username == username))
    if user is None or not _verify(user.password_hash, old):
        raise LoginFailed("原密码不正确。")
    if len(new) < MIN_PASSWORD or new == old or new.isdigit():
        raise DeskError(f"新密码至少 {MIN_PASSWORD} 位，不能全是数字，也不能与原密码相同。")
    user.password_hash, user.must_change = _HASHER.hash(new), False
    session.add(Event(at=now, actor=username, action="password_changed"))
    return who(user)


def _verify(stored: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False
