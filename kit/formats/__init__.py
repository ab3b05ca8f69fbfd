"""Format versions, chosen by report year."""

from __future__ import annotations

from kit.base.errors import KitError
from kit.formats.f2019 import FORMAT_2019
from kit.formats.f2021 import FORMAT_2021
from kit.formats.spec import ReportFormat

FORMATS: tuple[ReportFormat, ...] = (FORMAT_2019, FORMAT_2021)


class NoFormatError(KitError, ValueError):
    """The report year has no official format."""


def format_for_year(year: int) -> ReportFormat:
    """2019–2020 → the 2019 trial format; 2021 on → the 2021 format."""
    for fmt in FORMATS:
        if fmt.covers(year):
            return fmt
    msg = (f"{year} 年没有对应的年报格式：2019–2020 年度使用 2019 试行格式（国办公开办函〔2019〕60号），"
           "2021 年度起使用 2021 格式（国办公开办函〔2021〕30号）；2018 年及以前不在本工具范围内。"
           "请检查年份是否写错。")
    raise NoFormatError(msg)


__all__ = ["FORMATS", "FORMAT_2019", "FORMAT_2021", "NoFormatError", "format_for_year"]
