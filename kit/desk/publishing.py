"""发布 from the desk: the files of exactly one approved version, into a folder of their own.

A version is built from its stored text (never from the draft in the params folder), with the
unit's published report of the year before for the year-on-year rules, through the same
pipeline as ``kit build`` (:func:`kit.batch.runner.build_one`). Its files go to
``<outputs>/<县>/<单位>/<年>/v<N>/`` and are never written again: a correction is a new version,
published into its own folder, and the earlier one stays as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kit.batch.options import BuildOptions
from kit.batch.plan import BuildJob
from kit.batch.runner import build_one
from kit.desk.accounts import Who
from kit.desk.database import DeskError
from kit.desk.records import NotAllowed
from kit.desk.service import Desk
from kit.desk.states import APPROVED
from kit.params.outputs import expand
from kit.params.paths import params_path

FORMATS = ("html", "pdf", "docx", "fragment", *expand(["jiedu", "tujie"]))


@dataclass(frozen=True)
class Published:
    version: int
    folder: Path
    files: tuple[Path, ...]


def version_folder(out_root: Path, county: str, unit: str, year: int, version: int) -> Path:
    return out_root / county / unit / str(year) / f"v{version}"


def publish(desk: Desk, who: Who, county: str, unit: str, year: int, version: int) -> Published:
    """Build and publish one approved version; DeskError (Chinese) when it cannot be."""
    if not who.may_review(county):
        raise NotAllowed("只有本县的审核人可以发布。")
    status = desk.status(who, county, unit, year)
    if status.state != APPROVED or status.version != version:
        raise DeskError(f"只能发布已通过的当前版本（现在是第 {status.version} 版，“{status.label}”）。")
    folder = version_folder(desk.out_root, county, unit, year, version)
    try:
        folder.mkdir(parents=True)  # the folder is the claim: a second publisher stops here
    except FileExistsError:
        raise DeskError(f"第 {version} 版已经发布过或正在发布，发布的文件不会改写。") from None
    try:
        files = _build(desk, who, county, unit, year, version, folder)
        desk.mark_published(who, county, unit, year, version, str(folder.relative_to(desk.out_root)))
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return Published(version, folder, files)


def _build(desk: Desk, who: Who, county: str, unit: str, year: int, version: int, folder: Path,
           ) -> tuple[Path, ...]:
    with tempfile.TemporaryDirectory(prefix="kit-desk-") as tmp:
        params = Path(tmp) / "params"
        path = params_path(params, county, unit, year)
        path.parent.mkdir(parents=True)
        path.write_text(desk.version_text(who, county, unit, year, version), encoding="utf-8")
        before = desk.published_text(county, unit, year - 1)
        if before is not None:
            params_path(params, county, unit, year - 1).write_text(before, encoding="utf-8")
        options = BuildOptions(formats=FORMATS, params_dir=params, out_root=desk.out_root)
        result = build_one(BuildJob(county, unit, year, path, folder), options)
    if not result.ok:
        raise DeskError(f"发布未完成：{result.error or result.status}")
    return result.outputs
