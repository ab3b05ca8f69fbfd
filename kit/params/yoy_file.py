"""Accepting 同比 sentences into a params file's ``yoy`` mapping, comments and layout kept."""

from __future__ import annotations

from pathlib import Path

from kit.base.errors import KitError
from kit.params.loader import load_params, params_from_data
from kit.params.lock import locked
from kit.params.model import ReportParams
from kit.params.writer import set_yoy, write_atomic
from kit.params.yamlsource import parse


class YoyError(KitError):
    """The 同比 sentences cannot be written; the message is Chinese and names the fix."""


def merged_yoy(params: ReportParams, proposals: dict[str, str]) -> dict[str, str]:
    """The file's sentences where it has them (the clerk's edits win), proposals elsewhere."""
    merged = {k: params.yoy.get(k) or text for k, text in proposals.items()}
    return merged | {k: v for k, v in params.yoy.items() if k not in merged}


def accept(path: Path, params: ReportParams, proposals: dict[str, str]) -> dict[str, str]:
    """Write ``proposals`` into ``path`` without overriding sentences already there; return
    the resulting ``yoy`` mapping. Raises YoyError when the file would not read back."""
    with locked(path):  # no form save between reading the file and writing it back
        return _accept(path, params, proposals)


def _accept(path: Path, params: ReportParams, proposals: dict[str, str]) -> dict[str, str]:
    merged = merged_yoy(params, proposals)
    before = sum(p.is_error for p in load_params(path)[1])
    new_text = set_yoy(path.read_text(encoding="utf-8-sig"), merged)
    doc, problems = parse(new_text, str(path)) if new_text is not None else (None, [])
    check, more = params_from_data(doc.data, str(path), doc) if doc else (None, [])
    if check is None or check.yoy != merged or sum(p.is_error for p in problems + more) > before:
        example = "\n".join(f"  {k}: {v}" for k, v in merged.items())
        msg = (f"无法安全地把同比句写入 {path}（改写后的文件读不回来）。"
               f"请手工在文件中加入 yoy: 项，例如\nyoy:\n{example}")
        raise YoyError(msg)
    write_atomic(path, new_text or "")
    return merged
