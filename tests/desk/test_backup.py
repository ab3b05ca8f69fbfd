"""Backup and restore across databases: a desk backed up from one restores into an empty desk
on either, with every row; a restore never overwrites a desk that holds data."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kit.desk.accounts import CLERK, REVIEWER
from kit.desk.backup import backup, restore
from kit.desk.database import DeskError, open_engine, sqlite_url
from kit.desk.schema import Event, Version
from kit.desk.service import Desk


def test_backup_then_restore_into_a_new_sqlite_desk(desk, tmp_path, params_dir, clock):
    a = desk.login("a", desk.create_user("a", CLERK, county="襄垣县", unit="下良镇"))
    r = desk.login("r", desk.create_user("r", REVIEWER, county="襄垣县"))
    desk.submit(a, "襄垣县", "下良镇", 2021)
    desk.send_back(r, "襄垣县", "下良镇", 2021, 1, "请改正")
    desk.submit(a, "襄垣县", "下良镇", 2021)
    target = tmp_path / "desk-backup.sqlite3"
    counts = backup(desk.engine, target)
    assert counts["versions"] == 2 and counts["users"] == 2 and target.is_file()
    assert not list(tmp_path.glob(".desk-backup*"))  # no temporary file left

    other = tmp_path / "restored"
    other.mkdir()
    engine = open_engine(sqlite_url(other))
    assert restore(engine, target) == counts
    again = Desk(engine, params_dir, tmp_path / "outputs", clock=clock)
    assert again.status(r, "襄垣县", "下良镇", 2021).version == 2
    assert again.version_text(r, "襄垣县", "下良镇", 2021, 1) == desk.version_text(r, "襄垣县", "下良镇", 2021, 1)
    assert again.submit(a, "襄垣县", "下良镇", 2021).version == 3  # ids and numbers go on
    with engine.connect() as c:
        assert c.scalar(select(Version.id).order_by(Version.id.desc()).limit(1)) == 3
        assert c.scalar(select(Event.action).order_by(Event.id.desc()).limit(1)) == "submit"
    with pytest.raises(DeskError, match="已有数据"):
        restore(engine, target)
    engine.dispose()


def test_restore_into_postgresql_and_a_broken_file(pg_server, tmp_path, params_dir, clock):
    from pg_server import new_database as _new_pg_database

    source = Desk(open_engine(sqlite_url(tmp_path)), params_dir, tmp_path / "o", clock=clock)
    a = source.login("a", source.create_user("a", CLERK, county="襄垣县", unit="下良镇"))
    source.submit(a, "襄垣县", "下良镇", 2021)
    backup(source.engine, tmp_path / "b.sqlite3")
    engine = open_engine(_new_pg_database(pg_server))
    restore(engine, tmp_path / "b.sqlite3")
    restored = Desk(engine, params_dir, tmp_path / "o", clock=clock)
    assert restored.submit(a, "襄垣县", "下良镇", 2021).version == 2
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"not a database")
    fresh = open_engine(_new_pg_database(pg_server))
    with pytest.raises(DeskError, match="无法读取或不完整"):
        restore(fresh, broken)
    engine.dispose()
    fresh.dispose()
