"""Backing up and restoring the desk: every table copied row by row into a SQLite file, which
restores into an empty desk on either database (SQLite or PostgreSQL).

The copy is taken in one reading transaction (a consistent snapshot) and written to a temporary
file renamed into place, so a backup file is always whole.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, func, insert, select, text

from kit.desk.database import DeskError, migrate
from kit.desk.schema import Base

ORDER = ("users", "reports", "versions", "decisions", "events")  # parents before children


def backup(engine: Engine, target: Path) -> dict[str, int]:
    """Copy the desk into the SQLite file ``target``; returns the rows copied per table."""
    target = target.resolve()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    copy = create_engine(f"sqlite:///{tmp}")
    counts: dict[str, int] = {}
    try:
        migrate(copy)
        with engine.connect() as source, copy.begin() as sink:
            counts = _copy(source, sink)
        copy.dispose()
        os.replace(tmp, target)
    except BaseException:
        copy.dispose()
        Path(tmp).unlink(missing_ok=True)
        raise
    return counts


def restore(engine: Engine, source: Path) -> dict[str, int]:
    """Copy a backup into the desk of ``engine``, which must be empty (nothing is overwritten)."""
    if not source.is_file():
        raise DeskError(f"找不到备份文件 {source}。")
    with engine.connect() as conn:
        if any(conn.scalar(select(func.count()).select_from(Base.metadata.tables[n])) for n in ORDER):
            raise DeskError("目标数据库中已有数据。恢复只能写入新建的空数据库，以免覆盖现有记录。")
    origin = create_engine(f"sqlite:///{source.resolve()}")
    counts: dict[str, int] = {}
    try:
        with origin.connect() as reader, engine.begin() as sink:
            counts = _copy(reader, sink)
            if sink.dialect.name == "postgresql":  # ids go on after the restored ones
                for name in ORDER:
                    sink.execute(text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                                      f"COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"))
    except Exception as exc:
        raise DeskError(f"备份文件 {source.name} 无法读取或不完整，未恢复任何内容。") from exc
    finally:
        origin.dispose()
    return counts


def _copy(source: Connection, sink: Connection) -> dict[str, int]:
    """Every row of every table, parents first; the rows copied per table."""
    counts: dict[str, int] = {}
    for name in ORDER:
        table = Base.metadata.tables[name]
        rows = [dict(r._mapping) for r in source.execute(select(table).order_by(table.c.id))]
        if rows:
            sink.execute(insert(table), rows)
        counts[name] = len(rows)
    return counts
