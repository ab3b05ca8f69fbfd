"""One report as a unit of work of every backend (in-process, worker pool, Dask).

:func:`run_group` (and :func:`run_job`, a group of one) removes temp files an interrupted
run left behind, forgets the old state, calls :func:`kit.build.runner.build_group` with this
process's own Publisher (one Chromium per worker; the group's PDFs printed together), and
writes each state file last, so incremental skips, ``index.html`` and the summary
work the same way everywhere.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import nbformat

from kit.build.incremental import Fingerprint, clean_temp, forget, write_state
from kit.build.options import BuildOptions, JobResult
from kit.build.plan import BuildJob
from kit.build.runner import build_group, close_publishers, process_publisher
from kit.export.print_many import MAX_GROUP
from kit.notebook.warm_kernel import close_kernels, thread_kernel
from kit.params.model import Unit
from kit.params.newyear import blank
from kit.render.report_html import render_report


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
    return run_group([(job, fp)], options)[0]


def run_group(group: Sequence[tuple[BuildJob, Fingerprint]], options: BuildOptions,
              ) -> list[JobResult]:
    """Build a few reports in this process, their PDFs printed together, and record each."""
    for job, _ in group:
        clean_temp(job.out_dir)
        forget(job)
    results = build_group([job for job, _ in group], options, process_publisher(options))
    for (job, fp), result in zip(group, results, strict=True):
        write_state(job, result_record(result), fp)
    return results


GROUP_CAP = 2 * MAX_GROUP  # reports a worker takes at once (all retried alone if it dies)


def group_size(remaining: int, workers: int) -> int:
    """How many of the ``remaining`` reports the next free worker takes: up to GROUP_CAP
    (printed MAX_GROUP at a time); with several workers fewer towards the end, so that
    they finish together."""
    if workers <= 1:
        return max(1, min(GROUP_CAP, remaining))
    return max(1, min(GROUP_CAP, -(-remaining // (2 * workers))))


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
    exporter, launches Chromium and prints a blank report (so that the fonts and the table
    styles are loaded before the first real print). Failures are left for the first report
    to meet and report properly.
    """
    with contextlib.suppress(Exception), tempfile.TemporaryDirectory(prefix="kit-warm-") as tmp:
        if options.reuse_kernel:
            thread_kernel(options.kernel_name)
        publisher = process_publisher(options)
        html = publisher.html(_sample_notebook(), Path(tmp), "预热")
        if {"pdf", "pdfa"} & set(options.formats):
            publisher.write_pdf(html, Path(tmp) / "warm.pdf")


def _sample_notebook() -> nbformat.NotebookNode:
    """A notebook showing a blank report of a made-up township: every heading, table and
    label a report has, in the report's fonts."""
    unit = Unit("预热省", "预热市", "预热县", "预热镇", "镇")
    output = nbformat.v4.new_output("display_data", data={"text/html": render_report(blank(unit, 2023))})
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("", outputs=[output])])
