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

import re
from collections.abc import Callable
from dataclasses import field
from datetime import date
from decimal import Decimal

from kit.base.record import Record, record

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (2 ms of kit check)
if TYPE_CHECKING:
    from typing import Literal

    ValueKind = Literal["int", "signed", "decimal"]
Number = int | Decimal


@record
class Column(Record):
    """One data column of a table row."""

    id: str
    label: str
    kind: ValueKind = "int"
    sum_of: tuple[str, ...] = ()  # a computed column: the sum of these columns
    decimals: int = 0  # printed decimals for kind "decimal"
    unit: str = ""  # printed after the value (e.g. "元"); empty for none
    measure: str = ""  # the unit the label states, e.g. "万元" in 本年收费金额（单位：万元）
    role: str = ""  # what the column counts, alike in every format version: "issued",
    # "repealed", "in_force", "decisions" (how prose states a Table 二 figure, kit.rules.wording)

    @property
    def computed(self) -> bool:
        return bool(self.sum_of)


@record
class Row(Record):
    """One data row; ``where`` is its label as a reader locates it."""

    id: str
    label: str
    columns: tuple[Column, ...]
    where: str = ""  # full label path used in messages, e.g. "（三）不予公开 1.属于国家秘密"
    sum_of: tuple[str, ...] = ()  # a computed row: the sum of these rows
    group: str = ""  # the printed group label spanning this row's block, e.g. "（三）不予公开"

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

    def column_for(self, role: str) -> Column | None:
        """The row's column that counts ``role`` in this format version (None: none does)."""
        return next((c for c in self.columns if c.role == role), None)


@record
class LabelCell(Record):
    """A printed label (header or row label) with its spans."""

    text: str
    rowspan: int = 1
    colspan: int = 1
    caption: bool = False  # a block caption inside the table (Table 二's 第二十条第（一）项 …)


@record
class ValueCell(Record):
    """A printed value: the cell (row id, column id) of the data model."""

    row: str
    col: str
    colspan: int = 1


LayoutCell = LabelCell | ValueCell


@record
class RollForward(Record):
    """How a table's stock column carries over from one year to the next (rule R7).

    With ``added``/``removed``: stock(Y) = stock(Y−1) + added(Y) − removed(Y) (2021 format).
    With ``change``: stock(Y) = stock(Y−1) + change(Y−1) (the 2019 format's 本年增/减).
    """

    rows: tuple[str, ...]
    stock: str
    added: str | None = None
    removed: str | None = None
    change: str | None = None

    def expected(self, before: Callable[[str], Number], now: Callable[[str], Number]) -> Number:
        """The stock a row should have this year; ``before``/``now`` give a column's value in
        the previous year and in this year (for the row in question)."""
        if self.change is not None:
            return before(self.stock) + before(self.change)
        return before(self.stock) + now(self.added or "") - now(self.removed or "")

    def how(self, row: Row) -> str:
        """The rule in words, with the columns' labels."""
        label = {c.id: c.label for c in row.columns}
        if self.change is not None:
            return f"上年的{label[self.stock]} + 上年的{label[self.change]}"
        return (f"上年{label[self.stock]} + {label[self.added or '']} − "
                f"{label[self.removed or '']}")


@record
class Table(Record):
    """An official table: data model plus printed layout."""

    id: str
    number: str  # the section number it belongs to, e.g. "三"
    title: str
    rows: tuple[Row, ...]
    head: tuple[tuple[LayoutCell, ...], ...]  # printed inside <thead>, repeated on each page
    body: tuple[tuple[LayoutCell, ...], ...]
    column_where: dict[str, str] = field(default_factory=dict)  # column id → label path
    column_widths: tuple[int, ...] = ()  # printed widths in % of the text block, one per grid column
    roll_forward: RollForward | None = None

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

    @property
    def value_count(self) -> int:
        """How many values the table prints (Table 四: 3 rows × 5 = 15), row by row."""
        return sum(len(r.columns) for r in self.rows)

    @property
    def caption(self) -> str:
        """How messages and headings name the table, e.g. "表三 收到和处理政府信息公开申请情况"."""
        return f"表{self.number} {self.title}"

    def labels(self) -> list[str]:
        """Every printed label, in reading order (head, then body)."""
        return [c.text for line in (*self.head, *self.body) for c in line if isinstance(c, LabelCell)]


@record
class Subsection(Record):
    id: str
    title: str  # default title, without its "（一）" number
    keywords: tuple[str, ...] = ()  # words that show the aspect is covered (V-S1)
    breakdown: bool = False  # the subsection the params file's 栏目条数 breakdown belongs to


@record
class Section(Record):
    id: str
    number: str  # "一"
    heading: str  # "总体情况"
    subsections: tuple[Subsection, ...] = ()
    table: str | None = None  # id of the table printed in this section
    help: str = ""  # what the section must contain, shown in forms
    short: str = ""  # a short name for tabs, e.g. "依申请公开"

    @property
    def full_heading(self) -> str:
        return f"{self.number}、{self.heading}"

    @property
    def tab(self) -> str:
        """The name of the section's tab in forms, e.g. "三 依申请公开"."""
        return f"{self.number} {self.short or self.heading}"

    def subsection(self, sub_id: str) -> Subsection:
        for sub in self.subsections:
            if sub.id == sub_id:
                return sub
        msg = f"section {self.id!r} has no subsection {sub_id!r}"
        raise KeyError(msg)

    def breakdown_subsection(self) -> Subsection | None:
        return next((s for s in self.subsections if s.breakdown), None)

    def numbered(self, sub_id: str, title: str | None = None) -> str:
        """A subsection's printed heading, e.g. "（一）主动公开情况" (``title`` overrides its title)."""
        ids = [s.id for s in self.subsections]
        return f"（{cn_number(ids.index(sub_id) + 1)}）{title or self.subsection(sub_id).title}"


@record
class ReportFormat(Record):
    id: str  # "2021" or "2019"
    name: str
    notice: str  # the notice that set it, e.g. "国办公开办函〔2021〕30号"
    notice_title: str  # that notice's title, as a preamble cites it
    notice_date: date  # the day the notice was issued (a report published before it cannot cite it)
    format_title: str  # the format's own title, as preambles also cite it: 《…年度报告格式（试行）》
    report_name: str  # what every title ends with: "政府信息公开工作年度报告"
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
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]）|\d+\.)")


def bare_label(label: str) -> str:
    """A label's own words, its numbering and bracketed note left out: "一、本年新收…" →
    "本年新收…", "（二）部分公开（区分处理的…）" → "部分公开", "1.属于国家秘密" → "属于国家秘密"."""
    return _NUMBERING.sub("", label).split("（")[0]


def cn_number(index: int) -> str:
    """1 → "一" … 10 → "十" (enough for report headings)."""
    return CN_NUMBERS[index - 1]
