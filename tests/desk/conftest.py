"""The desk on both databases: SQLite in a temporary folder and a real PostgreSQL (one server
for the session, a new database for each test)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pg_server import new_database

from kit.desk.database import open_engine, sqlite_url
from kit.desk.service import Desk

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "params" / "襄垣县" / "下良镇" / "2021.yaml"


_new_pg_database = new_database


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return sqlite_url(tmp_path)
    return _new_pg_database(request.getfixturevalue("pg_server"))


class Clock:
    """Time the tests move (lock-outs, deadlines) instead of waiting."""

    def __init__(self) -> None:
        self.now = datetime(2022, 1, 10, 9, 0, 0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += timedelta(**kw)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def params_dir(tmp_path) -> Path:
    """下良镇 2021 (the example) and a second township, 上良镇, drafting the same year."""
    params = tmp_path / "params"
    (params / "襄垣县" / "下良镇").mkdir(parents=True)
    shutil.copy(EXAMPLE, params / "襄垣县" / "下良镇" / "2021.yaml")
    other = params / "襄垣县" / "上良镇" / "2021.yaml"
    other.parent.mkdir(parents=True)
    other.write_text(EXAMPLE.read_text(encoding="utf-8").replace("下良镇", "上良镇"), encoding="utf-8")
    return params


@pytest.fixture
def desk(db_url, params_dir, tmp_path, clock) -> Desk:
    engine = open_engine(db_url)
    yield Desk(engine, params_dir, tmp_path / "outputs", clock=clock)
    engine.dispose()


def pg_running(url: str) -> bool:
    return subprocess.run(["pg_isready", "-d", url], capture_output=True).returncode == 0
