"""Problems found in a params file: what, where, how bad, and how to fix it."""

from __future__ import annotations

from dataclasses import asdict
from enum import StrEnum

from kit.base.record import Record, record
from kit.base.text import visible


class Severity(StrEnum):
    ERROR = "错误"
    WARNING = "警告"


@record
class Problem(Record):
    """One finding. ``message`` is Chinese and says how to fix it."""

    rule: str  # "R1" … "R9", "V-N5", "V-S2", or "P-…" for params-file problems
    severity: Severity
    message: str
    file: str = ""
    table: str = ""  # e.g. "表三 收到和处理政府信息公开申请情况"
    row: str = ""
    column: str = ""
    section: str = ""  # e.g. "一、总体情况（五）监督保障情况"
    field: str = ""  # params key path, e.g. "tables.applications.received.natural"
    line: int | None = None  # line in the params file, where known
    detail: str = ""  # for the command line only (commands, keys, paths): clerks see it folded

    def __post_init__(self) -> None:
        # Messages quote what users typed: control characters are shown, never sent raw.
        for name in ("message", "file", "row", "column", "section", "field", "table", "detail"):
            value = getattr(self, name)
            if value and value != visible(value):
                object.__setattr__(self, name, visible(value))

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def where(self) -> str:
        """The location as a reader finds it, in Chinese."""
        parts = []
        if self.line is not None:
            parts.append(f"第 {self.line} 行")
        if self.table:
            parts.append(self.table)
        if self.row:
            parts.append(f"行“{self.row}”")
        if self.column:
            parts.append(f"列“{self.column}”")
        if self.section:
            parts.append(self.section)
        if not (self.table or self.section) and self.field:
            parts.append(f"字段 {self.field}")
        return "，".join(parts)

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Problem:
        """The inverse of :meth:`to_dict`."""
        fields = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        fields["severity"] = Severity(fields["severity"])
        return cls(**fields)  # type: ignore[arg-type]

    def place(self) -> str:
        """The location as a clerk finds it in the form: no params keys, no file lines."""
        parts = [self.table] if self.table else []
        parts += [f"行“{self.row}”"] if self.row else []
        parts += [f"列“{self.column}”"] if self.column else []
        parts += [self.section] if self.section else []
        return "，".join(parts)

    def format(self) -> str:
        where = self.where()
        detail = f"{self.detail}" if self.detail else ""
        return f"[{self.severity.value}] {self.rule} {where + '：' if where else ''}{self.message}{detail}"


def has_errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)


def error(rule: str, message: str, **where: object) -> Problem:
    return Problem(rule, Severity.ERROR, message, **where)  # type: ignore[arg-type]


def warning(rule: str, message: str, **where: object) -> Problem:
    return Problem(rule, Severity.WARNING, message, **where)  # type: ignore[arg-type]
