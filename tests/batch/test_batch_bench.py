"""The benchmark script runs end to end on a tiny county (the real run is bench/batch.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from batch_helpers import REPO


@pytest.mark.slow
def test_bench_smoke_run():
    done = subprocess.run([sys.executable, str(REPO / "bench" / "batch.py"), "--units", "3",
                           "--sample", "1"], cwd=REPO, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    for label in ("(a) papermill + nbconvert", "(b) python -m kit build", "(c) python -m kit build"):
        assert label in out
    assert "a/b = " in out and "a/c = " in out and "外推" in out and "PSS" in out
    assert "第一份报告完成于" in out and "此后每份" in out  # start-up apart from the rate


@pytest.mark.slow
def test_planning_bench_smoke_run():
    done = subprocess.run([sys.executable, str(REPO / "bench" / "planning.py"), "--units", "30"],
                          cwd=REPO, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "参数文件 60 个" in done.stdout and "1+2 合计" in done.stdout and "无事可做" in done.stdout


@pytest.mark.slow
def test_startup_bench_smoke_run():
    done = subprocess.run([sys.executable, str(REPO / "bench" / "startup.py"), "--runs", "2"],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "kit check / import yaml = " in done.stdout and "目标 ≤ 2" in done.stdout
