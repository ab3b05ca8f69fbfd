"""Command-line parsing in Chinese: argparse's own messages, the year type, safe output.

argparse builds its messages through ``gettext`` at the moment it prints them; the kit ships no
message catalogue, so :func:`chinese` replaces the module's ``_`` with a small table of the
messages a user can meet (usage, help headings, missing or wrong arguments). Usage errors exit
with 2 and say how to see the help.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from datetime import date

from kit.base.text import visible
from kit.formats import FORMATS

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (2 ms of kit check)
if TYPE_CHECKING:
    from typing import Any, TextIO

_MESSAGES = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：命令行有误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少参数：%s",
    "unrecognized arguments: %s": "不认识的参数：%s",
    "expected one argument": "后面缺少取值",
    "expected at least one argument": "后面至少要有一个取值",
    "expected at most one argument": "后面最多只能有一个取值",
    "invalid %(type)s value: %(value)r": "取值 %(value)r 无效",
    "invalid choice: %(value)r (choose from %(choices)s)": "没有 %(value)r 这一项，可选：%(choices)s",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "one of the arguments %s is required": "需要以下参数之一：%s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "忽略了多余的取值 %r",
}


def chinese() -> None:
    """Make argparse speak Chinese in this process (idempotent)."""
    argparse._ = lambda text: _MESSAGES.get(text, text)  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors end with how to get help."""

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        hint = f"运行 {self.prog} --help 查看用法。"
        dashed = [a for a in sys.argv[1:] if a.startswith("-") and len(a) > 1 and _exists(a)]
        if dashed:  # a file named like an option ("-rf.html")
            hint = f"文件名以“-”开头时，请在前面加上 ./，写成 ./{visible(dashed[0])}。" + hint
        self.exit(2, f"{self.prog}：命令行有误：{visible(message)}。{hint}\n")


def _exists(name: str) -> bool:
    import os

    return os.path.exists(name)


def positive_int(text: str) -> int:
    """A count on the command line (--jobs): a whole number of at least 1."""
    if not (text.isascii() and text.isdigit() and int(text) >= 1):
        raise argparse.ArgumentTypeError(f"应为正整数，例如 2，现为“{visible(text)}”")
    return int(text)


def place_name(text: str) -> str:
    """A county, city, province or unit name on the command line: it becomes a folder name, so
    it may not lead out of the chosen folders (the same check as ``kit new``)."""
    from kit.params.names import name_problem  # lazy: only commands that take names need it

    problem = name_problem(text)
    if problem:
        raise argparse.ArgumentTypeError(f"名称“{visible(text)}”{problem}")
    return text


def report_year(text: str) -> int:
    """A report year on the command line: four digits, a year with an official format, not in
    the future."""
    first = min(f.first_year for f in FORMATS)
    this_year = date.today().year
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        msg = f"年度应为四位数字，例如 2022，现为“{visible(text)}”"
        raise argparse.ArgumentTypeError(msg)
    year = int(text)
    if not first <= year <= this_year:
        msg = f"年度 {year} 不在 {first}–{this_year} 年之间（{first} 年以前没有统一格式，将来的年度还不能填报）"
        raise argparse.ArgumentTypeError(msg)
    return year


class _Visible:
    """A text stream that writes control characters as visible escapes (line breaks, tabs and
    the carriage return of a progress bar pass)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write("\r".join(visible(part) for part in text.split("\r")))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def safe_output() -> Iterator[None]:
    """While the command runs, nothing it prints can move the cursor, clear the screen or set
    the terminal's title."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Visible(out), _Visible(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
