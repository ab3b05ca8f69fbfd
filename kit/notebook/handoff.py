"""Checks handed from the build to the kernel, so each report is validated once per build.

Before running the template for a report, the build writes what it found in the params file
to ``.kit-checks.tmp.json`` in the report's folder (the kernel's working folder), keyed by
the SHA-256 of the params file and of the previous year's file. :func:`kit.notebook.report.open_report`
uses those problems when the digests still match, and validates by itself otherwise (a plain
``papermill`` run has no such file). The name matches the kit's temp-file pattern, so a file
left by a killed run is removed by the next one.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from kit import __version__
from kit.base.atomic import file_digest, write_text
from kit.base.problems import Problem
from kit.params.paths import previous_path

HANDOFF = ".kit-checks.tmp.json"


def _key(params_path: Path) -> dict[str, str | None]:
    return {"params": file_digest(params_path), "previous": file_digest(previous_path(params_path)),
            "kit": __version__}


def write_checks(folder: Path, params_path: Path, problems: list[Problem]) -> Path:
    data = {"key": _key(params_path), "problems": [p.to_dict() for p in problems]}
    return write_text(folder / HANDOFF, json.dumps(data, ensure_ascii=False))


def read_checks(folder: Path, params_path: Path) -> list[Problem] | None:
    """The problems handed over for ``params_path``; None when there are none for its
    current content (no file, another file's, or written before the file changed)."""
    try:
        data = json.loads((folder / HANDOFF).read_text(encoding="utf-8"))
        if data.get("key") != _key(params_path):
            return None
        return [Problem.from_dict(p) for p in data["problems"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def remove_checks(folder: Path) -> None:
    with contextlib.suppress(OSError):  # no folder there (a blocked output path): nothing to remove
        (folder / HANDOFF).unlink(missing_ok=True)
