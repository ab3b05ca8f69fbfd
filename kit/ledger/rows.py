"""Reading one register row's cells: a date, a value from a drop-down list (with the nearest
allowed value when it is not one), a count; every problem a finding naming sheet and row."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from rapidfuzz import process

from kit.base.place import Place
from kit.base.problems import Problem, error, warning
from kit.ledger.dates import DateError, parse_date

EARLIEST = date(2008, 5, 1)  # the 条例 took effect: no register date is earlier


class RowReader:
    """The cells of one row of one sheet, each read once; problems collected in ``problems``."""

    def __init__(self, source: str, sheet: str, number: int, cells: dict[str, object], today: date,
                 problems: list[Problem]) -> None:
        self.source, self.sheet, self.number, self.cells = source, sheet, number, cells
        self.today, self.problems = today, problems
        self.failed = False  # an error in this row: it is left out of every figure

    def where(self, column: str, value: object = "") -> dict[str, object]:
        return {"file": self.source, "section": f"台账“{self.sheet}”第 {self.number} 行", "column": column,
                "line": self.number, "place": Place(label=f"{self.sheet}!{self.number}", key=column,
                                                    quote=str(value) if value not in (None, "") else "")}

    def fail(self, rule: str, column: str, message: str, value: object = "") -> None:
        self.failed = True
        self.problems.append(error(rule, message, **self.where(column, value)))

    def warn(self, rule: str, column: str, message: str, value: object = "", check: str = "") -> None:
        self.problems.append(warning(rule, message, check=check, **self.where(column, value)))

    def text(self, column: str) -> str:
        value = self.cells.get(column)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()

    def date(self, column: str, required: bool = False) -> date | None:
        value = self.cells.get(column)
        try:
            day = parse_date(value)
        except DateError as exc:
            self.fail("L-DATE", column, f"“{column}”{exc}。请写成 2023-01-05 这样的日期。", value)
            return None
        if day is None:
            if required:
                self.fail("L-DATE", column, f"没有填写“{column}”。请补上。")
            return None
        if day < EARLIEST or day > self.today:
            when = "早于《条例》施行（2008年5月1日）" if day < EARLIEST else "晚于今天"
            self.fail("L-DATE", column, f"“{column}”为 {day.isoformat()}，{when}，不可能。请核对。", value)
            return None
        return day

    def choice(self, column: str, allowed: dict[str, str], required: bool = False) -> str | None:
        """The id a cell names from ``allowed`` (words → id); None when blank or not allowed."""
        text = self.text(column)
        if not text:
            if required:
                self.fail("L-VALUE", column, f"没有填写“{column}”。请从下拉列表中选择。")
            return None
        key = _key(text)
        for words, found in allowed.items():
            if _key(words) == key:
                return found
        near = process.extractOne(text, list(allowed))
        hint = f"最接近的是“{near[0]}”。" if near and near[1] >= 50 else ""
        self.fail("L-VALUE", column, f"“{column}”写的是“{text}”，不是可选的值。{hint}请从下拉列表中选择。", text)
        return None

    def count(self, column: str) -> Decimal | None:
        value = self.cells.get(column)
        if value in (None, ""):
            return None
        try:
            number = Decimal(str(value).strip().replace(",", ""))
        except InvalidOperation:
            self.fail("L-VALUE", column, f"“{column}”写的是“{value}”，不是数字。请填写数字。", value)
            return None
        if number < 0:
            self.fail("L-VALUE", column, f"“{column}”为 {number}，不能为负数。请改正。", value)
            return None
        return number


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).replace("(", "（").replace(")", "）")
