"""``python -m kit new <县>/<乡镇> <年>``: start a year's params file (never overwrites)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kit.cli.args import report_year
from kit.formats import NoFormatError, format_for_year
from kit.params.newyear import NewYearError, create
from kit.params.paths import DEFAULT_PARAMS, UnsafePathError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("unit", help="县/乡镇，例如 襄垣县/下良镇")
    parser.add_argument("year", type=report_year, help="报告年度，例如 2022")
    parser.add_argument("--params", type=Path, default=DEFAULT_PARAMS, help="参数目录（默认 params/）")


def run(args: argparse.Namespace) -> int:
    parts = args.unit.split("/")
    if len(parts) != 2:
        print(f"“{args.unit}”应写作 县/乡镇，例如 襄垣县/下良镇。", file=sys.stderr)
        return 2
    try:
        format_for_year(args.year)
        path = create(args.params, parts[0], parts[1], args.year)
    except (NoFormatError, NewYearError, UnsafePathError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"已创建 {path}。请填写本年度内容后运行 python -m kit check {path} 检查。")
    return 0
