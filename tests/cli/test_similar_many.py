"""kit similar --published on many identical pages: one group, not n·(n−1)/2 pairs; the same
report published as several files counts once."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT.parent / "shared" / "reference" / "xialiang-2021.txt"
DIGITS = "〇一二三四五六七八九"


def _name(n: int) -> str:
    return "甲" + "".join(DIGITS[int(d)] for d in str(n)) + "镇"


def test_identical_pages_are_one_group(tmp_path):
    text = REFERENCE.read_text(encoding="utf-8")
    for n in range(1, 121):
        (tmp_path / f"{n}.txt").write_text(text.replace("下良镇", _name(n)), encoding="utf-8")
    for copy in ("a.html", "b.txt"):  # 下良镇's own report twice more: the same report
        (tmp_path / copy).write_text(text, encoding="utf-8")
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "kit", "similar", "--published", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert time.monotonic() - start < 60
    assert "比较了 121 份已发布的年报" in done.stdout, done.stdout + done.stderr
    assert "以下 121 份报告的正文完全相同" in done.stdout and done.stdout.count("相似度") <= 1
    assert done.returncode == 1 and len(done.stdout.splitlines()) < 10
