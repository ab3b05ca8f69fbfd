"""``outputs/index.html``: every report under the output folder, its status, checks and files.

Built from what is on disk, not from one run: each report's state file
(``.kit-build/<县>/<乡镇>/<年>.json``) gives its last status and check problems, so reports
built earlier keep their place. The page (template ``index.html.j2``) is one self-contained
file (inline CSS, no scripts, no web fonts) with relative links, so the whole ``outputs/``
folder can be copied or zipped and still works. Written atomically.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

from kit.base.atomic import write_text
from kit.base.errors import KitError
from kit.batch.incremental import STATE_DIR, read_state
from kit.batch.status import label
from kit.county.figures import load_figures
from kit.county.roster import CSS as CSS_OF
from kit.export.manifest import current
from kit.formats.common import REPORT_NAME
from kit.params.outputs import LABELS, NOTEBOOK, OUTPUT_NAMES
from kit.render.jinja import render

INDEX = "index.html"
CSS = {"ok": "ok", "partial": "warn", "failed": "bad", "invalid": "bad", "draft": "warn"}
UNRECORDED = "未记录"
LINKS = tuple((k, v) for k, v in LABELS.items() if k != "notebook")  # readers get no notebook
CHANGED = "参数已修改，待重新生成"
ROLLUP_FILES = (("summary.html", "汇总 HTML"), ("summary.pdf", "汇总 PDF"), ("summary.docx", "汇总 Word"),
                ("review.zip", "审阅包"))
_YEAR = re.compile(r"^\d{4}$")


def report_folders(out_root: Path) -> list[Path]:
    """``<县>/<乡镇>/<年>/`` folders that hold a report output or have a state file."""
    found = set()
    for folder in out_root.glob("*/*/*"):
        if (not folder.parts[-3].startswith(".") and _YEAR.match(folder.name) and folder.is_dir()
                and any((folder / name).is_file() for name in OUTPUT_NAMES.values())):
            found.add(folder)
    for state in (out_root / STATE_DIR).glob("*/*/*.json"):
        if _YEAR.match(state.stem):
            found.add(out_root / state.parent.parent.name / state.parent.name / state.stem)
    return sorted(found)


def rollups(out_root: Path) -> dict[str, list[tuple[str, list[tuple[str, str]]]]]:
    """County → [(year, [(href, label)])] for the roll-ups in ``<县>/<年>/``."""
    found: dict[str, list[tuple[str, list[tuple[str, str]]]]] = {}
    for folder in sorted(out_root.glob("*/*")):
        if folder.parts[-2].startswith(".") or not _YEAR.match(folder.name):
            continue
        rel = folder.relative_to(out_root).as_posix()
        links = [(quote(f"{rel}/{name}"), text) for name, text in ROLLUP_FILES
                 if (folder / name).is_file()]
        if links:
            found.setdefault(folder.parts[-2], []).append((folder.name, links))
    return found


def write_index(out_root: Path, params_dir: Path | None = None) -> Path:
    """Write ``<out_root>/index.html`` and return its path; with ``params_dir``, each county-year
    shown also gets its roster (未报 / 草稿 / 有错误 / 已发布 / 逾期, :mod:`kit.county.roster`)."""
    rows = [entry(out_root, folder) for folder in report_folders(out_root)]
    standings = rosters(params_dir, rows, out_root) if params_dir is not None else {}
    return write_text(out_root / INDEX, render_index(rows, rollups(out_root), standings))


def rosters(params_dir: Path, rows: list[dict[str, Any]], out_root: Path,
            ) -> dict[str, list[tuple[str, list[dict[str, str]]]]]:
    """County → [(year, [{unit, label, css, detail}])] for every county-year with a report shown.

    The statuses come from figures kept in ``.kit-build/<县>/<年>.figures.json``
    (:mod:`kit.county.figures`): a county whose files did not change is not checked again."""
    found: dict[str, list[tuple[str, list[dict[str, str]]]]] = {}
    for county, year in sorted({(r["county"], r["year"]) for r in rows}):
        try:
            kept = out_root / STATE_DIR / county / f"{year}.figures.json"
            figures, _ = load_figures(params_dir, county, int(year), path=kept)
        except KitError:  # no params for it any more, or a bad county.yaml: no roster
            continue
        found.setdefault(county, []).append(
            (year, [{**s, "css": CSS_OF[s["status"]]} for s in figures.statuses]))
    return found


def entry(out_root: Path, folder: Path) -> dict[str, Any]:
    """One report's row: where it is, its last recorded status and problems, its current files
    (:func:`kit.export.manifest.current`: none when the params file changed since the build)."""
    state = read_state(folder) or {}
    rel = folder.relative_to(out_root)
    status = str(state.get("status"))
    files = current(folder)
    errors, warnings = int(state.get("errors", 0)), int(state.get("warnings", 0))
    problems = state.get("problems")
    counts = "，".join(t for t in (f"错误 {errors}" if errors else "",
                                   f"警告 {warnings}" if warnings else "") if t)
    return {
        "county": rel.parts[0], "unit": rel.parts[1], "year": rel.parts[2],
        "label": CHANGED if files.changed else label(status) if status in CSS else UNRECORDED,
        "css": "warn" if files.changed else CSS.get(status, "warn"),
        "problems": None if problems is None else [str(p.get("text", "")) for p in problems],
        "errors": errors, "counts": counts,
        "links": [(quote(f"{rel.as_posix()}/{OUTPUT_NAMES[key]}"), text) for key, text in LINKS
                  if OUTPUT_NAMES[key] in files.names]
                 + ([(quote(f"{rel.as_posix()}/{NOTEBOOK}"), "出错的笔记本")]
                    if status == "failed" and (folder / NOTEBOOK).is_file() else []),
        "recorded": bool(state), "failed_cell": state.get("failed_cell"),
        "error": state.get("error"), "finished": state.get("finished", ""),
        "seconds": float(state.get("seconds", 0)),
    }


def render_index(rows: list[dict[str, Any]],
                 county_rollups: dict[str, list[tuple[str, list[tuple[str, str]]]]] | None = None,
                 standings: dict[str, list[tuple[str, list[dict[str, str]]]]] | None = None) -> str:
    county_rollups, standings = county_rollups or {}, standings or {}
    counts = Counter(r["label"] for r in rows)
    counties = [{"name": county, "rollups": county_rollups.get(county, []),
                 "rosters": standings.get(county, []),
                 "rows": [r for r in rows if r["county"] == county]}
                for county in sorted({r["county"] for r in rows} | set(county_rollups))]
    return render("index.html.j2", rows=rows, counties=counties, report_name=REPORT_NAME,
                  summary="，".join(f"{text} {n} 份" for text, n in counts.most_common()),
                  updated=time.strftime("%Y-%m-%d %H:%M:%S"))
