"""Shared constants and helpers for the roll-up tests (imported by name: tests/ is no package)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PARAMS = FIXTURES / "rollup" / "params"
COUNTY = "虚构县"


def load_generator() -> ModuleType:
    """tests/fixtures/make_test_county.py, imported by path."""
    spec = importlib.util.spec_from_file_location("make_test_county", FIXTURES / "make_test_county.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
