"""Which unit-years to build: from files, folders and ``--county/--unit/--year`` filters.

Planning is pure (it only lists and reads paths); the runner does the work. Each
:class:`BuildJob` names one report: ``params/<县>/<乡镇>/<年>.yaml`` → ``<out>/<县>/<乡镇>/<年>/``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kit.params.paths import (
    DEFAULT_OUT,
    DEFAULT_PARAMS,
    discover,
    path_identity,
    stray_note,
    strays,
)


@dataclass(frozen=True)
class BuildJob:
    """One report to build."""

    county: str
    unit: str
    year: int
    params_path: Path
    out_dir: Path

    @property
    def name(self) -> str:
        """How messages name it: ``襄垣县/下良镇/2021``."""
        return f"{self.county}/{self.unit}/{self.year}"

    @property
    def params_dir(self) -> Path:
        """The folder that holds ``<县>/<乡镇>/<年>.yaml`` (what the template calls params_dir)."""
        return self.params_path.parent.parent.parent


@dataclass(frozen=True)
class Plan:
    jobs: tuple[BuildJob, ...]
    problems: tuple[str, ...] = ()  # Chinese, one per path that cannot be built
    notices: tuple[str, ...] = ()  # Chinese: files passed over in the searched folders
    searched: tuple[Path, ...] = field(default_factory=tuple)


def plan_jobs(paths: Sequence[Path] = (), *, params_dir: Path = DEFAULT_PARAMS,
              out_root: Path = DEFAULT_OUT, county: str | None = None, unit: str | None = None,
              year: int | None = None) -> Plan:
    """The jobs for ``paths`` (files or folders; default ``params_dir``), filtered.

    Paths that do not exist, and files not laid out as ``<县>/<乡镇>/<年>.yaml``, become
    problems rather than jobs.
    """
    searched = tuple(paths) or (params_dir,)
    problems: list[str] = []
    existing = []
    for path in searched:
        if path.exists():
            existing.append(path)
        else:
            problems.append(f"找不到 {path}。请检查路径，或先运行 python -m kit new 创建参数文件。")
    jobs: list[BuildJob] = []
    for file in discover(existing):
        found = path_identity(file)
        if found is None or file.suffix != ".yaml":
            problems.append(f"{file} 不是 <县>/<乡镇>/<年>.yaml 形式的参数文件，已跳过。"
                            "请把它放到 params/<县>/<乡镇>/<年>.yaml。")
            continue
        file_county, file_unit, file_year = found
        if county is not None and file_county != county:
            continue
        if unit is not None and file_unit != unit:
            continue
        if year is not None and file_year != year:
            continue
        out_dir = out_root / file_county / file_unit / str(file_year)
        jobs.append(BuildJob(file_county, file_unit, file_year, file, out_dir))
    notices = tuple(stray_note(p) for p in strays(existing))
    return Plan(tuple(jobs), tuple(problems), notices=notices, searched=searched)


def describe_filters(county: str | None, unit: str | None, year: int | None) -> str:
    """The filters as a reader sees them, e.g. "县=襄垣县、年度=2021"; '' when none."""
    parts = [f"{what}={value}" for what, value in (("县", county), ("乡镇", unit), ("年度", year))
             if value is not None]
    return "、".join(parts)
