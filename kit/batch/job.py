"""One report as a unit of work of every backend (in-process, worker pool, Dask).

:func:`run_group` (and :func:`run_job`, a group of one) removes temp files an interrupted
run left behind, forgets the old state, calls :func:`kit.batch.runner.build_group` with this
process's own Publisher (one Chromium per worker; the group's PDFs printed together), and
writes each state file last, so incremental skips, ``index.html`` and the summary
work the same way everywhere.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Sequence
from pathlib import Path

import nbformat

from kit.batch.incremental import Fingerprint, clean_temp, forget, write_state
from kit.batch.options import BuildOptions, JobResult
from kit.batch.plan import BuildJob
from kit.batch.records import result_record
from kit.batch.runner import build_group, close_publishers, process_publisher
from kit.notebook.warm_kernel import close_kernels, thread_kernel


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


def close_process_resources() -> None:
    """Close this process's Chromium and warm kernels (before interpreter shutdown begins)."""
    for close in (close_kernels, close_publishers):
        with contextlib.suppress(Exception):
            close()


def warm_up(options: BuildOptions) -> None:
    """Start this process's kernel, HTML exporter and Chromium before the first report.

    The kernel boots and imports the kit in its own process while this one builds the
    exporter and launches Chromium, so that a worker's first report does not pay for them in
    turn. (Warming Chromium with a whole blank report was measured slower: the batch's first
    print loads the fonts anyway.) Failures are left for the first report to meet and report
    properly.
    """
    with contextlib.suppress(Exception), tempfile.TemporaryDirectory(prefix="kit-warm-") as tmp:
        if options.reuse_kernel:
            thread_kernel(options.kernel_name)
        publisher = process_publisher(options)
        html = publisher.html(nbformat.v4.new_notebook(), Path(tmp), "预热")
        if {"pdf", "pdfa"} & set(options.formats):
            publisher.write_pdf(html, Path(tmp) / "warm.pdf")
