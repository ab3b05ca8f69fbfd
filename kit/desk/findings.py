"""The findings of a version: its YAML text checked by the one validator, with last year's
report (the published version on the desk, else last year's file in the params folder).

A reviewer's decisions are kept by the findings' fingerprints (:class:`kit.desk.schema.Decision`),
so a false alarm dismissed on version 1 stays dismissed on version 2 as long as it is the same
finding at the same place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kit.base.problems import Problem, error
from kit.desk.schema import Decision
from kit.params import yamlsource
from kit.params.loader import load_params, params_from_data
from kit.params.model import ReportParams
from kit.params.paths import params_path
from kit.rules.draft import draft_problems
from kit.rules.validate import validate


@dataclass(frozen=True)
class Finding:
    """A problem of a version and the reviewer's decision on it (None: not decided yet)."""

    problem: Problem
    decision: str | None = None
    comment: str = ""
    decided_by: str = ""


def label(county: str, unit: str, year: int) -> str:
    """How findings name the file of a version: ``<县>/<单位>/<年>.yaml``."""
    return f"{county}/{unit}/{year}.yaml"


def params_of(text: str, file: str) -> tuple[ReportParams | None, list[Problem]]:
    doc, problems = yamlsource.parse(text, file)
    if doc is None:
        return None, problems
    params, more = params_from_data(doc.data, file, doc)
    return params, problems + more


def check_text(text: str, county: str, unit: str, year: int, params_dir: Path,
               previous_text: str | None = None) -> tuple[ReportParams | None, list[Problem]]:
    """Every problem of a version; ``previous_text``: last year's published version, if any."""
    file = label(county, unit, year)
    params, problems = params_of(text, file)
    if params is None:
        return None, problems
    if (params.unit.county, params.unit.name, params.year) != (county, unit, year):
        problems.append(error("P-PATH", f"这份文件写的是{params.unit.county}{params.unit.name} {params.year} "
                              f"年度，不是{county}{unit} {year} 年度。请在本单位的报告中填写。", file=file))
    return params, problems + validate(params, _previous(county, unit, year, params_dir, previous_text))


def _previous(county: str, unit: str, year: int, params_dir: Path, text: str | None) -> ReportParams | None:
    if text is not None:
        return params_of(text, label(county, unit, year - 1))[0]
    path = params_path(params_dir, county, unit, year - 1)
    return load_params(path)[0] if path.is_file() else None


def refusals(problems: list[Problem]) -> list[Problem]:
    """What keeps a version from being submitted or published: the draft guard's list."""
    return draft_problems(problems)


def with_decisions(problems: list[Problem], decisions: list[Decision]) -> list[Finding]:
    by_print = {d.fingerprint: d for d in decisions}
    found = []
    for problem in problems:
        d = by_print.get(problem.fingerprint)
        found.append(Finding(problem, d.decision, d.comment, d.decided_by) if d else Finding(problem))
    return found
