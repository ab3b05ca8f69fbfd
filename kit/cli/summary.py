"""``python -m kit summary <县> <年>``: the county roll-up (see :mod:`kit.county.run`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kit.cli.args import place_name, report_year
from kit.cli.batch import summary_starting
from kit.county.run import build_summary, format_summary_result
from kit.params.paths import DEFAULT_OUT, DEFAULT_PARAMS

HELP = "县级汇总：各乡镇表三、表四合计，概况表，缺报乡镇，历年图表，审阅压缩包"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("county", metavar="县", type=place_name, help="县（区）名称，例如 襄垣县")
    parser.add_argument("year", type=report_year, help="汇总年度，例如 2022")
    parser.add_argument("--params", type=Path, default=DEFAULT_PARAMS, help="参数目录（默认 params/）")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="输出目录（默认 outputs/）")
    parser.add_argument("--no-pdf", action="store_true", help="只生成 HTML，不生成 PDF")
    parser.add_argument("--docx", action="store_true", help="同时生成 Word 版 summary.docx")
    parser.add_argument("--no-bundle", action="store_true", help="不生成审阅压缩包 review.zip")


def run(args: argparse.Namespace) -> int:
    formats: tuple[str, ...] = ("html",) if args.no_pdf else ("html", "pdf")
    formats += ("docx",) if args.docx else ()
    summary_starting(args.county, args.year)
    result = build_summary(args.county, args.year, args.params, args.out, formats,
                           bundle=not args.no_bundle)
    print(format_summary_result(result), file=sys.stderr if result.error else sys.stdout)
    return 0 if result.ok and not result.errors else 1
