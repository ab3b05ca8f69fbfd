"""The command line: ``python -m kit app|check|new|build|summary|yoy|…``.

This is the only place where problems become exit codes: 0 when fine, 1 when any 错误 was
found or a step failed, 2 for a usage error, 130 when interrupted. Each sub-command is a
module of this package with ``configure(parser)`` and ``run(args) -> int``; only the module of
the command being run is imported, so ``kit check`` starts without loading pandas, nbformat
or matplotlib.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from importlib import import_module

from kit.base.errors import KitError, user_message
from kit.cli.args import Parser, chinese, safe_output
from kit.formats.common import REPORT_NAME

#: command → (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "app": ("kit.cli.app", "打开填写表单（在浏览器中填写、检查、生成报告，不需要写代码）"),
    "check": ("kit.cli.check", "检查参数文件：格式、勾稽关系和内容要求"),
    "new": ("kit.cli.new", "为新的年度创建参数文件（有上年文件时据此预填）"),
    "build": ("kit.cli.build", "生成报告：运行模板笔记本，导出 HTML（和 PDF）"),
    "summary": ("kit.cli.summary", "县级汇总：各乡镇表三、表四合计，概况表，缺报乡镇，历年图表，审阅压缩包"),
    "lint": ("kit.cli.lint", "检查已发布的年报（网页、Word、PDF、文本）：格式、表格、勾稽关系、年份、发布日期"),
    "import": ("kit.cli.importing", "从已发布的年报生成参数文件（读不出的格子列出且不写入）"),
    "region": ("kit.cli.region", "市、省汇总：各县（区）报送情况、未报和逾期的乡镇、表三表四合计"),
    "similar": ("kit.cli.similar", "内容雷同检查：各乡镇报告之间、与各自上年报告之间正文相似度过高的"),
    "serve": ("kit.cli.serve", "县里的报送审核服务器：乡镇、部门在线填写和报送，县政务公开办审核、退回、发布"),
    "users": ("kit.cli.users", "为一个县建立报送审核账号（县审核人和每个单位的填报人），初始密码写入 .xlsx"),
    "audit": ("kit.cli.audit", "年报专栏自查：抓取门户网站的年报专栏（或保存的网页），逐单位逐年检查并按扣分规则列出"),
    "ledger": ("kit.cli.ledger", "台账：生成空白台账（.xlsx），由台账计算表二、表三、表四和主动公开条数并写入参数文件"),
    "yoy": ("kit.cli.yoy", "生成与上年比较的同比句（一（一）主动公开、一（二）收到申请），可写入参数文件"),
}


def build_parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """The parser; with a known ``chosen`` command only its sub-parser (its module is
    imported), else every command's (for the overview and the "invalid choice" message)."""
    chinese()
    parser = Parser(prog="python -m kit", description=f"乡镇{REPORT_NAME}工具")
    # prog given: argparse would otherwise build a help formatter, which imports shutil and
    # with it zlib, bz2 and lzma (2 ms of every start)
    sub = parser.add_subparsers(dest="command", required=True, metavar="命令", prog=parser.prog)
    for name, (module, help_text) in COMMANDS.items():
        if chosen in COMMANDS and name != chosen:
            continue  # a known command: the other nine parsers would only cost start-up time
        command = sub.add_parser(name, help=help_text, description=help_text)
        if name == chosen:
            import_module(module).configure(command)  # lazy: only the command being run
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _chinese_streams()
    with safe_output():
        chosen = next((a for a in argv if not a.startswith("-")), None)
        try:
            args = build_parser(chosen if chosen in COMMANDS else None).parse_args(argv)
        except SystemExit as exc:  # --help (0) or a usage error (2), already printed
            return int(exc.code or 0)
        run = import_module(COMMANDS[args.command][0]).run
        gc.enable()  # off while the modules load (kit/__main__.py)
        try:
            return run(args)
        except KeyboardInterrupt:
            print("已中断。", file=sys.stderr)
            return 130
        except KitError as exc:
            print(str(exc), file=sys.stderr)
            return 1
        except BrokenPipeError:  # the reader went away (e.g. piped into head): nothing to say
            return 1
        except Exception as exc:  # a fault of the kit itself: a short report, not a traceback
            print(user_message(exc), file=sys.stderr)
            return 1


def _chinese_streams() -> None:
    """Output that cannot carry Chinese (PYTHONIOENCODING=ascii, a C locale) is written as UTF-8
    instead of failing: every message of the kit is Chinese."""
    for stream in (sys.stdout, sys.stderr):
        try:
            "中".encode(stream.encoding or "ascii")
        except (LookupError, UnicodeEncodeError):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(encoding="utf-8", errors="replace")
