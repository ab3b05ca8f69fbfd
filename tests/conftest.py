"""Root-level pytest fixtures shared by every test module. Keep this file minimal."""

import shutil
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository's top folder (where dev.sh and pyproject.toml are)."""
    return REPO_ROOT


@pytest.fixture
def params_copy(tmp_path: Path) -> Path:
    """A copy of the repository's params/ in tmp_path: tests never write the real one."""
    shutil.copytree(REPO_ROOT / "params", tmp_path / "params")
    return tmp_path / "params"


@pytest.fixture(scope="session")
def pg_server():
    """One real PostgreSQL for the session (tests/pg_server.py); its address."""
    from pg_server import pg_bin, postgres

    if pg_bin() is None:
        pytest.fail("PostgreSQL is not installed: ./dev.sh setup installs Debian's postgresql")
    with postgres() as url:
        yield url
