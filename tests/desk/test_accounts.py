"""Accounts on both databases: argon2 hashes, the forced first change, lock-out after five
failures for fifteen minutes, scope by role, every attempt in the audit log."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kit.desk.accounts import CLERK, REVIEWER, LoginFailed
from kit.desk.database import DeskError
from kit.desk.schema import Event, User


def test_login_lockout_and_first_change(desk, clock):
    secret = desk.create_user("xialiang", CLERK, county="襄垣县", unit="下良镇")
    assert len(secret) == 10
    with desk.factory() as s:
        stored = s.scalar(select(User.password_hash).where(User.username == "xialiang"))
    assert stored.startswith("$argon2") and secret not in stored
    who = desk.login("xialiang", secret)
    assert who.must_change and who.may_edit("襄垣县", "下良镇") and not who.may_edit("襄垣县", "上良镇")
    with pytest.raises(DeskError, match="至少 8 位"):
        desk.change_password("xialiang", secret, "1234")
    assert not desk.change_password("xialiang", secret, "新的口令abc123").must_change
    for _ in range(4):
        with pytest.raises(LoginFailed, match=r"^账号或密码不正确。$"):
            desk.login("xialiang", "wrong")
    with pytest.raises(LoginFailed, match="账号或密码不正确"):
        desk.login("xialiang", "wrong")  # the fifth: locked from now on
    with pytest.raises(LoginFailed, match="已锁定，请 15 分钟后再试"):
        desk.login("xialiang", "新的口令abc123")  # even the right password
    clock.advance(minutes=15, seconds=1)
    assert desk.login("xialiang", "新的口令abc123").username == "xialiang"
    with pytest.raises(LoginFailed, match="账号或密码不正确"):
        desk.login("nobody", "x")  # an unknown name says no more than a wrong password
    with desk.factory() as s:
        actions = [e.action for e in s.scalars(select(Event).order_by(Event.id))]
    assert actions.count("login_failed") == 7 and actions.count("login") == 2


def test_roles_need_their_scope_and_names_are_unique(desk):
    with pytest.raises(DeskError, match="须写明所属的县和单位"):
        desk.create_user("a", CLERK, county="襄垣县")
    with pytest.raises(DeskError, match="须写明所属的县"):
        desk.create_user("b", REVIEWER)
    with pytest.raises(DeskError, match="未知的角色"):
        desk.create_user("c", "boss")
    desk.create_user("r", REVIEWER, county="襄垣县")
    with pytest.raises(DeskError, match="已存在"):
        desk.create_user("r", REVIEWER, county="襄垣县")
    who = desk.login("r2", desk.create_user("r2", REVIEWER, county="潞城区"))
    assert who.may_review("潞城区") and not who.may_review("襄垣县") and not who.may_edit("潞城区", "x")
