"""Smoke run of bench/serve.py (2 sessions, 60 state changes): it runs and prints its figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.browser
def test_bench_serve_smoke():
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "serve.py"), "--sessions", "2", "--changes", "60"],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("= submissions") == 2 and ": yes;" in done.stdout
    assert "inconsistent reports 0" in done.stdout and "MB per session" in done.stdout
