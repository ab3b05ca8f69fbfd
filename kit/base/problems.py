"""Problems found in a report: rule, structured place, values, and the Chinese words.

A :class:`Problem` is data: the rule that found it, its :class:`~kit.base.place.Place` (ids of
the format, a params key, or a printed label — never words to be parsed), the values involved,
and its severity. Its :attr:`~Problem.fingerprint` (rule + check + place) is how a reviewer's
decision on it survives edits elsewhere and resubmissions. The Chinese message and the words of
the place (``table``, ``row``, ``column``, ``section``) are what readers see; they are rendered
from the place when the problem is made (:mod:`kit.formats.places`) and shown at the edges.
"""

from __future__ import annotations

from dataclasses import asdict
from decimal import Decimal
from enum import StrEnum

from kit.base.place import NOWHERE, Place
from kit.base.record import Record, record
from kit.base.text import visible

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (kit check's start-up)
if TYPE_CHECKING:
    from typing import Any

Value = str | int | float | Decimal | None


class Severity(StrEnum):
    ERROR = "错误"
    WARNING = "警告"


_WORDS = ("message", "file", "row", "column", "section", "table", "detail")


@record
class Problem(Record):
    """One finding. ``message`` is Chinese and says how to fix it."""

    rule: str  # "R1" … "R9", "V-N5", "V-S2", or "P-…" for params-file problems
    severity: Severity
    message: str
    file: str = ""
    table: str = ""  # words of the place, e.g. "表三 收到和处理政府信息公开申请情况"
    row: str = ""
    column: str = ""
    section: str = ""  # e.g. "一、总体情况（五）监督保障情况"
    line: int | None = None  # line in the params file, where known (not part of the identity)
    detail: str = ""  # for the command line only (commands, keys, paths): clerks see it folded
    place: Place = NOWHERE  # the spot as ids: what code reads
    values: tuple[tuple[str, Value], ...] = ()  # the values involved, by name
    check: str = ""  # which check of the rule, where one rule checks one place several ways

    def __post_init__(self) -> None:
        # Messages quote what users typed: control characters are shown, never sent raw.
        for name in _WORDS:
            value = getattr(self, name)
            if value and value != visible(value):
                object.__setattr__(self, name, visible(value))

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def field(self) -> str:
        """The params key path the problem is about ("" when none)."""
        return self.place.key

    @property
    def fingerprint(self) -> str:
        """A stable id: the same finding at the same place has it in every version of a report."""
        from hashlib import sha256  # lazy: kit check does not print fingerprints

        raw = "\x1f".join((self.rule, self.check, *self.place.identity()))
        return sha256(raw.encode("utf-8")).hexdigest()[:16]

    def where(self) -> str:
        """The location as a reader finds it, in Chinese."""
        parts = [f"第 {self.line} 行"] if self.line is not None else []
        parts += self._words()
        if not (self.table or self.section) and self.field:
            parts.append(f"字段 {self.field}")
        return "，".join(parts)

    def clerk_where(self) -> str:
        """The location as a clerk finds it in the form: no params keys, no file lines."""
        return "，".join(self._words())

    def _words(self) -> list[str]:
        parts = [self.table] if self.table else []
        parts += [f"行“{self.row}”"] if self.row else []
        parts += [f"列“{self.column}”"] if self.column else []
        return parts + ([self.section] if self.section else [])

    def to_dict(self) -> dict[str, object]:
        """JSON-ready: the words, ``place`` as an object, ``values`` and the ``fingerprint``."""
        data = {k: v for k, v in asdict(self).items() if k not in ("place", "values")}
        data["severity"] = self.severity.value
        data["field"] = self.field
        data["place"] = self.place.to_dict()
        data["values"] = {k: _json_value(v) for k, v in self.values}
        data["fingerprint"] = self.fingerprint
        return data

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Problem:
        """The inverse of :meth:`to_dict`."""
        names = set(cls.__dataclass_fields__) - {"place", "values"}
        kwargs: dict[str, Any] = {k: v for k, v in data.items() if k in names}
        kwargs["severity"] = Severity(str(kwargs["severity"]))
        kwargs["place"] = Place.from_dict(data.get("place"))
        raw = data.get("values")
        kwargs["values"] = tuple(raw.items()) if isinstance(raw, dict) else ()
        return cls(**kwargs)

    def format(self) -> str:
        where = self.where()
        return f"[{self.severity.value}] {self.rule} {where + '：' if where else ''}{self.message}{self.detail}"


def _json_value(value: Value) -> Value:
    return str(value) if isinstance(value, Decimal) else value


def has_errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)


def error(rule: str, message: str, **where: Any) -> Problem:
    """An error; ``where``: the place's words and ids (:mod:`kit.formats.places`), values, check."""
    return Problem(rule, Severity.ERROR, message, **where)


def warning(rule: str, message: str, **where: Any) -> Problem:
    return Problem(rule, Severity.WARNING, message, **where)
