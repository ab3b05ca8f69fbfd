"""A database that is locked or down: a Chinese message, the action retried, no half state."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from kit.desk.accounts import CLERK
from kit.desk.database import DatabaseUnavailable, open_engine, sqlite_url
from kit.desk.schema import Event, Version
from kit.desk.service import Desk


def test_a_locked_sqlite_file(tmp_path, params_dir, clock):
    url = sqlite_url(tmp_path)
    desk = Desk(open_engine(url, busy_ms=100), params_dir, tmp_path / "out", clock=clock)
    a = desk.login("a", desk.create_user("a", CLERK, county="襄垣县", unit="下良镇"))
    holder = sqlite3.connect(tmp_path / "desk.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the database
    with pytest.raises(DatabaseUnavailable, match=r"数据库暂时无法写入.*本次操作未保存。请稍后重试"):
        desk.submit(a, "襄垣县", "下良镇", 2021)
    holder.execute("ROLLBACK")
    holder.close()
    with desk.factory() as s:
        assert list(s.scalars(select(Version))) == []
        assert "submit" not in [e.action for e in s.scalars(select(Event))]
    assert desk.submit(a, "襄垣县", "下良镇", 2021).version == 1  # and it works again


def test_a_database_that_is_down():
    with pytest.raises(DatabaseUnavailable, match="无法打开数据库") as failed:
        open_engine("postgresql://kit:secret@127.0.0.1:9/desk")
    assert "secret" not in str(failed.value)  # the password is never shown
