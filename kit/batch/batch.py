"""Building many reports: skip what is current, run the rest in-process, in worker processes
or on a Dask cluster, and report each outcome as it arrives (each job: :mod:`kit.batch.job`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kit.batch.incremental import (
    Fingerprint,
    clean_temp,
    expected_outputs,
    is_current,
    job_fingerprint,
)
from kit.batch.options import BuildOptions, JobResult
from kit.batch.plan import BuildJob
from kit.batch.status import SKIPPED


@dataclass(frozen=True)
class Outcome:
    """One report's outcome in a batch: a build result, or skipped because nothing changed."""

    job: BuildJob
    result: JobResult | None = None  # None when skipped
    outputs: tuple[Path, ...] = field(default_factory=tuple)

    @property
    def status(self) -> str:
        return self.result.status if self.result is not None else SKIPPED

    @property
    def succeeded(self) -> bool:
        return self.result is None or self.result.ok

    @property
    def seconds(self) -> float:
        return self.result.seconds if self.result is not None else 0.0


Report = Callable[[Outcome], None]


def default_workers() -> int:
    """The CPU cores this process may use (respects taskset/cgroup CPU sets)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def run_batch(jobs: Sequence[BuildJob], options: BuildOptions, report: Report, *,
              workers: int | None = None, force: bool = False,
              scheduler: str | None = None) -> list[Outcome]:
    """Build ``jobs``; each outcome is passed to ``report`` as soon as it is known.

    ``workers`` 1 runs in this process; more uses that many worker processes; ``scheduler``
    (``tcp://host:port``) sends the jobs to a Dask cluster instead. KeyboardInterrupt is
    re-raised after the workers are stopped and their temp files removed.
    """
    outcomes: list[Outcome] = []

    def emit(outcome: Outcome) -> None:
        outcomes.append(outcome)
        report(outcome)

    todo: list[tuple[BuildJob, Fingerprint]] = []
    for job in jobs:
        fp = job_fingerprint(job, options)
        if not force and is_current(job, fp, options.formats):
            outs = tuple(job.out_dir / name for name in expected_outputs(options.formats))
            emit(Outcome(job, None, outs))
        else:
            todo.append((job, fp))
    if not todo:
        return outcomes
    if scheduler:
        from kit.batch.dask_backend import run_on_dask  # lazy: distributed costs ~1 s to import

        run_on_dask(scheduler, todo, options, lambda r: emit(Outcome(r.job, r)))
    elif (workers or default_workers()) <= 1 or len(todo) == 1:
        _run_here(todo, options, lambda r: emit(Outcome(r.job, r)))
    else:
        from kit.batch.pool import run_in_pool  # lazy: the build machinery loads only when needed

        run_in_pool(todo, options, min(workers or default_workers(), len(todo)),
                    lambda r: emit(Outcome(r.job, r)))
    return outcomes


def _run_here(todo: list[tuple[BuildJob, Fingerprint]], options: BuildOptions,
              done: Callable[[JobResult], None]) -> None:
    # lazy: nbconvert, papermill, Chromium only for real work
    from kit.batch.job import run_group
    from kit.batch.records import group_size

    at = 0
    while at < len(todo):
        group = todo[at:at + group_size(len(todo) - at, 1)]
        at += len(group)
        try:
            results = run_group(group, options)
        except BaseException:
            for job, _ in group:
                clean_temp(job.out_dir)
            raise
        for result in results:
            done(result)
