"""One writer at a time per params file: a file lock around every check-then-write.

The form compares the file with what it loaded and then writes; ``kit yoy --accept`` reads
and rewrites. Each holds :func:`locked` for the whole step, so two saves of the same file
(two browser tabs, the form and the command line) cannot interleave and lose a version.
The lock file is ``.backup/<年>.yaml.lock`` beside the params file (the folder the form's
backups use), so params folders stay clean and a crashed holder releases it (``filelock``
uses the operating system's lock, which dies with the process).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from kit.base.atomic import ensure_folder, write_error
from kit.base.errors import KitError
from kit.params.paths import BACKUP_DIR

WAIT = 10.0  # seconds to wait for another save of the same file to finish


class FileBusy(KitError):
    """Another save of the same file did not finish in time (Chinese message)."""


def lock_path(path: Path) -> Path:
    return path.parent / BACKUP_DIR / f"{path.name}.lock"


@contextlib.contextmanager
def locked(path: Path, wait: float = WAIT) -> Iterator[None]:
    """Hold the lock of ``path``; FileBusy after ``wait`` seconds, WriteError when the folder
    cannot hold a lock file (read-only, or a file in the way)."""
    target = lock_path(path)
    ensure_folder(target.parent)
    lock = FileLock(target, timeout=wait)
    try:
        lock.acquire()
    except Timeout as exc:
        msg = (f"{path} 正在被另一处保存（另一个窗口或命令），{wait:.0f} 秒内没有完成。"
               "请稍候再试；如果确定没有别处在保存，请关闭其他打开这个文件的窗口后重试。")
        raise FileBusy(msg) from exc
    except OSError as exc:
        raise write_error(target, exc) from exc
    try:
        yield
    finally:
        lock.release()
