"""Incremental builds: what a report was built from, and whether it must be built again.

Each report ``<out>/<县>/<乡镇>/<年>/`` gets a small state file,
``<out>/.kit-build/<县>/<乡镇>/<年>.json`` (outside the report folder, which holds only the
published files), written atomically and last, after every output is in place. It records the status, the
check problems (for ``index.html``) and a fingerprint of the inputs: the params file, the
previous year's params file (cross-year checks read it), the template notebook, the requested
formats and export settings, and a hash of the kit's own source files, so an edited kit counts
as a change. A report is skipped when its last build succeeded with the same fingerprint and
its outputs still exist.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import kit
from kit.base.atomic import file_digest, tree_digest, write_text
from kit.batch.options import BuildOptions, settings_of
from kit.batch.plan import BuildJob
from kit.params.outputs import OUTPUT_NAMES
from kit.params.paths import previous_path

STATE_DIR = ".kit-build"
STATE_VERSION = 1
TEMP_GLOB = ".*.tmp*"  # what the kit's atomic writers name their temp files
KIT_DIR = Path(kit.__file__).resolve().parent
Fingerprint = dict[str, Any]


@lru_cache(maxsize=1)
def kit_digest() -> str:
    """SHA-256 over the kit package's source files (``.py``, templates, YAML, CSS …)."""
    return tree_digest(KIT_DIR)


def fingerprint(job: BuildJob, template: Path, formats: Iterable[str],
                settings: dict[str, object] | None = None) -> Fingerprint:
    """Everything a report's outputs depend on, as a JSON-ready dict."""
    return {
        "params": file_digest(job.params_path),
        "previous": file_digest(previous_path(job.params_path)),
        "template": file_digest(template),
        "formats": sorted(formats),
        "settings": dict(sorted((settings or {}).items())),
        "kit": kit_digest(),
    }


def expected_outputs(formats: Iterable[str]) -> list[str]:
    return [OUTPUT_NAMES["notebook"], *(OUTPUT_NAMES[f] for f in sorted(formats))]


def state_path(out_dir: Path) -> Path:
    """``<out>/.kit-build/<县>/<乡镇>/<年>.json`` for the report folder ``<out>/<县>/<乡镇>/<年>``."""
    year, unit, county = out_dir.parts[-1], out_dir.parts[-2], out_dir.parts[-3]
    return out_dir.parents[2] / STATE_DIR / county / unit / f"{year}.json"


def read_state(out_dir: Path) -> dict[str, Any] | None:
    """The state of a report folder, or None when missing or unreadable."""
    try:
        data = json.loads(state_path(out_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("version") == STATE_VERSION else None


def is_current(job: BuildJob, fp: Fingerprint, formats: Iterable[str]) -> bool:
    """True when the last build succeeded from the same inputs and its outputs are all there."""
    state = read_state(job.out_dir)
    if state is None or state.get("status") != "ok" or state.get("fingerprint") != fp:
        return False
    return all((job.out_dir / name).is_file() for name in expected_outputs(formats))


def forget(job: BuildJob) -> None:
    """Drop the state file before rebuilding, so a half-finished rebuild is never 'current'."""
    state_path(job.out_dir).unlink(missing_ok=True)


def clean_temp(out_dir: Path) -> list[Path]:
    """Remove temp files an interrupted write left for this report; returns what was removed."""
    state = state_path(out_dir)
    removed = []
    for folder, pattern in ((out_dir, TEMP_GLOB), (state.parent, f".{state.name}.*.tmp*")):
        if folder.is_dir():
            for path in folder.glob(pattern):
                if path.is_file():
                    path.unlink(missing_ok=True)
                    removed.append(path)
    return removed


def write_state(job: BuildJob, record: dict[str, Any], fp: Fingerprint) -> Path:
    """Write the state of a finished build (call it after the outputs are in place)."""
    data = {"version": STATE_VERSION, "county": job.county, "unit": job.unit, "year": job.year,
            "params_path": str(job.params_path), "finished": time.strftime("%Y-%m-%d %H:%M:%S"),
            **record, "fingerprint": fp}
    return write_text(state_path(job.out_dir), json.dumps(data, ensure_ascii=False, indent=1))


def job_fingerprint(job: BuildJob, options: BuildOptions) -> Fingerprint:
    return fingerprint(job, options.template, options.formats, settings_of(options))
