"""The batch part of ``python -m kit build``: --jobs, --force, --scheduler, progress, summary, index.

``kit.cli.build`` parses the common options and plans the jobs; this module runs them with
:func:`kit.batch.batch.run_batch`, prints a line per report and a summary table, and rewrites
``<输出目录>/index.html``. Exit code 0 when every report succeeded or was skipped as
unchanged, 1 otherwise, 130 when interrupted (what finished is kept; the next run completes
the rest).
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

from kit.base.errors import KitError, user_message
from kit.batch.batch import Outcome, run_batch
from kit.batch.errors import SchedulerUnavailable
from kit.batch.index_page import write_index
from kit.batch.options import BuildOptions
from kit.batch.plan import Plan
from kit.batch.rollups import run_rollups
from kit.cli.args import positive_int
from kit.cli.progress import Progress, format_table, format_totals


def add_batch_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", "-j", type=positive_int, default=None, metavar="N",
                        help="同时生成的报告数（工作进程数，默认等于 CPU 核数；1 表示在本进程中逐份生成）")
    parser.add_argument("--force", action="store_true",
                        help="即使参数文件、模板和工具都未改动，也重新生成全部报告")
    parser.add_argument("--scheduler", metavar="tcp://主机:端口",
                        help="把报告交给 Dask 集群生成（各机器须能访问同样的路径）")
    parser.add_argument("--no-progress", action="store_true", help="不显示进度条")
    parser.add_argument("--no-rollup", action="store_true",
                        help="生成了整个县的报告时，也不生成县级汇总和审阅包（默认生成）")
    parser.add_argument("--fresh-kernels", action="store_true",
                        help="每份报告启动新的 Jupyter 内核（较慢；默认每个工作进程复用一个内核，每份报告前清空）")


def run_batch_build(plan: Plan, options: BuildOptions, args: argparse.Namespace) -> int:
    outcomes: list[Outcome] = []
    interrupted = False
    try:
        lock = outputs_lock(options.out_root)
    except KitError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    with lock, terminate_as_interrupt(), Progress(len(plan.jobs), bar=False if args.no_progress else None) as progress:
        def report(outcome: Outcome) -> None:
            outcomes.append(outcome)
            progress(outcome)

        try:
            run_batch(plan.jobs, options, report, workers=args.jobs, force=args.force,
                      scheduler=args.scheduler)
        except KeyboardInterrupt:
            interrupted = True
        except SchedulerUnavailable as exc:
            print(str(exc), file=sys.stderr)
            return 1
    job_module = sys.modules.get("kit.batch.job")  # loaded only when a report was built here
    if job_module is not None:
        job_module.close_process_resources()  # Chromium and the kernel of an in-process run
    if outcomes:
        print(format_table(outcomes))
    print(format_totals(outcomes, len(plan.problems)))
    _write_index(options)
    if interrupted:
        left = len(plan.jobs) - len(outcomes)
        print(f"已中断：{len(outcomes)} 份已处理，{left} 份未完成。已生成的文件都完整保留；"
              "再次运行同一命令会跳过已完成的报告，只补做未完成的。", file=sys.stderr, flush=True)
        exit_within(EXIT_GRACE, 130)
        return 130
    summaries_ok, made = True, False
    if not args.no_rollup:
        for result in run_rollups(outcomes, options, force=args.force, starting=summary_starting):
            from kit.county.run import format_summary_result  # loaded by run_rollups already

            print(format_summary_result(result), flush=True)
            summaries_ok, made = summaries_ok and result.ok, True
    if made:
        _write_index(options, again=True)  # again: it links the roll-ups just made
    ok = all(o.succeeded for o in outcomes) and not plan.problems and summaries_ok
    return 0 if ok else 1


EXIT_GRACE = 10.0  # seconds an interrupted batch may take to exit before it is ended


def exit_within(seconds: float, code: int) -> None:
    """End the process with ``code`` if it has not exited ``seconds`` from now. After Ctrl-C
    the workers and their kernels are stopped and every file written is whole; what is left at
    exit (a worker pool's manager thread waiting on a killed worker, a kernel's pipe) must not
    keep the clerk's terminal waiting."""
    import os
    import threading

    timer = threading.Timer(seconds, lambda: os._exit(code))
    timer.daemon = True
    timer.start()


def summary_starting(county: str, year: int) -> None:
    print(f"[县级汇总] 正在生成 {county} {year} 年度汇总（汇总表、图表和审阅包，约需十秒）……", flush=True)


def _write_index(options: BuildOptions, again: bool = False) -> None:
    """outputs/index.html; a failure (a full disk) is said, the batch's results stand."""
    try:
        index = write_index(options.out_root, options.params_dir)
    except (OSError, KitError) as exc:
        print(f"报告索引未能更新：{user_message(exc)}", file=sys.stderr)
        return
    if not again:
        print(f"报告索引：{index}")


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (a closed terminal, a stopped service) ends the batch as Ctrl-C does: workers
    stopped, the table printed, 已中断 said."""
    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def outputs_lock(out_root: Path) -> contextlib.AbstractContextManager[object]:
    """One batch at a time per outputs folder: a second one says who holds it and stops."""
    from filelock import FileLock, Timeout

    from kit.base.atomic import ensure_folder

    folder = ensure_folder(out_root / ".kit-build")
    lock = FileLock(str(folder / "batch.lock"), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise KitError(f"另一个 kit build 正在向 {out_root} 生成报告。请等它结束后再运行"
                       "（或换一个 --out 输出目录）。") from None
    held = contextlib.ExitStack()
    held.callback(lock.release)
    return held
