"""Parsing and printing a single table cell.

Counts are integers ≥ 0 (``signed`` ones, the 2019 ``本年增/减``, may be
negative); amounts are decimals ≥ 0 with at most ``decimals`` places. A value
is printed with exactly ``decimals`` places, and 0 is printed, never a blank.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from kit.formats.spec import Column

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (2 ms of kit check)
if TYPE_CHECKING:
    from kit.formats.spec import ValueKind

Number = int | Decimal

MAX_COUNT = 1_000_000  # more than this many applications or documents is a typo
MAX_AMOUNT = Decimal(1_000_000)  # in the column's unit (万元 for fees)
_NUMERIC_TEXT = re.compile(r"^\s*[-+]?[\d,，]*\.?\d+\s*$")


def parse_cell(raw: object, kind: ValueKind, decimals: int = 0) -> tuple[Number, str | None]:
    """Return (value, None) or (0, why it is wrong — a Chinese sentence that says the fix)."""
    if raw is None:
        return 0, None
    if isinstance(raw, bool):
        return 0, "应填数字，不能填“是/否”。请填写数字，没有则填 0。"
    if isinstance(raw, str):
        if _NUMERIC_TEXT.match(raw):
            return 0, f"“{raw}”是文字而不是数字。请去掉引号和千分位逗号，直接写数字。"
        return 0, f"应填数字，现为文字“{raw}”。请填写数字，没有则填 0。"
    if isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            return 0, "数字无效。请填写一个普通数字。"
        if kind != "decimal":
            return 0, f"应填整数（件数），现为小数 {raw}。请填写整数。"
        value: Number = Decimal(repr(raw))
    elif isinstance(raw, int):
        value = raw if kind != "decimal" else Decimal(raw)
    elif isinstance(raw, Decimal):
        value = raw
    else:
        return 0, "应填数字。请填写数字，没有则填 0。"
    return _check_range(value, kind, decimals)


def parse_text(text: str, kind: ValueKind, decimals: int = 0) -> tuple[Number, str | None]:
    """Parse what a person typed into a form cell; empty means 0."""
    text = text.strip()
    if not text:
        return 0, None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return 0, f"应填数字，现为“{text}”。请填写数字，没有则填 0。"
    if not number.is_finite():
        return 0, "数字无效。请填写一个普通数字。"
    if kind != "decimal":
        if number != number.to_integral_value() or "." in text:
            return 0, f"应填整数（件数），现为“{text}”。请填写整数。"
        return _check_range(int(number), kind, decimals)
    return _check_range(number, kind, decimals)


def _short(value: Number) -> str:
    text = format(value, "f") if isinstance(value, Decimal) else str(value)
    return text if len(text) <= 20 else f"{text[:8]}…（共 {len(text)} 位）"


def _check_range(value: Number, kind: ValueKind, decimals: int) -> tuple[Number, str | None]:
    if value < 0 and kind != "signed":
        return 0, f"不能为负数（现为 {value}）。请填写 0 或正数。"
    limit: Number = MAX_AMOUNT if kind == "decimal" else MAX_COUNT
    if Decimal(value).copy_abs() > limit:
        return 0, f"数字 {_short(value)} 大得不合常理（上限 {limit}）。请核对是否多写了位数或单位用错。"
    if isinstance(value, Decimal):
        exponent = value.normalize().as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        if places > decimals:
            return 0, f"最多保留 {decimals} 位小数，现为 {value}。请四舍五入后填写。"
    return value, None


def format_cell(value: Number, column: Column) -> str:
    """The printed form: integers as is, decimals with the column's fixed places."""
    text = f"{Decimal(value):.{column.decimals}f}" if column.kind == "decimal" else str(int(value))
    return text + column.unit
