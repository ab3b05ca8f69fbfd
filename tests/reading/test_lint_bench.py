"""bench/lint.py runs end to end on a few documents (the real run lints 40)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from reading_helpers import FIXTURES

REPO = FIXTURES.parents[1]


@pytest.mark.slow
def test_lint_bench_smoke_run():
    done = subprocess.run([sys.executable, str(REPO / "bench" / "lint.py"), "--count", "8"], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "份已发布的年报" in done.stdout and "--jobs 1：" in done.stdout and "默认并行：" in done.stdout
    assert "份 PDF：" in done.stdout
