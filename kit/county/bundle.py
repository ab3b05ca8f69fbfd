"""The county office's review archive: ``outputs/<县>/<年>/review.zip``.

It holds, for the year, every township's executed notebook, HTML, PDF and Word under
``outputs/<县>/<乡镇>/<年>/`` that are current (:func:`kit.export.manifest.current`: made from
the params file as it is now; a file left from an earlier build is never bundled), the roll-up (``summary.ipynb/html/pdf``) and a checks summary
(``checks.json`` for tools, ``checks.txt`` in Chinese for people) made by
:func:`kit.rules.validate.check_file` over each township's params file.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from kit import __version__
from kit.base.atomic import atomic_target, file_digest
from kit.county.rollup import CountyYear, load_county
from kit.export.manifest import current
from kit.formats import format_for_year
from kit.params.outputs import OUTPUT_NAMES
from kit.params.paths import REPO_ROOT

REPORT_FILES = tuple(OUTPUT_NAMES[k] for k in ("html", "pdf", "docx"))
NOTEBOOK, HTML, PDF, DOCX = "summary.ipynb", "summary.html", "summary.pdf", "summary.docx"
SUMMARY_FILES = (NOTEBOOK, HTML, PDF, DOCX)
TEMPLATE = REPO_ROOT / "notebooks" / "summary.ipynb"  # the roll-up's notebook (kit.county.run)
BUNDLE = "review.zip"


def summary_dir(out_root: Path, county: str, year: int) -> Path:
    return out_root / county / str(year)


def checks_data(data: CountyYear) -> dict[str, object]:
    units: dict[str, object] = {}
    for e in data.entries:
        units[e.unit] = {
            "file": str(e.path),
            "sha256": file_digest(e.path),
            "readable": e.params is not None,
            "errors": e.errors,
            "warnings": e.warnings,
            "problems": [p.to_dict() for p in e.problems],
        }
    return {"county": data.county, "year": data.year, "kit_version": __version__,
            "units": units, "missing": list(data.missing),
            "errors": sum(e.errors for e in data.entries),
            "warnings": sum(e.warnings for e in data.entries)}


def checks_text(data: CountyYear) -> str:
    name = format_for_year(data.year).report_name
    lines = [f"{data.county} {data.year} 年度{name}校验结果（kit {__version__}）", ""]
    for e in data.entries:
        if e.params is None:
            status = f"参数文件无法读取，{e.errors} 个错误"
        elif not e.problems:
            status = "通过"
        else:
            status = f"{e.errors} 个错误，{e.warnings} 个警告"
        lines.append(f"== {e.unit}（{e.path}）：{status}")
        lines += ["  " + p.format() for p in sorted(e.problems, key=lambda p: (not p.is_error, p.line or 0))]
    if data.missing:
        lines += ["", f"缺少 {data.year} 年度参数文件的乡镇：{'、'.join(data.missing)}。"]
    errors = sum(e.errors for e in data.entries)
    warnings = sum(e.warnings for e in data.entries)
    lines += ["", f"共 {len(data.entries)} 个乡镇：{errors} 个错误，{warnings} 个警告。"]
    if errors:
        lines.append("有错误的报告不能发布，请相关乡镇按提示改正后重新检查。")
    return "\n".join(lines) + "\n"


def members(data: CountyYear, out_root: Path) -> list[tuple[Path, str]]:
    """(file on disk, name in the archive) for every current output (and the notebook of a
    report that has one)."""
    found = []
    for e in data.entries:
        folder = out_root / data.county / e.unit / str(data.year)
        names = current(folder, REPORT_FILES).names
        if names and (folder / OUTPUT_NAMES["notebook"]).is_file():
            names |= {OUTPUT_NAMES["notebook"]}
        found += [(folder / n, f"{e.unit}/{n}") for n in (OUTPUT_NAMES["notebook"], *REPORT_FILES)
                  if n in names]
    folder = summary_dir(out_root, data.county, data.year)
    found += [(folder / n, n) for n in SUMMARY_FILES if (folder / n).is_file()]
    return found


def write_bundle(county: str, year: int, params_dir: Path, out_root: Path,
                 data: CountyYear | None = None) -> Path:
    """Write ``<out_root>/<县>/<年>/review.zip`` atomically; returns its path."""
    data = data or load_county(params_dir, county, year)
    target = summary_dir(out_root, county, year) / BUNDLE
    with atomic_target(target) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, name in members(data, out_root):
            archive.write(path, name)
        archive.writestr("checks.json", json.dumps(checks_data(data), ensure_ascii=False, indent=2))
        archive.writestr("checks.txt", checks_text(data))
    return target
