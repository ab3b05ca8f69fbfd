"""``python -m kit build``: build reports for the chosen unit-years and print a summary.

Exit code 0 when every report was built in every requested format or skipped as unchanged,
1 otherwise, 2 for a usage error (nothing to build, unknown format), 130 when interrupted.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kit.batch_cli import add_batch_args, run_batch_build
from kit.cli import command
from kit.notebook_run import DEFAULT_TEMPLATE
from kit.paths import DEFAULT_PARAMS
from kit.plan import DEFAULT_OUT, describe_filters, plan_jobs
from kit.runner import FORMATS, BuildOptions, JobResult

LABELS = {"ok": "成功", "partial": "部分完成", "failed": "失败", "invalid": "跳过"}


def _args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path,
                        help="参数文件或目录（默认 params/ 下的全部参数文件）")
    parser.add_argument("--to", default="html", metavar="格式",
                        help="输出格式：html、pdf 或 html,pdf（默认 html；笔记本 report.ipynb 总会保存）")
    parser.add_argument("--county", help="只生成这个县的报告")
    parser.add_argument("--unit", help="只生成这个乡镇的报告")
    parser.add_argument("--year", type=int, help="只生成这个年度的报告")
    parser.add_argument("--params", type=Path, default=DEFAULT_PARAMS, help="参数目录（默认 params/）")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="输出目录（默认 outputs/，报告写在 <输出目录>/<县>/<乡镇>/<年>/）")
    parser.add_argument("--template", type=Path, default=DEFAULT_TEMPLATE, help="模板笔记本")
    parser.add_argument("--timeout", type=int, default=600, help="每个单元格最长运行秒数（默认 600）")
    parser.add_argument("--chromium", help="生成 PDF 所用的 Chromium 可执行文件（默认自动查找）")
    parser.add_argument("--font", help="正文字体：仿宋、宋体、黑体、楷体，或 CSS 字体列表")
    add_batch_args(parser)


def parse_formats(text: str) -> tuple[str, ...]:
    """"html,pdf" → ("html", "pdf"); raises ValueError (Chinese) for anything else."""
    wanted = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [f for f in wanted if f not in FORMATS]
    if not wanted or unknown:
        msg = f"未知的输出格式“{text}”。--to 可取 html、pdf 或 html,pdf。"
        raise ValueError(msg)
    return tuple(f for f in FORMATS if f in wanted)


@command("build", _args, "生成报告：运行模板笔记本，导出 HTML（和 PDF）")
def run_build(args: argparse.Namespace) -> int:
    try:
        formats = parse_formats(args.to)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    plan = plan_jobs(args.paths, params_dir=args.params, out_root=args.out, county=args.county,
                     unit=args.unit, year=args.year)
    for problem in plan.problems:
        print(f"[跳过] {problem}")
    if not plan.jobs:
        filters = describe_filters(args.county, args.unit, args.year)
        where = "、".join(map(str, plan.searched))
        print(f"在 {where} 中没有找到{('符合 ' + filters + ' 的') if filters else ''}参数文件，"
              "没有生成任何报告。请检查路径和筛选条件。", file=sys.stderr)
        return 2
    options = BuildOptions(formats=formats, params_dir=args.params, template=args.template,
                           out_root=args.out, timeout=args.timeout, chromium=args.chromium,
                           font_family=args.font, reuse_kernel=not args.fresh_kernels)
    print(f"开始生成 {len(plan.jobs)} 份报告（{'、'.join(f.upper() for f in formats)}），"
          f"输出到 {args.out}/ ……", flush=True)
    return run_batch_build(plan, options, args)


def format_result(res: JobResult) -> str:
    """One report's outcome, in Chinese, with what to do about a failure."""
    head = f"[{LABELS[res.status]}] {res.job.name}（{res.seconds:.1f} 秒）"
    files = "、".join(str(p) for p in res.outputs)
    warnings = sum(not p.is_error for p in res.problems)
    if res.status == "ok":
        note = (f"；参数文件有 {warnings} 个警告，可运行 python -m kit check {res.job.params_path} 查看"
                if warnings else "")
        return f"{head}：{files}{note}"
    if res.status == "invalid":
        lines = [f"{head}：{res.error}请改正 {res.job.params_path} 后重新生成："]
        lines += [f"    {p.format()}" for p in res.problems if p.is_error]
        return "\n".join(lines)
    if res.status == "partial":
        return f"{head}：已生成 {files}；{res.error}"
    where = f"运行到单元格 {res.failed_cell} 时" if res.failed_cell else ""
    lines = [f"{head}：笔记本{where}出错：{res.error}"]
    if res.outputs:
        lines.append(f"    出错的笔记本已保留，可打开查看：{res.outputs[0]}")
    return "\n".join(lines)
