"""Helpers for the batch tests: a fictional county in tmp, running the CLI, inspecting outputs."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import nbformat

from kit.cli.main import main

REPO = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(REPO / "bench"))

from fake_county import COUNTY, unit_name, write_county  # noqa: E402

TEMPLATE = REPO / "notebooks" / "report.ipynb"
PYTHON = sys.executable
__all__ = ["COUNTY", "unit_name"]


def make_county(root: Path, units: int, years: tuple[int, ...] = (2023,)) -> Path:
    """``root/params/基准县/基准一镇/<年>.yaml`` …; returns the params folder."""
    params = root / "params"
    write_county(params, units, years)
    return params


def report_dir(out: Path, index: int, year: int = 2023) -> Path:
    return out / COUNTY / unit_name(index) / str(year)


def build(*args: str) -> tuple[int, str, str]:
    """``python -m kit build --no-progress …`` in this process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["build", "--no-progress", *args])
    return code, out.getvalue(), err.getvalue()


def broken_template(tmp: Path, code: str) -> Path:
    """A copy of the template with ``code`` as a cell right after ``open_report``."""
    nb = nbformat.read(TEMPLATE, as_version=4)
    index = next(i for i, c in enumerate(nb.cells) if "open_report" in c.source)
    nb.cells.insert(index + 1, nbformat.v4.new_code_cell(code))
    path = tmp / "broken.ipynb"
    nbformat.write(nb, path)
    return path


def state(out: Path, index: int, year: int = 2023) -> dict | None:
    path = out / ".kit-build" / COUNTY / unit_name(index) / f"{year}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def temp_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if ".tmp" in p.name]


def assert_complete(folder: Path, formats: tuple[str, ...] = ("html",)) -> None:
    """Every output present is whole: a readable notebook, HTML to </html>, PDF to %%EOF."""
    nb = folder / "report.ipynb"
    if nb.exists():
        nbformat.read(nb, as_version=4)
    html = folder / "report.html"
    if html.exists():
        assert html.read_text(encoding="utf-8").rstrip().endswith("</html>"), html
    pdf = folder / "report.pdf"
    if pdf.exists():
        assert pdf.read_bytes().rstrip().endswith(b"%%EOF"), pdf


def start_build(*args: str) -> subprocess.Popen[str]:
    """``python -m kit build`` as its own process group (like a command typed in a terminal)."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([PYTHON, "-m", "kit", "build", "--no-progress", *args], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)


def wait_for_line(proc: subprocess.Popen[str], marker: str, timeout: float = 90) -> list[str]:
    """Read stdout until a line contains ``marker``; returns the lines read."""
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        if marker in line:
            return lines
    raise AssertionError(f"no line with {marker!r} in {lines!r}")
