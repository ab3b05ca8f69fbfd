"""The official report format as data: sections, tables, rows, columns and layout.

A :class:`ReportFormat` is a frozen description of one version of the
国办 annual-report format. Everything else in the kit (loading params, the
validator, table builders, forms, exports) reads it; no label is typed twice.

Two views of every table are kept side by side:

* the *data model*: rows × columns of cells, each cell either an input or a
  computed sum (``Row.sum_of`` / ``Column.sum_of``);
* the *layout*: the official grid of label cells and value cells with their
  row and column spans, exactly as printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ValueKind = Literal["int", "signed", "decimal"]


@dataclass(frozen=True)
class Column:
    """One data column of a table row."""

    id: str
    label: str
    kind: ValueKind = "int"
    sum_of: tuple[str, ...] = ()  # a computed column: the sum of these columns
    decimals: int = 0  # printed decimals for kind "decimal"
    unit: str = ""  # printed after the value (e.g. "元"); empty for none

    @property
    def computed(self) -> bool:
        return bool(self.sum_of)


@dataclass(frozen=True)
class Row:
    """One data row; ``where`` is its label as a reader locates it."""

    id: str
    label: str
    columns: tuple[Column, ...]
    where: str = ""  # full label path used in messages, e.g. "（三）不予公开 1.属于国家秘密"
    sum_of: tuple[str, ...] = ()  # a computed row: the sum of these rows

    @property
    def computed(self) -> bool:
        return bool(self.sum_of)

    @property
    def place(self) -> str:
        return self.where or self.label

    def column(self, col_id: str) -> Column:
        for col in self.columns:
            if col.id == col_id:
                return col
        msg = f"row {self.id!r} has no column {col_id!r}"
        raise KeyError(msg)

    def input_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if not c.computed)


@dataclass(frozen=True)
class LabelCell:
    """A printed label (header or row label) with its spans."""

    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class ValueCell:
    """A printed value: the cell (row id, column id) of the data model."""

    row: str
    col: str
    colspan: int = 1


LayoutCell = LabelCell | ValueCell


@dataclass(frozen=True)
class Table:
    """An official table: data model plus printed layout."""

    id: str
    number: str  # the section number it belongs to, e.g. "三"
    title: str
    rows: tuple[Row, ...]
    head: tuple[tuple[LayoutCell, ...], ...]  # printed inside <thead>, repeated on each page
    body: tuple[tuple[LayoutCell, ...], ...]
    column_where: dict[str, str] = field(default_factory=dict)  # column id → label path

    def row(self, row_id: str) -> Row:
        for row in self.rows:
            if row.id == row_id:
                return row
        msg = f"table {self.id!r} has no row {row_id!r}"
        raise KeyError(msg)

    def column_place(self, row: Row, col_id: str) -> str:
        return self.column_where.get(col_id) or row.column(col_id).label

    def input_cells(self) -> list[tuple[Row, Column]]:
        return [(r, c) for r in self.rows if not r.computed for c in r.input_columns()]

    def labels(self) -> list[str]:
        """Every printed label, in reading order (head, then body)."""
        return [c.text for line in (*self.head, *self.body) for c in line if isinstance(c, LabelCell)]


@dataclass(frozen=True)
class Subsection:
    id: str
    title: str  # default title, without its "（一）" number
    keywords: tuple[str, ...] = ()  # words that show the aspect is covered (V-S1)


@dataclass(frozen=True)
class Section:
    id: str
    number: str  # "一"
    heading: str  # "总体情况"
    subsections: tuple[Subsection, ...] = ()
    table: str | None = None  # id of the table printed in this section
    help: str = ""  # what the section must contain, shown in forms

    @property
    def full_heading(self) -> str:
        return f"{self.number}、{self.heading}"


@dataclass(frozen=True)
class ReportFormat:
    id: str  # "2021" or "2019"
    name: str
    notice: str  # the notice that set it, e.g. "国办公开办函〔2021〕30号"
    first_year: int
    last_year: int | None
    sections: tuple[Section, ...]
    tables: tuple[Table, ...]

    def table(self, table_id: str) -> Table:
        for table in self.tables:
            if table.id == table_id:
                return table
        msg = f"format {self.id} has no table {table_id!r}"
        raise KeyError(msg)

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        msg = f"format {self.id} has no section {section_id!r}"
        raise KeyError(msg)

    def covers(self, year: int) -> bool:
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)


CN_NUMBERS = "一二三四五六七八九十"


def cn_number(index: int) -> str:
    """1 → "一" … 10 → "十" (enough for report headings)."""
    return CN_NUMBERS[index - 1]
