"""The command line: ``python -m kit check|new|build|summary|yoy``.

This is the only place where problems become exit codes: 0 when fine, 1 when any 错误 was
found or a step failed, 2 for a usage error, 130 when interrupted. Each sub-command is a
module of this package with ``configure(parser)`` and ``run(args) -> int``; only the module of
the command being run is imported, so ``kit check`` starts without loading pandas, nbformat
or matplotlib.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module

from kit.base.errors import KitError
from kit.formats.common import REPORT_NAME

#: command → (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("kit.cli.check", "检查参数文件：格式、勾稽关系和内容要求"),
    "new": ("kit.cli.new", "为新的年度创建参数文件（有上年文件时据此预填）"),
    "build": ("kit.cli.build", "生成报告：运行模板笔记本，导出 HTML（和 PDF）"),
    "summary": ("kit.cli.summary", "县级汇总：各乡镇表三、表四合计，概况表，缺报乡镇，历年图表，审阅压缩包"),
    "yoy": ("kit.cli.yoy", "生成与上年比较的同比句（一（一）主动公开、一（二）收到申请），可写入参数文件"),
}


def build_parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """The parser; only ``chosen``'s arguments are configured (its module is imported)."""
    parser = argparse.ArgumentParser(prog="python -m kit", description=f"乡镇{REPORT_NAME}工具")
    sub = parser.add_subparsers(dest="command", required=True, metavar="命令")
    for name, (module, help_text) in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text)
        if name == chosen:
            import_module(module).configure(command)  # lazy: only the command being run
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    chosen = next((a for a in argv if not a.startswith("-")), None)
    args = build_parser(chosen if chosen in COMMANDS else None).parse_args(argv)
    run = import_module(COMMANDS[args.command][0]).run
    try:
        return run(args)
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except KitError as exc:
        print(str(exc), file=sys.stderr)
        return 1
