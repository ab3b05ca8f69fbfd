"""Building many reports: skip what is current, run the rest in-process, in worker processes
or on a Dask cluster, and report each outcome as it arrives.

:func:`run_job` is what a worker runs for one report: it removes temp files an interrupted
run left behind, forgets the old state, calls :func:`kit.runner.build_one` with the worker's
own Publisher (one Chromium per worker), and writes the state file last. Every backend calls
it, so incremental skips, ``index.html`` and the summary work the same way everywhere.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit.incremental import (
    Fingerprint,
    clean_temp,
    expected_outputs,
    fingerprint,
    forget,
    is_current,
    write_state,
)
from kit.plan import BuildJob
from kit.runner import BuildOptions, JobResult, build_one, process_publisher

SKIPPED = "skipped"


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


class SchedulerUnavailable(RuntimeError):
    """The Dask scheduler could not be reached (Chinese message naming the fix)."""


def default_workers() -> int:
    """The CPU cores this process may use (respects taskset/cgroup CPU sets)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def settings_of(options: BuildOptions) -> dict[str, object]:
    """Options besides formats and template that change the outputs (part of the fingerprint)."""
    return {"font": options.font_family, "kernel": options.kernel_name}


def job_fingerprint(job: BuildJob, options: BuildOptions) -> Fingerprint:
    return fingerprint(job, options.template, options.formats, settings_of(options))


def result_record(res: JobResult) -> dict[str, Any]:
    """What the state file keeps of a build (index.html reads it back)."""
    return {
        "status": res.status, "seconds": round(res.seconds, 2),
        "outputs": [p.name for p in res.outputs],
        "errors": sum(p.is_error for p in res.problems),
        "warnings": sum(not p.is_error for p in res.problems),
        "problems": [{"severity": p.severity.value, "text": p.format()} for p in res.problems],
        "error": res.error, "failed_cell": res.failed_cell,
    }


def run_job(job: BuildJob, options: BuildOptions, fp: Fingerprint) -> JobResult:
    """Build one report in this process and record it (the unit of work of every backend)."""
    clean_temp(job.out_dir)
    forget(job)
    result = build_one(job, options, process_publisher(options))
    write_state(job, result_record(result), fp)
    return result


def lost_result(job: BuildJob, fp: Fingerprint, why: str) -> JobResult:
    """A job whose worker died or could not run it: failed (and recorded so), with what to do."""
    result = JobResult(job, "failed", error=f"{why}其他报告照常生成；请重新运行 python -m kit build 补做这份报告。")
    write_state(job, result_record(result), fp)
    return result


def close_process_resources() -> None:
    """Close this process's Chromium and warm kernels (before interpreter shutdown begins)."""
    from kit.runner import close_publishers
    from kit.warm_kernel import close_kernels

    for close in (close_kernels, close_publishers):
        with contextlib.suppress(Exception):
            close()


def warm_up(options: BuildOptions) -> None:
    """Start this process's kernel, HTML exporter and Chromium before the first report.

    The kernel boots and imports the kit in its own process while this one builds the
    exporter and launches Chromium, so a worker's first report does not pay for them in turn.
    Failures are left for the first report to meet and report properly.
    """
    import nbformat

    from kit.warm_kernel import thread_kernel

    with contextlib.suppress(Exception):
        if options.reuse_kernel:
            thread_kernel(options.kernel_name)
        publisher = process_publisher(options)
        with tempfile.TemporaryDirectory(prefix="kit-warm-") as tmp:
            html = publisher.html(nbformat.v4.new_notebook(), Path(tmp), "预热")
            if "pdf" in options.formats:
                publisher.write_pdf(html, Path(tmp) / "warm.pdf")


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
        from kit.dask_backend import run_on_dask

        run_on_dask(scheduler, todo, options, lambda r: emit(Outcome(r.job, r)))
    elif (workers or default_workers()) <= 1 or len(todo) == 1:
        _run_here(todo, options, lambda r: emit(Outcome(r.job, r)))
    else:
        from kit.pool import run_in_pool

        run_in_pool(todo, options, min(workers or default_workers(), len(todo)),
                    lambda r: emit(Outcome(r.job, r)))
    return outcomes


def _run_here(todo: list[tuple[BuildJob, Fingerprint]], options: BuildOptions,
              done: Callable[[JobResult], None]) -> None:
    for job, fp in todo:
        try:
            result = run_job(job, options, fp)
        except BaseException:
            clean_temp(job.out_dir)
            raise
        done(result)
