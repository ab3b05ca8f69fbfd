"""bench/region.py runs end to end at a small scale (the real run has 2,000 townships)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from county_helpers import FIXTURES

REPO = FIXTURES.parents[1]


@pytest.mark.slow
def test_region_bench_smoke_run():
    done = subprocess.run([sys.executable, str(REPO / "bench" / "region.py"), "--townships", "40",
                           "--counties", "2"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "重新核对 2 个县" in out and "重新核对 0 个县" in out and "重新核对 1 个县" in out
    assert re.findall(r"找到植入的 (\d+)/(\d+) 对，误报 (\d+) 对", out) == [("2", "2", "0")] * 2
