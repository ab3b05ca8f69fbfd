"""County roll-ups after a build that covered every township of a county for a year.

A roll-up is made again only when something it shows may have changed: a report of the
county-year was built now (not merely refused for errors in its params file), a params
file of the county changed (any year up to this one: the charts show the history), the
summary template or the kit changed, or its HTML is missing. Its fingerprint is kept in
``<out>/.kit-build/<县>/<年>.rollup.json``, written after the roll-up is complete.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kit.base.atomic import write_text
from kit.batch.batch import Outcome
from kit.batch.incremental import STATE_DIR, file_digest, kit_digest
from kit.batch.options import BuildOptions
from kit.county.bundle import HTML, TEMPLATE, summary_dir
from kit.county.rollup import whole_counties
from kit.params.paths import YEAR_FILE


def state_path(out_root: Path, county: str, year: int) -> Path:
    return out_root / STATE_DIR / county / f"{year}.rollup.json"


def fingerprint(params_dir: Path, county: str, year: int, formats: tuple[str, ...],
                ) -> dict[str, Any]:
    """Everything the county-year's roll-up is made from."""
    files = sorted(p for p in (params_dir / county).glob("*/*.yaml")
                   if (m := YEAR_FILE.match(p.name)) and int(m.group(1)) <= year)
    return {"params": {p.relative_to(params_dir).as_posix(): file_digest(p) for p in files},
            "template": file_digest(TEMPLATE), "kit": kit_digest(), "formats": sorted(formats)}


def _recorded(out_root: Path, county: str, year: int) -> dict[str, Any] | None:
    try:
        return json.loads(state_path(out_root, county, year).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def rollups_due(outcomes: list[Outcome], out_root: Path, formats: tuple[str, ...] = ("html",),
                force: bool = False) -> list[tuple[Path, str, int, dict[str, Any]]]:
    """(params dir, county, year, fingerprint) whose every township was in this build and whose
    roll-up is stale (see the module's docstring), or all of them with ``force``."""
    by_root: dict[Path, list[Outcome]] = {}
    for outcome in outcomes:
        by_root.setdefault(outcome.job.params_dir, []).append(outcome)
    due = []
    for root, group in by_root.items():
        built = [(o.job.county, o.job.unit, o.job.year) for o in group]
        for county, year in whole_counties(built, root):
            rebuilt = any(o.result is not None and o.result.status != "invalid" for o in group
                          if (o.job.county, o.job.year) == (county, year))
            missing = not (summary_dir(out_root, county, year) / HTML).is_file()
            made_from = fingerprint(root, county, year, formats)
            if force or rebuilt or missing or _recorded(out_root, county, year) != made_from:
                due.append((root, county, year, made_from))
    return due


def run_rollups(outcomes: list[Outcome], options: BuildOptions, force: bool = False,
                starting: Callable[[str, int], None] | None = None,
                ) -> list:  # list[kit.county.run.SummaryResult]
    """The county roll-ups (summary notebook, HTML/PDF, review.zip) due after this build;
    ``starting(county, year)`` is called before each (a roll-up takes several seconds)."""
    due = rollups_due(outcomes, options.out_root, options.formats, force)
    if not due:
        return []
    from kit.county.run import build_summary  # lazy: papermill, nbconvert, charts only when due

    results = []
    for root, county, year, made_from in due:
        if starting is not None:
            starting(county, year)
        result = build_summary(county, year, root, options.out_root, options.formats)
        if result.ok:
            write_text(state_path(options.out_root, county, year),
                       json.dumps(made_from, ensure_ascii=False))
        results.append(result)
    return results
