"""What a batch keeps of each report's build, and how many reports a worker takes at once.

Kept apart from :mod:`kit.batch.job` (which loads nbconvert, papermill and Chromium's driver)
so that the main process of a batch, which only hands out jobs and records results, starts
its workers without loading any of that first.
"""

from __future__ import annotations

import contextlib
from typing import Any

from kit.base.errors import KitError
from kit.base.problems import Problem
from kit.batch.incremental import Fingerprint, write_state
from kit.batch.options import JobResult
from kit.batch.plan import BuildJob
from kit.export.print_many import MAX_GROUP


def result_record(res: JobResult) -> dict[str, Any]:
    """What the state file keeps of a build (index.html reads it back)."""
    return {
        "status": res.status, "seconds": round(res.seconds, 2),
        "outputs": [p.name for p in res.outputs],
        "errors": sum(p.is_error for p in res.problems),
        "warnings": sum(not p.is_error for p in res.problems),
        "problems": [{"severity": p.severity.value, "text": reader_text(p)} for p in res.problems],
        "error": res.error, "failed_cell": res.failed_cell,
    }


def reader_text(problem: Problem) -> str:
    """A problem as the index page shows it: severity, place and message, no rule code."""
    where = problem.clerk_where()
    return f"[{problem.severity.value}] {where + '：' if where else ''}{problem.message}{problem.detail}"


def lost_result(job: BuildJob, fp: Fingerprint, why: str, rerun: bool = True) -> JobResult:
    """A job whose worker died or could not run it: failed (and recorded so), with what to do.
    ``rerun``: a new run can build it (the worker was killed or lost), so say so."""
    then = "请重新运行 python -m kit build 补做这份报告。" if rerun else ""
    result = JobResult(job, "failed", error=f"{why}其他报告照常生成。{then}")
    with contextlib.suppress(OSError, KitError):  # a full disk: the table still says it
        write_state(job, result_record(result), fp)
    return result


GROUP_CAP = 2 * MAX_GROUP  # reports a worker takes at once (all retried alone if it dies)


def group_size(remaining: int, workers: int) -> int:
    """How many of the ``remaining`` reports the next free worker takes: up to GROUP_CAP
    (printed MAX_GROUP at a time); with several workers fewer towards the end, so that
    they finish together."""
    if workers <= 1:
        return max(1, min(GROUP_CAP, remaining))
    return max(1, min(GROUP_CAP, -(-remaining // (2 * workers))))
