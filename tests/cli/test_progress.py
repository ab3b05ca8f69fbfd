"""The progress bar counts each report by what happened to it, as the table names it: a report
with errors in its params file is not a failed build."""

from __future__ import annotations

import io
from pathlib import Path

from kit.batch.batch import Outcome
from kit.batch.options import JobResult
from kit.batch.plan import BuildJob
from kit.cli.progress import Progress


def _job(unit: str) -> BuildJob:
    return BuildJob("县", unit, 2023, Path(f"{unit}.yaml"), Path(unit))


def test_counts_name_what_happened(tmp_path):
    err = io.StringIO()
    with Progress(4, bar=True, out=io.StringIO(), err=err) as progress:
        progress(Outcome(_job("甲镇"), JobResult(_job("甲镇"), "ok")))
        progress(Outcome(_job("乙乡"), JobResult(_job("乙乡"), "invalid", error="参数文件有 1 个错误。")))
        progress(Outcome(_job("丙镇")))  # nothing changed: skipped
        progress(Outcome(_job("丁镇"), JobResult(_job("丁镇"), "failed", error="笔记本未运行完。")))
    assert dict(progress.counts) == {"成功": 1, "参数有错误": 1, "未改动": 1, "失败": 1}
    assert "参数有错误 1" in err.getvalue()
