"""``python -m kit region <市或省> <年> [<县> ...]``: the summary above the county."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kit.cli.args import place_name, report_year
from kit.county.region_run import build_region
from kit.params.paths import DEFAULT_OUT, DEFAULT_PARAMS

HELP = "市、省汇总：各县（区）报送情况、未报和逾期的乡镇、概况和表三表四合计"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="市或省", type=place_name, help="市或省的名称，例如 长治市；与参数文件中的 city、province 一致")
    parser.add_argument("year", type=report_year, help="汇总年度，例如 2022")
    parser.add_argument("counties", metavar="县", nargs="*", type=place_name, help="要汇总的县（区）；不写时取参数目录中属于该市、省的所有县（区）")
    parser.add_argument("--params", type=Path, default=DEFAULT_PARAMS, help="参数目录（默认 params/）")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="输出目录（默认 outputs/）")
    parser.add_argument("--no-pdf", action="store_true", help="只生成 HTML，不生成 PDF")
    parser.add_argument("--docx", action="store_true", help="同时生成 Word 版 region.docx")


def run(args: argparse.Namespace) -> int:
    formats: tuple[str, ...] = ("html",) if args.no_pdf else ("html", "pdf")
    formats += ("docx",) if args.docx else ()
    result = build_region(args.name, args.year, args.params, args.out, args.counties or None, formats)
    data = result.data
    missing = sum(len(c.units_with("missing")) for c in data.counties)
    print(f"[汇总] {data.name} {data.year} 年度：{len(data.counties)} 个县（区）"
          f"（其中 {data.recomputed} 个重新核对），未报 {missing} 个乡镇。")
    print("    " + "、".join(str(p) for p in result.outputs))
    if result.pdf_error:
        print(f"    {result.pdf_error}", file=sys.stderr)
    return 0 if result.pdf_error is None else 1
