"""bench/ledger.py runs end to end on a small register (the real run imports 10,000)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_ledger_bench_smoke_run():
    done = subprocess.run([sys.executable, str(REPO / "bench" / "ledger.py"), "--count", "200"], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "读取并计算" in done.stdout and "整个命令" in done.stdout
