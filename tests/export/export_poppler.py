"""Reading PDFs with poppler-utils (pdfinfo, pdffonts, pdftotext) in tests."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

MM = 72 / 25.4  # PDF points per millimetre


def run(*cmd: str) -> str:
    """stdout of a poppler tool; fails the test with stderr when it fails."""
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def page_count(pdf: Path) -> int:
    info = run("pdfinfo", str(pdf))
    return int(next(ln for ln in info.splitlines() if ln.startswith("Pages:")).split()[1])


def page_text(pdf: Path, page: int) -> str:
    return run("pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-")


def page_words(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """(text, xMin, yMin, xMax, yMax) in points for each word on ``page``."""
    out = run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-")
    pattern = (
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    )
    return [
        (m[4], float(m[0]), float(m[1]), float(m[2]), float(m[3])) for m in re.findall(pattern, out)
    ]
