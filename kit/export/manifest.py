"""Which published files of a folder are current: a manifest owned by the publishing path.

Every publish (:func:`kit.export.document.finish`) ends by writing the folder's manifest,
``.kit-outputs/<folder>.json`` beside the folder (``outputs/<县>/<乡镇>/.kit-outputs/2021.json``
for ``outputs/<县>/<乡镇>/2021/``: the folder itself holds only the published files). It names the source the files were made from (a report: its params
file, whose digest with the previous year's file's is the *source digest*; a summary: none,
each run is new) and, for each file, that digest, whether it is a draft, and the size and
modification time it was written with.

When a document is published again, a file of it that this run did not make is kept only if
it was made from the same source digest, as the same draft or final, and is unchanged since;
anything else (an old PDF beside a new HTML, a draft beside the final, a file dropped in by
hand under an output name) is removed, so nothing stale sits beside the new files.

Readers (``index.html``, ``review.zip``, the form's links) call :func:`current`: a file is
current when the manifest lists it, it is unchanged, and its source digest is still the
params file's digest now. A params file saved again after the build makes every file of the
folder out of date (:attr:`Outputs.changed`): it is not linked or bundled until rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.base.atomic import ensure_folder, file_digest, write_text
from kit.params.paths import previous_path

MANIFESTS = ".kit-outputs"
VERSION = 1


def source_digest(params_path: Path | None) -> str:
    """What a report's content depends on: its params file and the previous year's (同比)."""
    if params_path is None:
        return uuid.uuid4().hex  # no source on disk: every run is new
    parts = (file_digest(params_path) or "-", file_digest(previous_path(params_path)) or "-")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Source:
    """What a publish is made from: a params file (None for summaries) and draft or final."""

    path: Path | None = None
    draft: bool = False


@dataclass(frozen=True)
class Outputs:
    """The files of a folder a reader may present as current, and whether others went out
    of date because the params file changed after they were made."""

    names: frozenset[str]
    changed: bool = False
    draft: bool = False


def _stamp(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def manifest_path(folder: Path) -> Path:
    return folder.parent / MANIFESTS / f"{folder.name}.json"


def read(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads(manifest_path(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("version") == VERSION else {}


def settle(folder: Path, names: Iterable[str], made: Iterable[Path], source: Source) -> str:
    """After a publish: record the files ``made`` now, keep the earlier ones made from the same
    source and unchanged, remove every other file under one of the document's ``names``.
    Returns the Chinese note on files that could not be removed ("" when none)."""
    digest = source_digest(source.path)
    old = read(folder).get("files", {})
    files: dict[str, Any] = {}
    for path in made:
        files[path.name] = {"source": digest, "draft": source.draft, "stamp": _stamp(path)}
    for name, entry in old.items() if isinstance(old, dict) else ():
        if (name not in files and isinstance(entry, dict) and entry.get("source") == digest
                and entry.get("draft") == source.draft and entry.get("stamp") == _stamp(folder / name)):
            files[name] = entry
    stale = [name for name in names if name not in files]
    data = {"version": VERSION, "source": str(source.path) if source.path else None,
            "draft": source.draft, "files": files}
    ensure_folder(manifest_path(folder).parent)
    write_text(manifest_path(folder), json.dumps(data, ensure_ascii=False, indent=1))
    return remove_files(folder, stale)


def remove_files(folder: Path, names: Iterable[str]) -> str:
    """Remove these files of ``folder`` (no earlier file may pass for a current one); what
    cannot be removed (locked, immutable, no permission) is said in the returned Chinese
    text ("" when everything went)."""
    stuck = []
    for name in names:
        path = folder / name
        try:
            if path.is_file() or path.is_symlink():
                path.unlink()
        except OSError:
            stuck.append(name)
    if not stuck:
        return ""
    return (f"另：旧的 {'、'.join(stuck)} 无法删除（文件被锁定、设为不可修改或没有权限），它已不是当前的文件，"
            f"请解除锁定后删除（位于 {folder}）。")


def current(folder: Path, names: Iterable[str] | None = None) -> Outputs:
    """The files of ``folder`` that are current (optionally only among ``names``)."""
    data = read(folder)
    files = data.get("files")
    if not isinstance(files, dict):
        return Outputs(frozenset())
    source = data.get("source")
    now = source_digest(Path(source)) if source else None
    wanted = set(names) if names is not None else None
    found, changed = set(), False
    for name, entry in files.items():
        if not isinstance(entry, dict) or (wanted is not None and name not in wanted):
            continue
        if entry.get("stamp") != _stamp(folder / name):
            continue
        if now is not None and entry.get("source") != now:
            changed = True
            continue
        found.add(name)
    return Outputs(frozenset(found), changed, bool(data.get("draft")))
