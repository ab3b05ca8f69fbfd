"""The params file on disk, as the form sees it: fingerprint, backup, atomic write.

Backups: before a save replaces ``params/<县>/<乡镇>/<年>.yaml``, the file's current content
is copied to ``params/<县>/<乡镇>/.backup/<年>.<YYYYMMDD-HHMMSS>.yaml`` (the newest
:data:`KEEP` per year are kept). These names do not look like ``<年>.yaml``, so ``kit check``,
``kit build`` and discovery never pick them up.

Conflicts: the form keeps the SHA-256 of the bytes it loaded (``None`` for a file that did
not exist yet). At save time the file's current fingerprint must still be the same;
otherwise someone else changed, created or deleted it, and the save is refused.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from kit.base.atomic import file_digest
from kit.params.paths import BACKUP_DIR
from kit.params.writer import write_atomic

KEEP = 20


fingerprint = file_digest  # SHA-256 of the file's bytes, or None when there is no file


def text_fingerprint(text: str) -> str:
    """The fingerprint the file will have once ``text`` is written (UTF-8, ``\\n`` line ends)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def backup_folder(path: Path) -> Path:
    return path.parent / BACKUP_DIR


def backups(path: Path) -> list[Path]:
    """This file's backups, oldest first."""
    folder = backup_folder(path)
    if not folder.is_dir():
        return []
    found = folder.glob(f"{path.stem}.*{path.suffix}")
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name))


def make_backup(path: Path, now: datetime | None = None) -> Path | None:
    """Copy the current file into the backup folder; None when there is no file yet."""
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        return None
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = backup_folder(path) / f"{path.stem}.{stamp}{path.suffix}"
    n = 1
    while target.exists():
        n += 1
        target = target.with_name(f"{path.stem}.{stamp}-{n}{path.suffix}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    for old in backups(path)[:-KEEP]:
        old.unlink(missing_ok=True)
    return target


def write_with_backup(path: Path, text: str) -> Path | None:
    """Back the current file up, then replace it atomically; return the backup's path."""
    saved = make_backup(path)
    write_atomic(path, text)
    return saved
