"""``python -m kit build``: build reports for the chosen unit-years and print a summary.

Exit code 0 when every report was built in every requested format or skipped as unchanged,
1 otherwise, 2 for a usage error (nothing to build, unknown format), 130 when interrupted.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kit.batch.options import BuildOptions
from kit.batch.plan import describe_filters, plan_jobs
from kit.cli.args import report_year
from kit.cli.batch import add_batch_args, run_batch_build
from kit.notebook.template import DEFAULT_TEMPLATE
from kit.params.outputs import FORMATS, GROUPS, expand
from kit.params.paths import DEFAULT_OUT, DEFAULT_PARAMS


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path,
                        help="参数文件或目录（默认 params/ 下的全部参数文件）")
    parser.add_argument("--to", default="html", metavar="格式",
                        help="输出格式：html、pdf、docx（Word）、fragment（门户网站片段）、jiedu（解读：网页和 Word）、"
                             "tujie（图解：图片、SVG、PDF 和文字版），可用逗号连写，"
                             "如 html,pdf,docx,tujie（默认 html；笔记本 report.ipynb 总会保存）")
    parser.add_argument("--county", help="只生成这个县的报告")
    parser.add_argument("--unit", help="只生成这个乡镇的报告")
    parser.add_argument("--year", type=report_year, help="只生成这个年度的报告")
    parser.add_argument("--params", type=Path, default=DEFAULT_PARAMS, help="参数目录（默认 params/）")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="输出目录（默认 outputs/，报告写在 <输出目录>/<县>/<乡镇>/<年>/）")
    parser.add_argument("--template", type=Path, default=DEFAULT_TEMPLATE, help="模板笔记本")
    parser.add_argument("--timeout", type=int, default=600, help="每个单元格最长运行秒数（默认 600）")
    parser.add_argument("--chromium", help="生成 PDF 所用的 Chromium 可执行文件（默认自动查找）")
    parser.add_argument("--font", help="正文字体：仿宋、宋体、黑体、楷体，或 CSS 字体列表")
    parser.add_argument("--draft", action="store_true",
                        help="也生成尚未定稿的报告（有错误或未改写的文字），每页标注“草稿”，仅供审阅、不得发布")
    add_batch_args(parser)


def parse_formats(text: str) -> tuple[str, ...]:
    """"html,pdf" → ("html", "pdf"); raises ValueError (Chinese) for anything else."""
    wanted = expand([part.strip().lower() for part in text.split(",") if part.strip()])
    unknown = [f for f in wanted if f not in FORMATS]
    if not wanted or unknown:
        words = [f for f in FORMATS if not any(f in group[1:] for group in GROUPS.values())]
        msg = (f"未知的输出格式“{text}”。--to 可取 {'、'.join(words)}（jiedu：解读，tujie：图解），"
               "可用逗号连写，如 html,pdf,docx。")
        raise ValueError(msg)
    return tuple(f for f in FORMATS if f in wanted)


def run(args: argparse.Namespace) -> int:
    try:
        formats = parse_formats(args.to)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    plan = plan_jobs(args.paths, params_dir=args.params, out_root=args.out, county=args.county,
                     unit=args.unit, year=args.year)
    for problem in plan.problems:
        print(f"[跳过] {problem}")
    for notice in plan.notices:
        print(f"[提示] {notice}")
    if not plan.jobs:
        filters = describe_filters(args.county, args.unit, args.year)
        where = "、".join(map(str, plan.searched))
        print(f"在 {where} 中没有找到{('符合 ' + filters + ' 的') if filters else ''}参数文件，"
              "没有生成任何报告。请检查路径和筛选条件。", file=sys.stderr)
        return 2
    options = BuildOptions(formats=formats, params_dir=args.params, template=args.template,
                           out_root=args.out, timeout=args.timeout, chromium=args.chromium,
                           font_family=args.font, reuse_kernel=not args.fresh_kernels,
                           draft=args.draft)
    print(f"开始生成 {len(plan.jobs)} 份报告（{'、'.join(f.upper() for f in formats)}），"
          f"输出到 {args.out}/ ……", flush=True)
    return run_batch_build(plan, options, args)
