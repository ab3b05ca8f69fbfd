"""The legal time to answer an application (《条例》第三十三条): within 20 working days of the
day it was received, 20 more when the head of the organ agreed to extend it. Working days are
counted from the day after receipt, by the national calendar of holidays and 调休 workdays
(chinese-calendar); for a year the calendar does not know yet, weekends only, and the finding
says so."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

LIMIT = 20  # working days
EXTENSION = 20


@lru_cache(maxsize=8192)  # a register's dates span a few years: each day is looked up once
def _is_workday(day: date) -> tuple[bool, bool]:
    """(working day, known from the national calendar)."""
    import chinese_calendar

    try:
        return chinese_calendar.is_workday(day), True
    except NotImplementedError:  # a year the package does not cover yet
        return day.weekday() < 5, False


def due(received: date, extended: bool) -> tuple[date, bool]:
    """The last day to answer, and whether every day was known to the national calendar."""
    days = LIMIT + (EXTENSION if extended else 0)
    day, known = received, True
    while days:
        day += timedelta(days=1)
        working, sure = _is_workday(day)
        known = known and sure
        if working:
            days -= 1
    return day, known


def working_days(received: date, answered: date) -> int:
    """Working days from the day after receipt up to and including the answer."""
    count, day = 0, received
    while day < answered:
        day += timedelta(days=1)
        count += _is_workday(day)[0]
    return count
