"""The command line: ``python -m kit check|new|build|summary``.

This is the only place where problems become exit codes: 0 when fine, 1 when
any 错误 was found or a step failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from kit.paths import DEFAULT_PARAMS, UnsafePathError, discover
from kit.problems import Problem, has_errors

Command = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, tuple[Callable[[argparse._SubParsersAction], None], Command]] = {}


def command(name: str, configure: Callable[[argparse.ArgumentParser], None], help_text: str,
            ) -> Callable[[Command], Command]:
    """Register a sub-command; other modules (build, summary) add theirs the same way."""
    def decorate(func: Command) -> Command:
        def add(sub: argparse._SubParsersAction) -> None:
            parser = sub.add_parser(name, help=help_text, description=help_text)
            configure(parser)
        COMMANDS[name] = (add, func)
        return func
    return decorate


def _check_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, help="参数文件或目录（默认 params/）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出问题，供其他工具使用")


@command("check", _check_args, "检查参数文件：格式、勾稽关系和内容要求")
def run_check(args: argparse.Namespace) -> int:
    from kit.validate import check_file

    paths = args.paths or [DEFAULT_PARAMS]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"找不到：{'、'.join(map(str, missing))}。请检查路径。", file=sys.stderr)
        return 2
    files = discover(paths)
    results: dict[str, list[Problem]] = {}
    for file in files:
        _, problems = check_file(file)
        results[str(file)] = problems
    everything = [p for probs in results.values() for p in probs]
    if args.json:
        data = {"files": {f: [p.to_dict() for p in probs] for f, probs in results.items()},
                "errors": sum(p.is_error for p in everything),
                "warnings": sum(not p.is_error for p in everything)}
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(format_report(results))
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


def _new_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("unit", help="县/乡镇，例如 襄垣县/下良镇")
    parser.add_argument("year", type=int, help="报告年度，例如 2022")
    parser.add_argument("--params", type=Path, default=DEFAULT_PARAMS, help="参数目录（默认 params/）")


@command("new", _new_args, "为新的年度创建参数文件（有上年文件时据此预填）")
def run_new(args: argparse.Namespace) -> int:
    from kit.formats import NoFormatError, format_for_year
    from kit.newyear import NewYearError, create

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


def build_parser() -> argparse.ArgumentParser:
    _load_plugins()
    parser = argparse.ArgumentParser(prog="python -m kit",
                                     description="乡镇政府信息公开工作年度报告工具")
    sub = parser.add_subparsers(dest="command", required=True, metavar="命令")
    for add, _ in COMMANDS.values():
        add(sub)
    return parser


def _load_plugins() -> None:
    """Import the modules that register further sub-commands, when they exist."""
    import importlib

    for name in ("kit.build_cli", "kit.summary_cli", "kit.yoy_cli"):
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command][1](args)
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
