"""A county's settings file, ``params/<县>/county.yaml``: who must report, by when, and the
copy-detection threshold.

    # 县级设置
    townships: [甲镇, 乙乡, 丙镇]   # 应报送年报的乡镇（街道）名单
    departments: [教育局, 财政局]  # 应报送年报的县级政府部门名单
    deadline: 02-20                # 次年的发布截止日期（月-日）；不写时为 01-31
    deadlines: {2022: 2023-02-28}  # 个别年度另定的截止日期
    similarity: 0.8                # 内容雷同的提示阈值（0.5–1）

Every key is optional; without the file the units found under ``params/<县>/`` are the ones
expected. ``deadline`` and ``deadlines`` are the townships' (the county sets them; default
1月31日 of the next year, spec §4, §6.2); a department's is 1月31日 and the county government's
own report's 3月31日 by law (《条例》第四十九条, :mod:`kit.formats.levels`). A unit's level is its
params file's ``unit.kind``; a unit without a file is a department when listed under
``departments``, else a township.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kit.base.errors import KitError
from kit.base.problems import Problem, error
from kit.base.text import visible
from kit.formats.deadlines import DEFAULT_DEADLINE, due_date
from kit.formats.levels import DEPARTMENT, LEVELS, TOWNSHIP, level_of
from kit.params.names import name_problem
from kit.params.paths import COUNTY_FILE
from kit.params.yamlsource import read

DEFAULT_SIMILARITY = 0.8
MIN_SIMILARITY = 0.5  # below this, ordinary reports on the same subjects start to match
KEYS = ("townships", "departments", "deadline", "deadlines", "similarity")
_MONTH_DAY = re.compile(r"^(\d{1,2})[-月/.](\d{1,2})日?$")


class CountySettingsError(KitError):
    """county.yaml cannot be used; the message is Chinese and names the fix."""


@dataclass(frozen=True)
class CountySettings:
    county: str
    townships: tuple[str, ...] | None = None  # None: no roster, the townships found are expected
    departments: tuple[str, ...] | None = None  # the county departments that must report
    deadline: tuple[int, int] = DEFAULT_DEADLINE
    deadlines: dict[int, date] = field(default_factory=dict)
    similarity: float = DEFAULT_SIMILARITY
    source: Path | None = None

    def deadline_for(self, year: int, level: str = TOWNSHIP) -> date:
        """The last day on which a report of ``level`` for ``year`` may be published: the
        county's setting for a township, the law's for the others."""
        if not LEVELS[level].local_deadline:
            return LEVELS[level].due(year)
        if year in self.deadlines:
            return self.deadlines[year]
        return due_date(year, self.deadline)

    @property
    def has_roster(self) -> bool:
        return self.townships is not None or self.departments is not None

    def expected(self, found: list[str]) -> list[str]:
        """The units that must report: the roster (townships, then departments), or else those
        with any params file."""
        if not self.has_roster:
            return sorted(found)
        return [*(self.townships or ()), *(self.departments or ())]

    def unit_level(self, unit: str, kind: str | None = None) -> str:
        """A unit's level id: its params file's ``unit.kind`` where known, else the roster's."""
        if kind:
            return level_of(kind).id
        return DEPARTMENT if unit in (self.departments or ()) else TOWNSHIP


def settings_path(params_dir: Path, county: str) -> Path:
    return params_dir / county / COUNTY_FILE


