"""Benchmark: HTML + PDF for a fictional county, three ways.

    .venv/bin/python bench/batch.py                 # 40 townships; (a) on all of them (many minutes)
    .venv/bin/python bench/batch.py --sample 5      # (a) on 5 townships, extrapolated per report
    .venv/bin/python bench/batch.py --units 2 --sample 1   # smoke run (the test suite does this)

(a) the loop a papermill user writes by hand, per report as subprocesses: ``papermill``, then
    ``jupyter nbconvert --to kit_html`` and ``jupyter nbconvert --to kit_pdf`` (the kit's
    registered exporters);
(b) ``python -m kit build --to html,pdf`` into a fresh output folder (cold);
(c) the same command again with nothing changed (every report skipped as current).

Everything runs in a temporary folder with clearly fictional townships (基准县/基准一镇 …, see
``bench/fake_county.py``). Peak memory is the largest sum of RSS over the whole process tree
(this script excluded), as PSS (shared pages divided among the processes that map them: the
real footprint; sampled every 0.5 s in a separate run, because reading it is costly) and as a
plain RSS sum (shared pages counted once per process, so it errs high; sampled every 0.1 s).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fake_county import COUNTY, unit_name, write_county

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TEMPLATE = REPO / "notebooks" / "report.ipynb"
GIB = 1024 ** 3


@dataclass(frozen=True)
class Timing:
    label: str
    reports: int  # reports actually run
    seconds: float
    peak_pss: int  # bytes, sum over the process tree
    peak_rss: int
    first: float = 0.0  # seconds until the first report was done ((b): start-up included)
    steady: float = 0.0  # seconds per report after that (the rate once the workers run)

    @property
    def per_report(self) -> float:
        return self.seconds / self.reports if self.reports else 0.0


class TreeMemory:
    """Peaks of the summed RSS and PSS of this process's descendants, sampled in a thread.

    RSS is cheap to read and sampled every 0.1 s. PSS (shared pages divided among the processes
    that map them: the real footprint) needs /proc/<pid>/smaps_rollup, which costs ~100 ms for
    the ~30 processes of a run (Chromium maps terabytes of address space), so it is sampled
    every 0.5 s, in a separate run (reading it slows the processes it reads). The sampling
    thread runs at nice 19 so that it takes only idle CPU from the run it measures.
    """

    def __init__(self, interval: float = 0.1, pss_every: int = 20) -> None:
        self.interval = interval
        self.pss_every = pss_every
        self.peak_pss = 0  # stays 0 when the run ended before the first PSS sample (1 s)
        self.peak_rss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        with contextlib.suppress(OSError, AttributeError):  # only idle CPU for the sampler
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
        me = psutil.Process()
        tick = 0
        while not self._stop.is_set():
            children = me.children(recursive=True)
            self.peak_rss = max(self.peak_rss, _sum(children, lambda p: p.memory_info().rss))
            if self.pss_every and tick % self.pss_every == self.pss_every // 2:
                self.peak_pss = max(self.peak_pss, _sum(children, lambda p: p.memory_full_info().pss))
            tick += 1
            self._stop.wait(self.interval)


def _sum(processes: list[psutil.Process], read: Callable[[psutil.Process], int]) -> int:
    total = 0
    for process in processes:
        with contextlib.suppress(psutil.Error):
            total += read(process)
    return total


def run(cmd: list[str], cwd: Path) -> None:
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"命令失败（{done.returncode}）：{' '.join(cmd)}\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")


def by_hand(params: Path, out: Path, units: list[str], pss: bool = False) -> Timing:
    """(a) papermill + nbconvert kit_html + nbconvert kit_pdf, per report, as subprocesses."""
    start = time.perf_counter()
    with TreeMemory(pss_every=5 if pss else 0) as memory:
        for unit in units:
            folder = out / COUNTY / unit / "2023"
            folder.mkdir(parents=True)
            notebook = folder / "report.ipynb"
            run([str(BIN / "papermill"), str(TEMPLATE), str(notebook), "-p", "county", COUNTY,
                 "-p", "unit", unit, "-p", "year", "2023", "-p", "params_dir", str(params),
                 "--no-progress-bar"], cwd=folder)
            for exporter in ("kit_html", "kit_pdf"):
                run([str(BIN / "jupyter"), "nbconvert", "--to", exporter, str(notebook)], cwd=folder)
    return Timing("(a) papermill + nbconvert 命令行逐份", len(units), time.perf_counter() - start,
                  memory.peak_pss, memory.peak_rss)


def kit_build(label: str, params: Path, out: Path, units: int, jobs: int | None,
              pss: bool = False) -> Timing:
    """(b)/(c) ``python -m kit build --to html,pdf`` as one subprocess."""
    # --no-rollup: (a) makes no county roll-up either, so both sides do the same work.
    cmd = [sys.executable, "-m", "kit", "build", "--to", "html,pdf", "--params", str(params),
           "--out", str(out), "--no-progress", "--no-rollup"]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    start = time.perf_counter()
    with TreeMemory(pss_every=5 if pss else 0) as memory:
        done = run_timed(cmd, cwd=REPO)
    first, steady = rates([t - start for t in done])
    return Timing(label, units, time.perf_counter() - start,
                  memory.peak_pss, memory.peak_rss, first, steady)


def run_timed(cmd: list[str], cwd: Path) -> list[float]:
    """Run ``cmd``; the moments at which it printed a finished report (``[成功] …``)."""
    stamps: list[float] = []
    output: list[str] = []
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}  # each line as it is printed, not at exit
    with subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, bufsize=1, env=env) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        for line in proc.stdout:
            output.append(line)
            if line.startswith("[成功]"):
                stamps.append(time.perf_counter())
        err = proc.stderr.read()
    if proc.returncode != 0:
        sys.exit(f"命令失败（{proc.returncode}）：{' '.join(cmd)}\n{''.join(output)[-2000:]}\n{err[-4000:]}")
    return stamps


def rates(done: list[float], same: float = 0.05) -> tuple[float, float]:
    """(seconds to the first finished report, seconds per report after it). Reports finish in
    groups (a worker prints several together), so the rate is the least-squares slope of each
    group's finishing time against the number of reports finished by then, from the first
    group on: the cost per report once start-up is paid, comparable between runs of any size."""
    points: list[tuple[int, float]] = []
    for count, t in enumerate(done, start=1):
        if points and t - points[-1][1] <= same:
            points[-1] = (count, t)  # the same group
        else:
            points.append((count, t))
    if len(points) < 2:
        return (done[0] if done else 0.0), 0.0
    mean_n = sum(n for n, _ in points) / len(points)
    mean_t = sum(t for _, t in points) / len(points)
    slope = (sum((n - mean_n) * (t - mean_t) for n, t in points)
             / sum((n - mean_n) ** 2 for n, _ in points))
    return done[0], slope


def check_outputs(out: Path, units: list[str]) -> None:
    for unit in units:
        folder = out / COUNTY / unit / "2023"
        for name in ("report.ipynb", "report.html", "report.pdf"):
            if not (folder / name).is_file():
                sys.exit(f"缺少输出文件 {folder / name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="批量生成性能测试（虚构的基准县）")
    parser.add_argument("--units", type=int, default=40, help="虚构乡镇数（默认 40）")
    parser.add_argument("--sample", type=int, default=None,
                        help="(a) 只跑前 K 个乡镇，按每份用时外推到全部（默认全部）")
    parser.add_argument("--jobs", type=int, default=None, help="传给 kit build 的 --jobs（默认 CPU 核数）")
    parser.add_argument("--keep", action="store_true", help="保留临时目录以便查看输出")
    args = parser.parse_args(argv)
    sample = min(args.sample or args.units, args.units)

    tmp = Path(tempfile.mkdtemp(prefix="kit-bench-"))
    try:
        params = tmp / "params"
        write_county(params, args.units)
        names = [unit_name(i) for i in range(1, args.units + 1)]
        print(f"机器：{platform.platform()}，{os.cpu_count()} 个 CPU 核，"
              f"内存 {psutil.virtual_memory().total / GIB:.1f} GiB，Python {platform.python_version()}")
        print(f"临时目录：{tmp}；{args.units} 个虚构乡镇（{COUNTY}），每份生成 HTML 和 PDF", flush=True)
        a = by_hand(params, tmp / "out_a", names[:sample])
        check_outputs(tmp / "out_a", names[:sample])
        b = kit_build("(b) python -m kit build，首次（冷启动）", params, tmp / "out_b", args.units, args.jobs)
        check_outputs(tmp / "out_b", names)
        c = kit_build("(c) python -m kit build，再次运行（无改动）", params, tmp / "out_b", args.units, args.jobs)
        # PSS needs /proc/<pid>/smaps_rollup, whose reading holds each process's memory-map lock
        # and slows the run it measures; so the timed runs above sample only RSS, and the PSS
        # peaks come from separate runs of the same work.
        a_mem = by_hand(params, tmp / "out_am", names[: min(2, sample)], pss=True)
        b_mem = kit_build("(b)", params, tmp / "out_bm", args.units, args.jobs, pss=True)
        a = replace(a, peak_pss=a_mem.peak_pss)
        b = replace(b, peak_pss=b_mem.peak_pss)
        print(report(a, b, c, args.units))
    finally:
        if args.keep:
            print(f"输出保留在 {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


def report(a: Timing, b: Timing, c: Timing, units: int) -> str:
    a_total = a.per_report * units
    head = ("方式", "报告数", "总用时（秒）", "每份（秒）", "峰值内存 PSS（MiB）", "RSS 之和（MiB）")
    rows = [head] + [(t.label, str(t.reports), f"{t.seconds:.1f}", f"{t.per_report:.2f}",
                      f"{t.peak_pss / 2**20:.0f}" if t.peak_pss else "-", f"{t.peak_rss / 2**20:.0f}") for t in (a, b, c)]
    widths = [max(_width(r[i]) for r in rows) for i in range(len(head))]
    lines = [""] + ["  ".join(_pad(cell, widths[i], i > 0) for i, cell in enumerate(row)) for row in rows]
    if a.reports < units:
        lines.append(f"(a) 只运行了 {a.reports} 份；{units} 份的用时按每份 {a.per_report:.2f} 秒外推为 {a_total:.0f} 秒。")
    lines.append(f"a/b = {a_total / b.seconds:.1f} 倍；a/c = {a_total / c.seconds:.0f} 倍"
                 f"（{units} 份；a 为{'外推值' if a.reports < units else '实测值'}）")
    if b.steady:
        lines.append(f"(b) 第一份报告完成于 {b.first:.1f} 秒（含启动工作进程、内核和 Chromium）；"
                     f"此后每份 {b.steady:.3f} 秒（不含启动的每份用时，可与其他乡镇数的运行比较）。")
    lines.append("峰值内存：整个子进程树（不含本脚本）的最大值。RSS 之和在计时的运行中每 0.1 秒采样，"
                 "把共享页面重复计算，偏高；PSS 把共享页面按进程分摊，是实际占用，但读取它会拖慢被测进程，"
                 "所以在另外一次相同的运行中每 0.5 秒采样（(a) 取 2 份）。")
    return "\n".join(lines)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * (width - _width(text))
    return space + text if right else text + space


if __name__ == "__main__":
    sys.exit(main())
