"""Fixtures for the county roll-up, 同比 and review-bundle tests: the fictional 虚构县."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from county_helpers import PARAMS


@pytest.fixture
def params_dir(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/params (folder named params, as the validator expects)."""
    target = tmp_path / "params"
    shutil.copytree(PARAMS, target)
    return target
