"""One desk server per database for each test module (SQLite, and a real PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from desk_server import desk_server

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(request, tmp_path_factory):
    root = tmp_path_factory.mktemp(f"desk-{request.param}")
    db = None
    if request.param == "postgresql":
        from pg_server import new_database

        db = new_database(request.getfixturevalue("pg_server"))
    with desk_server(root, db) as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("needs Debian chromium")
    from playwright.sync_api import sync_playwright

    from kit.export.browser import CHROMIUM_ARGS

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        yield chromium
        chromium.close()
