"""``python -m kit check [路径 ...] [--json]``: every problem of the params files, by file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kit.base.problems import Problem, has_errors
from kit.params.county_file import settings_path, settings_problems
from kit.params.paths import DEFAULT_PARAMS, discover, stray_note, strays
from kit.rules.validate import check_file


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, help="参数文件或目录（默认 params/）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出问题，供其他工具使用")


def run(args: argparse.Namespace) -> int:
    paths = args.paths or [DEFAULT_PARAMS]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"找不到：{'、'.join(map(str, missing))}。请检查路径。", file=sys.stderr)
        return 2
    files = discover(paths)
    if not files:
        print(f"在 {'、'.join(map(str, paths))} 中没有找到参数文件（应为 <县>/<乡镇>/<年>.yaml，"
              "如 params/襄垣县/下良镇/2021.yaml）。请检查路径。", file=sys.stderr)
        return 2
    results: dict[str, list[Problem]] = {}
    for county_dir in dict.fromkeys(f.parent.parent for f in files):  # each county's settings once
        found = settings_problems(county_dir.parent, county_dir.name)
        if found:
            results[str(settings_path(county_dir.parent, county_dir.name))] = found
    for file in files:
        _, problems = check_file(file)
        results[str(file)] = problems
    everything = [p for probs in results.values() for p in probs]
    if args.json:
        import json  # lazy: only --json needs it

        data = {"files": {f: [p.to_dict() for p in probs] for f, probs in results.items()},
                "errors": sum(p.is_error for p in everything),
                "warnings": sum(not p.is_error for p in everything)}
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(format_report(results))
        for stray in strays(paths):
            print(f"[提示] {stray_note(stray)}")
    return 1 if has_errors(everything) else 0


def format_report(results: dict[str, list[Problem]]) -> str:
    lines = []
    for file, problems in results.items():
        errors = sum(p.is_error for p in problems)
        status = "通过" if not problems else f"{errors} 个错误，{len(problems) - errors} 个警告"
        lines.append(f"== {file}：{status}")
        for problem in sorted(problems, key=lambda p: (not p.is_error, p.line or 0)):
            lines.append("  " + problem.format())
    total = [p for probs in results.values() for p in probs]
    errors = sum(p.is_error for p in total)
    lines.append(f"共检查 {len(results)} 个文件：{errors} 个错误，{len(total) - errors} 个警告。")
    if errors:
        lines.append("有错误的报告不能发布，请按提示改正后重新检查。")
    return "\n".join(lines)
