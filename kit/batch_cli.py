"""The batch part of ``python -m kit build``: --jobs, --force, --scheduler, progress, summary, index.

``kit.build_cli`` parses the common options and plans the jobs; this module runs them with
:func:`kit.batch.run_batch`, prints a line per report and a summary table, and rewrites
``<输出目录>/index.html``. Exit code 0 when every report succeeded or was skipped as
unchanged, 1 otherwise, 130 when interrupted (what finished is kept; the next run completes
the rest).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kit.plan import Plan
from kit.runner import BuildOptions

if TYPE_CHECKING:
    from kit.batch import Outcome


def add_batch_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
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
    from kit.batch import SchedulerUnavailable, close_process_resources, run_batch
    from kit.index_page import write_index
    from kit.progress import Progress, format_table, format_totals

    if args.jobs is not None and args.jobs < 1:
        print(f"--jobs 应为正整数，现为 {args.jobs}。例如 --jobs 2。", file=sys.stderr)
        return 2
    outcomes: list[Outcome] = []
    interrupted = False
    with Progress(len(plan.jobs), bar=False if args.no_progress else None) as progress:
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
    close_process_resources()  # Chromium and the kernel of an in-process run
    index = write_index(options.out_root)
    if outcomes:
        print(format_table(outcomes))
    print(format_totals(outcomes, len(plan.problems)))
    print(f"报告索引：{index}")
    if interrupted:
        left = len(plan.jobs) - len(outcomes)
        print(f"已中断：{len(outcomes)} 份已处理，{left} 份未完成。已生成的文件都完整保留；"
              "再次运行同一命令会跳过已完成的报告，只补做未完成的。", file=sys.stderr)
        return 130
    summaries_ok = args.no_rollup or run_rollups(outcomes, options, force=args.force)
    write_index(options.out_root)  # again: it links the roll-ups just made
    ok = all(o.succeeded for o in outcomes) and not plan.problems and summaries_ok
    return 0 if ok else 1


def rollups_due(outcomes: list[Outcome], out_root: Path, force: bool = False,
                ) -> list[tuple[Path, str, int]]:
    """(params dir, county, year) whose every township was in this build and whose roll-up is
    stale: a report of it was (re)built now, or the roll-up is missing, or ``force``."""
    from kit.bundle import summary_dir
    from kit.summary_cli import HTML, whole_counties

    by_root: dict[Path, list[Outcome]] = {}
    for outcome in outcomes:
        by_root.setdefault(outcome.job.params_dir, []).append(outcome)
    due = []
    for root, group in by_root.items():
        built = [(o.job.county, o.job.unit, o.job.year) for o in group]
        for county, year in whole_counties(built, root):
            fresh = any(o.result is not None for o in group
                        if (o.job.county, o.job.year) == (county, year))
            missing = not (summary_dir(out_root, county, year) / HTML).is_file()
            if force or fresh or missing:
                due.append((root, county, year))
    return due


def run_rollups(outcomes: list[Outcome], options: BuildOptions, force: bool = False) -> bool:
    """The county roll-up (summary notebook, HTML/PDF, review.zip) after a whole county's build."""
    from kit.summary_cli import build_summary, format_summary_result

    ok = True
    for root, county, year in rollups_due(outcomes, options.out_root, force):
        result = build_summary(county, year, root, options.out_root, options.formats)
        print(format_summary_result(result), flush=True)
        ok = ok and result.ok
    return ok

