"""``python -m kit check`` loads only what checking needs: no pandas, nbformat or matplotlib."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pandas", "nbformat", "matplotlib", "nbconvert", "papermill", "ipywidgets")


def test_check_imports_no_heavy_package():
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "kit", "check", "params/"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    imported = {line.split("|")[-1].strip().split(".")[0]
                for line in run.stderr.splitlines() if line.startswith("import time:")}
    assert "kit" in imported and "yaml" in imported
    assert not imported & set(HEAVY), sorted(imported & set(HEAVY))
