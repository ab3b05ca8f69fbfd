"""``python -m kit new <县>/<单位> <年> [--kind 部门]``: start a year's params file (never
overwrites). The unit's kind (乡、镇、街道、片区、部门、县政府 …) is guessed from its name unless given."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kit.cli.args import report_year
from kit.formats import NoFormatError, format_for_year
from kit.formats.levels import KIND_NAMES
from kit.params.newyear import NewYearError, create
from kit.params.paths import DEFAULT_PARAMS, UnsafePathError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("unit", help="县/单位，例如 襄垣县/下良镇、襄垣县/教育局")
    parser.add_argument("year", type=report_year, help="报告年度，例如 2022")
    parser.add_argument("--kind", choices=KIND_NAMES, metavar="类型",
                        help=f"单位类型：{'、'.join(KIND_NAMES)}（默认按名称判断：××镇→镇，××局→部门）")
    parser.add_argument("--params", type=Path, default=DEFAULT_PARAMS, help="参数目录（默认 params/）")


def run(args: argparse.Namespace) -> int:
    parts = args.unit.split("/")
    if len(parts) != 2:
        print(f"“{args.unit}”应写作 县/单位，例如 襄垣县/下良镇 或 襄垣县/教育局。", file=sys.stderr)
        return 2
    try:
        format_for_year(args.year)
        path, params = create(args.params, parts[0], parts[1], args.year, args.kind)
    except (NoFormatError, NewYearError, UnsafePathError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    level = f"（类型：{params.unit.kind}，{params.unit.level.name}；如不对，请改文件中的 unit.kind）"
    print(f"已创建 {path}{level}。请填写本年度内容后运行 python -m kit check {path} 检查。")
    return 0
