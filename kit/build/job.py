"""One report as a unit of work of every backend (in-process, worker pool, Dask).

:func:`run_job` removes temp files an interrupted run left behind, forgets the old state,
calls :func:`kit.build.runner.build_one` with this process's own Publisher (one Chromium per
worker), and writes the state file last, so incremental skips, ``index.html`` and the summary
work the same way everywhere.
"""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path
from typing import Any

import nbformat

from kit.build.incremental import Fingerprint, clean_temp, forget, write_state
from kit.build.options import BuildOptions, JobResult
from kit.build.plan import BuildJob
from kit.build.runner import build_one, close_publishers, process_publisher
from kit.notebook.warm_kernel import close_kernels, thread_kernel


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


def lost_result(job: BuildJob, fp: Fingerprint, why: str, rerun: bool = True) -> JobResult:
    """A job whose worker died or could not run it: failed (and recorded so), with what to do.
    ``rerun``: a new run can build it (the worker was killed or lost), so say so."""
    then = "请重新运行 python -m kit build 补做这份报告。" if rerun else ""
    result = JobResult(job, "failed", error=f"{why}其他报告照常生成。{then}")
    write_state(job, result_record(result), fp)
    return result


def close_process_resources() -> None:
    """Close this process's Chromium and warm kernels (before interpreter shutdown begins)."""
    for close in (close_kernels, close_publishers):
        with contextlib.suppress(Exception):
            close()


def warm_up(options: BuildOptions) -> None:
    """Start this process's kernel, HTML exporter and Chromium before the first report.

    The kernel boots and imports the kit in its own process while this one builds the
    exporter and launches Chromium, so a worker's first report does not pay for them in turn.
    Failures are left for the first report to meet and report properly.
    """
    with contextlib.suppress(Exception):
        if options.reuse_kernel:
            thread_kernel(options.kernel_name)
        publisher = process_publisher(options)
        with tempfile.TemporaryDirectory(prefix="kit-warm-") as tmp:
            html = publisher.html(nbformat.v4.new_notebook(), Path(tmp), "预热")
            if "pdf" in options.formats:
                publisher.write_pdf(html, Path(tmp) / "warm.pdf")


