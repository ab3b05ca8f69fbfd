"""The validator: one pure function returning every problem, and a file-level wrapper."""

from __future__ import annotations

from pathlib import Path

from kit.base.problems import Problem
from kit.params.loader import load_params
from kit.params.model import ReportParams
from kit.params.paths import previous_path
from kit.rules.copied import check_copied
from kit.rules.jiedu import check_jiedu
from kit.rules.tables import check_tables
from kit.rules.text import check_text
from kit.rules.wording import check_wording
from kit.rules.yoy import with_suggestion


def validate(params: ReportParams, previous: ReportParams | None = None) -> list[Problem]:
    """Every problem of a loaded report; ``previous`` is the same unit's report of the year before."""
    found = [*check_tables(params, previous), *check_text(params), *check_wording(params),
             *check_copied(params, previous), *check_jiedu(params)]
    return with_suggestion(found, params, previous)


def load_previous(path: Path) -> ReportParams | None:
    prev = previous_path(path)
    if prev is None or not prev.is_file():
        return None
    params, _ = load_params(prev)
    return params


def check_file(path: Path) -> tuple[ReportParams | None, list[Problem]]:
    """Load and validate one params file (with its previous year, when that file exists)."""
    params, problems = load_params(path)
    if params is None:
        return None, problems
    return params, problems + validate(params, load_previous(path))
