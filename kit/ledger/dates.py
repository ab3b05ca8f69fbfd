"""Dates as clerks type them in a register: Excel dates, "2023-01-05", "2023.1.5",
"2023/01/05", "2023年1月5日", "20230105", full-width digits, a date with a time."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

_PARTS = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_PACKED = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
EXCEL_EPOCH = date(1899, 12, 30)  # Excel's serial day 0 (with its 1900 leap-year bug folded in)


class DateError(ValueError):
    """Not a date; the message (Chinese) says what was written."""


def parse_date(value: object) -> date | None:
    """The date ``value`` holds (None for an empty cell); DateError when it holds none."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise DateError(f"“{value}”不是日期")
    if isinstance(value, int | float):  # a cell formatted as a number: Excel's serial day
        if 20000 <= value <= 80000:  # 1954–2119
            return date.fromordinal(EXCEL_EPOCH.toordinal() + int(value))
        raise DateError(f"“{value}”不是日期")
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    match = _PARTS.match(text) or _PACKED.match(text)
    if match is None:
        raise DateError(f"“{text}”不是日期")
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise DateError(f"“{text}”不是存在的日期") from None
