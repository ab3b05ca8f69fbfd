"""Atomic file writes: a temporary file in the target's folder, then a rename.

A reader (or a crash, Ctrl-C or killed worker) never sees a half-written file:
either the old file or the complete new one. Temporary files start with "."
and end in ".tmp…" so a later run can tell them from outputs.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from kit.base.errors import KitError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class WriteError(KitError):
    """A file could not be written where it belongs (Chinese message: where, why, what to do)."""


def write_error(path: Path, exc: OSError) -> WriteError:
    """The Chinese message for a failed write of ``path``: what is in the way and the fix."""
    if isinstance(exc, IsADirectoryError) or path.is_dir():
        why, fix = f"已有一个同名的文件夹 {path}", "请删除或改名这个文件夹"
    elif isinstance(exc, (NotADirectoryError, FileExistsError)):
        blocker = next((p for p in (path, *path.parents) if p.exists() and not p.is_dir()),
                       path.parent)
        why, fix = f"{blocker} 是一个文件，而这里需要一个文件夹", "请删除或改名这个文件"
    elif isinstance(exc, PermissionError):
        why, fix = "没有写入权限", f"请确认当前用户可以写入 {path.parent}（或换一个输出目录）"
    elif exc.errno == errno.ENOSPC:
        why, fix = "磁盘已满", "请清理磁盘空间"
    else:
        why, fix = exc.strerror or type(exc).__name__, "请检查该位置是否可写"
    return WriteError(f"无法写入 {path}：{why}。{fix}，然后重新运行。原有文件未被改动。")


def ensure_folder(path: Path) -> Path:
    """Create the folder ``path`` (and its parents); WriteError when a file is in the way."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(path, exc) from exc
    return path


@contextlib.contextmanager
def atomic_target(path: Path, suffix: str = "") -> Iterator[Path]:
    """Yield a temporary path next to ``path``; on success it replaces ``path``.

    The file gets ordinary permissions (0666 less the umask), not mkstemp's 0600.
    On any exception the temporary file is removed and ``path`` is untouched; a failure to
    create or replace the file raises :class:`WriteError`.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=f".tmp{suffix}",
                                    dir=path.parent)
    except OSError as exc:
        raise write_error(path, exc) from exc
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())
        try:
            os.replace(tmp, path)
        except OSError as exc:
            raise write_error(path, exc) from exc
    finally:
        tmp.unlink(missing_ok=True)


def file_digest(path: Path | None) -> str | None:
    """SHA-256 of a file's bytes; None when there is no such file (or it cannot be read:
    whoever reads it next says why)."""
    if path is None:
        return None
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def tree_digest(folder: Path) -> str:
    """SHA-256 over a folder's files (names and contents), skipping Python caches."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(str(path.relative_to(folder)).encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def write_bytes(path: Path, data: bytes) -> Path:
    """``data`` into ``path`` atomically; WriteError (Chinese: what is in the way) on failure,
    a full disk half-way through the write included (the old file is then left as it was)."""
    try:
        with atomic_target(path) as tmp, tmp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except WriteError:
        raise
    except OSError as exc:
        raise write_error(path, exc) from exc
    return path


def write_text(path: Path, text: str) -> Path:
    return write_bytes(path, text.encode("utf-8"))
