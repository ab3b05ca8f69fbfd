"""Benchmark: ``python -m kit lint`` on a county's folder of published reports.

    .venv/bin/python bench/lint.py              # 40 documents: 30 portal pages, 5 Word, 5 PDF; then 40 PDFs
    .venv/bin/python bench/lint.py --count 8    # smoke run (the tests do this)

The documents are the published-report fixtures (tests/fixtures/published/), copied under
township names into a temporary folder. Time is wall-clock for the whole command (process
start included), once with one process (``--jobs 1``) and once with the default (one per CPU).
Goals on 2 cores (issue #24): the mixed 40 in under 3 s, and 40 PDFs (the two PDF fixtures
alternately, 6 and 5 pages) in under 3 s. PDF pages are read with pdfium
(kit.reading.pdf_pages); before, with pdfplumber's pdfminer, 40 PDFs took 5.0 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "published"
PAGES = ("jiazhen-2022.html", "xialiang-trs-gbk.html", "xialiang-zoom.html", "xialiang-xxgk.html",
         "defect-late.html", "jiazhen-2022-blank.html")
MIX = ((PAGES, 0.75), (("jiazhen-2022.docx", "xialiang.docx"), 0.125), (("jiazhen-2022.pdf", "xialiang.pdf"), 0.125))


PDF_ONLY = ((("jiazhen-2022.pdf", "xialiang.pdf"), 1.0),)


def folder(root: Path, count: int, mix: tuple = MIX, name: str = "published") -> Path:
    target = root / name
    target.mkdir()
    index = 0
    for names, share in mix:
        for i in range(max(1, round(count * share))):
            source = FIXTURES / names[i % len(names)]
            shutil.copy(source, target / f"乡镇{index:03d}{source.suffix}")
            index += 1
    return target


def run(target: Path, jobs: int | None) -> float:
    cmd = [sys.executable, "-m", "kit", "lint", str(target)] + (["--jobs", str(jobs)] if jobs else [])
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=900)
    seconds = time.perf_counter() - start
    if "共检查" not in done.stdout:
        raise SystemExit(f"kit lint failed: {done.stdout[-500:]}{done.stderr[-500:]}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        target = folder(Path(tmp), args.count)
        files = sorted(target.iterdir())
        kinds = {s: sum(f.suffix == s for f in files) for s in (".html", ".docx", ".pdf")}
        print(f"{len(files)} 份已发布的年报（网页 {kinds['.html']}，Word {kinds['.docx']}，PDF {kinds['.pdf']}），"
              f"{os.cpu_count()} 个 CPU：")
        one = run(target, 1)
        default = run(target, None)
        print(f"  --jobs 1：{one:6.2f} 秒（每份 {one / len(files):.2f} 秒）")
        print(f"  默认并行：{default:6.2f} 秒（每份 {default / len(files):.2f} 秒），目标 40 份 < 3 秒")
        pdfs = folder(Path(tmp), args.count, PDF_ONLY, "pdf")
        count = len(list(pdfs.iterdir()))
        one, default = run(pdfs, 1), run(pdfs, None)
        print(f"{count} 份 PDF：")
        print(f"  --jobs 1：{one:6.2f} 秒（每份 {one / count:.2f} 秒）")
        print(f"  默认并行：{default:6.2f} 秒（每份 {default / count:.2f} 秒），目标 40 份 < 3 秒")
    return 0


if __name__ == "__main__":
    sys.exit(main())
