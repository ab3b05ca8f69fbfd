"""County roll-ups after a build that covered every township of a county for a year."""

from __future__ import annotations

from pathlib import Path

from kit.build.batch import Outcome
from kit.build.runner import BuildOptions
from kit.county.bundle import summary_dir
from kit.county.run import HTML, SummaryResult, build_summary, whole_counties


def rollups_due(outcomes: list[Outcome], out_root: Path, force: bool = False,
                ) -> list[tuple[Path, str, int]]:
    """(params dir, county, year) whose every township was in this build and whose roll-up is
    stale: a report of it was (re)built now, or the roll-up is missing, or ``force``."""
    by_root: dict[Path, list[Outcome]] = {}
    for outcome in outcomes:
        by_root.setdefault(outcome.job.params_dir, []).append(outcome)
    due = []
    for root, group in by_root.items():
        built = [(o.job.county, o.job.unit, o.job.year) for o in group]
        for county, year in whole_counties(built, root):
            fresh = any(o.result is not None for o in group
                        if (o.job.county, o.job.year) == (county, year))
            missing = not (summary_dir(out_root, county, year) / HTML).is_file()
            if force or fresh or missing:
                due.append((root, county, year))
    return due


def run_rollups(outcomes: list[Outcome], options: BuildOptions, force: bool = False,
                ) -> list[SummaryResult]:
    """The county roll-ups (summary notebook, HTML/PDF, review.zip) due after this build."""
    return [build_summary(county, year, root, options.out_root, options.formats)
            for root, county, year in rollups_due(outcomes, options.out_root, force)]

