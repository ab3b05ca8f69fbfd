"""Where params files live: ``params/<县>/<乡镇>/<年>.yaml``."""

from __future__ import annotations

import re
from pathlib import Path

from kit.base.errors import KitError
from kit.params.names import name_problem

#: The repository that holds this kit (notebooks/, params/ beside kit/).
REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PARAMS = Path("params")
BACKUP_DIR = ".backup"  # beside each year file: the form's backups and the save lock
DEFAULT_OUT = Path("outputs")  # built reports: <out>/<县>/<乡镇>/<年>/
YEAR_FILE = re.compile(r"^(\d{4})\.yaml$")


class UnsafePathError(KitError, ValueError):
    """A county or unit name that would leave the params folder."""


def params_path(root: Path, county: str, unit: str, year: int) -> Path:
    """The file for one unit and year, refusing names that escape ``root``."""
    for what, name in (("县", county), ("乡镇", unit)):
        why = name_problem(name)
        if why:
            msg = f"{what}名称“{name}”{why}。请使用正式名称，例如 襄垣县/下良镇。"
            raise UnsafePathError(msg)
    path = root / county / unit / f"{year}.yaml"
    if root.resolve() not in path.resolve().parents:
        msg = f"路径 {path} 不在 {root} 之内。请使用正式名称，例如 襄垣县/下良镇。"
        raise UnsafePathError(msg)
    return path


def path_identity(path: Path) -> tuple[str, str, int] | None:
    """(county, unit, year) read from a ``params/<县>/<乡镇>/<年>.yaml`` path, if it has that shape."""
    match = YEAR_FILE.match(path.name)
    if not match or len(path.parts) < 4 or path.parent.parent.parent.name != DEFAULT_PARAMS.name:
        return None
    return path.parent.parent.name, path.parent.name, int(match.group(1))


def previous_path(path: Path) -> Path | None:
    found = path_identity(path)
    if found is None:
        return None
    return path.with_name(f"{found[2] - 1}.yaml")


def _searched(path: Path) -> bool:
    """A folder to search (a folder named like a params file is taken as that file)."""
    return path.is_dir() and path.suffix != ".yaml"


def _visible(path: Path, top: Path) -> bool:
    return not any(part.startswith(".") for part in path.relative_to(top).parts)


def discover(paths: list[Path]) -> list[Path]:
    """Params files named by ``paths`` (files, or folders searched recursively), sorted.

    A folder yields its ``<年>.yaml`` files outside hidden folders (``.backup/``); a path
    given by name is kept as it is, so that reading it can say what is wrong with it."""
    found: list[Path] = []
    for path in paths:
        if _searched(path):
            found.extend(p for p in path.rglob("*.yaml")
                         if YEAR_FILE.match(p.name) and _visible(p, path) and p.is_file())
        else:
            found.append(path)
    return sorted(dict.fromkeys(found))


COUNTY_FILE = "county.yaml"  # a county's settings (kit.params.county_file), not a stray


def strays(paths: list[Path]) -> list[Path]:
    """``.yaml`` files in the searched folders that discovery passes over because their name
    is not ``<年>.yaml`` (e.g. ``2021a.yaml``, ``2021 (1).yaml``)."""
    found = [p for path in paths if _searched(path) for p in path.rglob("*.yaml")
             if (p.is_dir() or not YEAR_FILE.match(p.name)) and _visible(p, path)
             and not (p.name == COUNTY_FILE and p.is_file())]
    return sorted(dict.fromkeys(found))


def stray_note(path: Path) -> str:
    if path.is_dir():
        return f"{path} 是一个文件夹，却以 .yaml 结尾，检查和生成都不会读取它。请改名或删除这个文件夹。"
    return (f"{path} 的文件名不是“<年>.yaml”（四位年份，如 2021.yaml），检查和生成都不会读取它。"
            "如果它是参数文件，请改名；否则请把它移出参数目录。")


def resolve_params_dir(params_dir: str | Path) -> Path:
    """A relative ``params_dir`` is looked up in the current folder, then in the repository.

    papermill run from the repository root finds ``params`` in the current folder; a kernel
    started elsewhere (``--cwd``, JupyterLab in ``notebooks/``) falls back to the repository
    that holds this kit.
    """
    path = Path(params_dir).expanduser()
    if path.is_absolute() or path.is_dir():
        return path
    beside_kit = REPO_ROOT / path
    return beside_kit if beside_kit.is_dir() else path
