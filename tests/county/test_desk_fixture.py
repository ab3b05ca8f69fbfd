"""The committed 仿真县 files are what tests/fixtures/make_desk_county.py makes."""

from __future__ import annotations

import importlib.util

from county_helpers import FIXTURES

ROOT = FIXTURES / "desk" / "params"


def test_committed_files_match_the_generator():
    spec = importlib.util.spec_from_file_location("make_desk_county", FIXTURES / "make_desk_county.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    generated = module.files()
    committed = {p.relative_to(ROOT): p.read_text(encoding="utf-8") for p in (ROOT / "仿真县").rglob("*.yaml")}
    assert set(committed) == set(generated), "re-run tests/fixtures/make_desk_county.py"
    for rel, text in generated.items():
        assert committed[rel] == text, f"{rel} differs: re-run tests/fixtures/make_desk_county.py"
