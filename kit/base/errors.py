"""The one base class of every error a user can cause or fix, and the one place where any
exception becomes what a user reads.

``str(error)`` of a :class:`KitError` is a Chinese message that says what happened and how to
fix it. Every caller that shows a failure to a person (the command line, the form and the app,
a batch's table, the county's summaries) passes the exception through :func:`user_message`:
a KitError says its own message; an operating-system error says in Chinese what is in the way
(disk full, no permission, read-only, missing file); anything else is a fault of the kit and
becomes one Chinese sentence, its traceback written to the log it names — never ``str(exc)``.
"""

from __future__ import annotations

import errno
import sys
from pathlib import Path

LOG_NAME = "kit-error.log"


class KitError(Exception):
    """A failure the user can act on; the message is Chinese and names the fix."""


_OS_REASONS = {
    errno.ENOSPC: ("磁盘已满", "请清理磁盘空间后重试"),
    errno.EDQUOT: ("磁盘配额已用完", "请清理磁盘空间后重试"),
    errno.EROFS: ("该位置是只读的", "请换一个可以写入的文件夹"),
    errno.EACCES: ("没有权限", "请确认当前用户可以读写该位置（或换一个文件夹）"),
    errno.EPERM: ("操作不被允许（文件可能被锁定或设为不可修改）", "请解除锁定或换一个文件夹"),
    errno.ENOENT: ("找不到该文件或文件夹", "请检查路径是否正确"),
    errno.ENOTDIR: ("路径中有一部分是文件而不是文件夹", "请检查路径"),
    errno.EISDIR: ("这是一个文件夹", "请给出文件"),
    errno.EMFILE: ("同时打开的文件太多", "请关闭其他程序后重试"),
    errno.ENOMEM: ("内存不足", "请关闭其他程序后重试"),
}


def user_message(exc: BaseException, log_context: str = "") -> str:
    """What a user reads for ``exc``: Chinese, naming the fix; never a class name or English."""
    if isinstance(exc, KitError):
        return str(exc)
    if isinstance(exc, OSError) and exc.errno in _OS_REASONS:
        why, fix = _OS_REASONS[exc.errno]
        where = f"（{exc.filename}）" if exc.filename else ""
        return f"无法完成文件操作{where}：{why}。{fix}。"
    if isinstance(exc, MemoryError):
        return "内存不足，未能完成。请关闭其他程序后重试，或一次处理更少的文件。"
    return internal_error(exc, log_context)


def internal_error(exc: BaseException, log_context: str = "") -> str:
    """The message for a fault of the kit itself; the traceback goes to the log file it names."""
    import tempfile  # lazy: only a failing run needs them (kit check starts faster)
    import time
    import traceback

    log = Path(tempfile.gettempdir()) / LOG_NAME
    context = log_context or "python -m kit " + " ".join(sys.argv[1:])
    try:
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} {context}\n")
            traceback.print_exception(exc, file=handle)
        where = f"详细信息已写入 {log}。"
    except OSError:
        where = ""
    return (f"工具内部出错（{type(exc).__name__}），这不是您的操作造成的。{where}"
            "请把这条信息和该文件发给维护人员；其他文件未受影响。")