def load_settings(params_dir: Path, county: str) -> CountySettings:
    """The county's settings (defaults when it has no county.yaml); CountySettingsError if the
    file is there but wrong."""
    path = settings_path(params_dir, county)
    if not path.is_file():
        return CountySettings(county)
    doc, problems = read(path)
    if doc is None or problems:
        first = problems[0] if problems else None
        where = f"第 {first.line} 行：" if first and first.line else ""
        raise CountySettingsError(f"县级设置文件 {path} 无法读取：{where}{first.message if first else ''}")
    data = doc.data if doc.data is not None else {}
    if not isinstance(data, dict):
        raise CountySettingsError(_bad(path, "整个文件", "应为“键: 值”形式的设置（townships、deadline 等）"))
    unknown = [str(k) for k in data if k not in KEYS]
    if unknown:
        raise CountySettingsError(_bad(path, "、".join(visible(k) for k in unknown),
                                       f"不是可用的设置项，可用的有：{'、'.join(KEYS)}"))
    townships = _names(path, "townships", data.get("townships"), "乡镇名称的列表，例如 [甲镇, 乙乡]")
    departments = _names(path, "departments", data.get("departments"), "部门名称的列表，例如 [教育局, 财政局]")
    both = sorted(set(townships or ()) & set(departments or ()))
    if both:
        raise CountySettingsError(_bad(path, "townships 和 departments", f"都列出了 {'、'.join(both)}；"
                                       "每个单位只能列在一处（乡镇列在 townships，部门列在 departments）"))
    return CountySettings(
        county, townships, departments, _month_day(path, data.get("deadline")),
        _deadlines(path, data.get("deadlines")), _similarity(path, data.get("similarity")), path)


def settings_problems(params_dir: Path, county: str) -> list[Problem]:
    """What is wrong with a county's county.yaml (nothing when it is absent or right): what
    ``kit check`` reports, since a wrong setting changes rosters and deadlines silently."""
    try:
        load_settings(params_dir, county)
    except CountySettingsError as exc:
        return [error("P-COUNTY", str(exc), file=str(settings_path(params_dir, county)))]
    return []


def _bad(path: Path, key: str, why: str) -> str:
    return f"县级设置文件 {path} 中的 {key} {why}。请改正后再试。"


def _names(path: Path, key: str, value: Any, what: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise CountySettingsError(_bad(path, key, f"应为{what}"))
    names = [v.strip() for v in value]
    for name in names:
        problem = name_problem(name)
        if problem:
            raise CountySettingsError(_bad(path, key, f"中的“{visible(name)}”{problem}"))
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise CountySettingsError(_bad(path, key, f"重复列出了 {'、'.join(repeated)}"))
    return tuple(names)


def parse_month_day(text: str) -> tuple[int, int]:
    """"02-20" / "2月20日" → (2, 20); ValueError when it is not a day of the year. 02-29 is
    allowed (a leap year's; 2月28日 in other years)."""
    match = _MONTH_DAY.match(text.strip())
    if not match:
        raise ValueError(text)
    month, day = int(match.group(1)), int(match.group(2))
    date(2024, month, day)
    return month, day


def _month_day(path: Path, value: Any) -> tuple[int, int]:
    if value is None:
        return DEFAULT_DEADLINE
    try:
        return parse_month_day(str(value))
    except ValueError:
        raise CountySettingsError(_bad(path, "deadline", f"“{visible(str(value))}”不是月-日，"
                                       "应写成次年的月和日，例如 02-20（2月20日）")) from None


def _deadlines(path: Path, value: Any) -> dict[int, date]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise CountySettingsError(_bad(path, "deadlines", "应为“年度: 日期”，例如 2022: 2023-02-28"))
    found = {}
    for year, day in value.items():
        if isinstance(year, bool) or not isinstance(year, int) or not isinstance(day, date):
            raise CountySettingsError(_bad(path, "deadlines", f"中的“{visible(str(year))}: "
                                           f"{visible(str(day))}”应写成 年度: YYYY-MM-DD，例如 2022: 2023-02-28"))
        found[year] = day
    return found


def _similarity(path: Path, value: Any) -> float:
    if value is None:
        return DEFAULT_SIMILARITY
    if isinstance(value, bool) or not isinstance(value, int | float) or not MIN_SIMILARITY <= value <= 1:
        raise CountySettingsError(_bad(path, "similarity", "应为 0.5 到 1 之间的小数，例如 0.8（80%）"))
    return float(value)
