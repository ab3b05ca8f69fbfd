"""The published-report fixtures and their generator (imported by name: tests/ is no package)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PUBLISHED = FIXTURES / "published"


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_published", FIXTURES / "make_published.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_published"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


GEN = load_generator()
CASES = GEN.CASES


def expected_tables(name: str) -> dict[str, object]:
    """What ``as_json`` must give for the fixture: every printed row's official label and cells."""
    case = CASES[name]
    params = case.source
    fmt = params.format
    found: dict[str, object] = {}
    for table_id in ("proactive", "applications"):
        table = fmt.table(table_id)
        rows = []
        for row in table.rows:
            if case.hybrid and row.id.startswith("other_"):
                if row.id == "other_no_correction":  # the 2019 single row, printed in their place
                    sums = [sum(params.value(table_id, r, c.id) for r in ("other_no_correction", "other_no_fee",
                                                                         "other_other")) for c in row.columns]
                    rows.append(("（六）其他处理", sums))
                continue
            cells = [_plain(params.value(table_id, row.id, c.id)) for c in row.columns]
            for _label, row_id, index in case.blank:
                if row_id == row.id:
                    cells[index] = None
            rows.append((row.place, cells))
            if table_id == "applications" and case.cut_after and row.label == case.cut_after:
                break
        found[table_id] = rows
    cases = fmt.table("review_litigation")
    values = [_plain(params.value(cases.id, r.id, c.id)) for r in cases.rows for c in r.columns]
    found["review_litigation"] = [None] * 15 if case.cut_after else values
    return found


def _plain(value):
    return float(value) if not isinstance(value, int) else value
