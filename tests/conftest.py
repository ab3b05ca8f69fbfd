"""Root-level pytest fixtures shared by every test module. Keep this file minimal."""

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository's top folder (where dev.sh and pyproject.toml are)."""
    return REPO_ROOT
