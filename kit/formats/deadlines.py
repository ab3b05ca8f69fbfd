"""When a report is due: a month and day of the year after the report year, by the publishing
unit's level (spec §4, 《条例》第四十九条).

县级以上人民政府部门 publish by 1月31日 and 县级以上地方人民政府 by 3月31日 (Art. 49).
Townships (乡、镇、街道) are not named there: their deadline is set locally (a county's
county.yaml), by default 1月31日.
"""

from __future__ import annotations

from datetime import date

TOWNSHIP, DEPARTMENT, GOVERNMENT = "township", "department", "government"
MonthDay = tuple[int, int]

#: the statutory or default deadline of each level, as (month, day) of the year after
DEADLINES: dict[str, MonthDay] = {TOWNSHIP: (1, 31), DEPARTMENT: (1, 31), GOVERNMENT: (3, 31)}
DEFAULT_DEADLINE = DEADLINES[TOWNSHIP]


def due_date(year: int, month_day: MonthDay = DEFAULT_DEADLINE) -> date:
    """The last day on which the report for ``year`` may be published (02-29 falls back to
    02-28 in a year that has none)."""
    month, day = month_day
    try:
        return date(year + 1, month, day)
    except ValueError:
        return date(year + 1, month, day - 1)


def level_deadline(year: int, level: str = TOWNSHIP) -> date:
    """The deadline of a report of ``level`` for ``year``, where no local setting says otherwise."""
    return due_date(year, DEADLINES.get(level, DEFAULT_DEADLINE))
