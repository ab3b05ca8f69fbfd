"""Opening the desk's database: SQLite by default (one file, WAL, a busy timeout), PostgreSQL
with a ``postgresql://`` address; the schema brought up to date by Alembic's migrations.

Every change goes through :func:`transaction`: one transaction, retried when the database is
busy or the transaction lost a race (SQLite's lock, PostgreSQL's serialization failure), and
turned into a Chinese :class:`DeskError` when it cannot be done.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kit.base.errors import KitError

T = TypeVar("T")
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_MS = 10_000  # SQLite: how long a writer waits for another's lock
RETRIES = 8
WRITE = "kit_write"  # execution option of a connection that will write


class DeskError(KitError):
    """A desk action that cannot be done; the message is Chinese and names the fix."""


class DatabaseUnavailable(DeskError):
    """The database cannot be reached or stays locked; nothing was changed."""


def sqlite_url(folder: Path) -> str:
    return f"sqlite:///{(folder / 'desk.sqlite3').resolve()}"


def open_engine(url: str, busy_ms: int = BUSY_MS) -> Engine:
    """An engine for ``url`` (``sqlite:///…`` or ``postgresql://…``), its schema migrated;
    ``busy_ms``: how long a SQLite writer waits for another's lock."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": busy_ms / 1000, "check_same_thread": False})
        event.listen(engine, "connect", lambda c, r: _sqlite_pragmas(c, r, busy_ms))
        event.listen(engine, "begin", _sqlite_begin)
    else:
        engine = create_engine(url, isolation_level="SERIALIZABLE", pool_pre_ping=True)
    try:
        migrate(engine)
    except (OperationalError, DBAPIError) as exc:
        raise DatabaseUnavailable(f"无法打开数据库（{_where(url)}）。请确认数据库服务已启动、地址和口令正确，"
                                  "然后重试。") from exc
    return engine


def _sqlite_pragmas(connection: object, _record: object, busy_ms: int) -> None:
    cursor = connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
    connection.isolation_level = None  # type: ignore[attr-defined]  # BEGIN is issued below


def _sqlite_begin(connection: object) -> None:
    """A SQLite transaction of :func:`transaction` takes the write lock at once (BEGIN
    IMMEDIATE): it never fails half-way on a lock another writer took after its read. Reads
    begin deferred, so that they never wait for writers (WAL)."""
    write = connection.get_execution_options().get(WRITE)  # type: ignore[attr-defined]
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")  # type: ignore[attr-defined]


def _where(url: str) -> str:
    """The database named for a message, without a password."""
    if "@" in url:
        return url.split("://", 1)[0] + "://…@" + url.rsplit("@", 1)[1]
    return url


def migrate(engine: Engine) -> None:
    """Bring the schema up to the newest migration (Alembic)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def transaction(factory: sessionmaker[Session], work: Callable[[Session], T]) -> T:
    """Run ``work`` in one transaction; retried from the start when it lost a race or the
    database was busy; DeskError when the database stays unavailable."""
    for attempt in range(RETRIES):
        try:
            with factory.begin() as session:
                session.connection(execution_options={WRITE: True})
                return work(session)
        except DBAPIError as exc:
            if not _retryable(exc) or attempt == RETRIES - 1:
                raise DatabaseUnavailable("数据库暂时无法写入（繁忙或连接中断），本次操作未保存。请稍后重试。") from exc
            time.sleep(0.02 * (attempt + 1))
    raise AssertionError("unreachable")


def _retryable(exc: DBAPIError) -> bool:
    text = str(exc.orig).lower()
    code = getattr(exc.orig, "sqlstate", None)
    return (code in ("40001", "40P01") or "database is locked" in text or "busy" in text
            or exc.connection_invalidated)


@contextmanager
def reading(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session for reading (no changes are committed)."""
    with factory() as session:
        yield session
