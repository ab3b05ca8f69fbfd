"""When a report is due: a month and day of the year after the report year, by the publishing
unit's level (spec §4, 《条例》第四十九条; each level's in :mod:`kit.formats.levels`).

县级以上人民政府部门 publish by 1月31日 and 县级以上地方人民政府 by 3月31日 (Art. 49).
Townships (乡、镇、街道) are not named there: their deadline is set locally (a county's
county.yaml), by default 1月31日.
"""

from __future__ import annotations

from datetime import date

MonthDay = tuple[int, int]

DEFAULT_DEADLINE: MonthDay = (1, 31)  # a township's, where its county sets none


def due_date(year: int, month_day: MonthDay = DEFAULT_DEADLINE) -> date:
    """The last day on which the report for ``year`` may be published (02-29 falls back to
    02-28 in a year that has none)."""
    month, day = month_day
    try:
        return date(year + 1, month, day)
    except ValueError:
        return date(year + 1, month, day - 1)
