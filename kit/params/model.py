"""A unit's report for one year, as loaded from its params file.

Only input cells are stored; totals are computed from the format model
(:meth:`ReportParams.value`). Totals a file states anyway are kept in
``stated`` so the validator can check them.
"""

from __future__ import annotations

from dataclasses import field
from datetime import date
from decimal import Decimal
from functools import cached_property

from kit.base.record import Record, record
from kit.formats import format_for_year
from kit.formats.levels import KIND_NAMES, Level, level_of, organ
from kit.formats.spec import ReportFormat

Number = int | Decimal
CellKey = tuple[str, str, str]  # (table id, row id, column id)

UNIT_KINDS = KIND_NAMES  # 乡、镇、街道、片区、部门、县政府、市政府、省政府 (kit.formats.levels)
REWRITE_MARK = "【请按本年度情况改写】"


@record
class Unit(Record):
    province: str
    city: str
    county: str
    name: str  # e.g. "下良镇"
    kind: str  # one of UNIT_KINDS: 乡 / 镇 / 街道 / 片区 / 部门 / 县政府 …

    @property
    def organ(self) -> str:
        """The organ that reports, e.g. "襄垣县下良镇人民政府", "襄垣县教育局"."""
        return organ(self.kind, self.province, self.city, self.county, self.name)

    @property
    def level(self) -> Level:
        """The unit's level (kit.formats.levels): which deadline, 规章 and V-S2 rules apply."""
        return level_of(self.kind)


@record
class Prose(Record):
    text: str = ""
    title: str | None = None  # overrides the format's default subsection title

    def paragraphs(self) -> list[str]:
        return [line.strip() for line in self.text.splitlines() if line.strip()]


@record
class SectionText(Record):
    text: str = ""
    subsections: dict[str, Prose] = field(default_factory=dict)

    def all_text(self) -> str:
        return "\n".join([self.text, *(p.text for p in self.subsections.values())])


@record
class Breakdown(Record):
    """主动公开 items published in the year: the total and a count per column (栏目)."""

    total: int | None = None
    items: dict[str, int] = field(default_factory=dict)


@record
class ReportParams(Record):
    unit: Unit
    year: int
    title: str | None = None
    published: date | None = None
    contact: str | None = None
    preamble: str = ""
    sections: dict[str, SectionText] = field(default_factory=dict)
    breakdown: Breakdown | None = None
    tables: dict[str, dict[str, dict[str, Number]]] = field(default_factory=dict)
    stated: dict[CellKey, Number] = field(default_factory=dict)
    invalid: frozenset[CellKey] = frozenset()
    yoy: dict[str, str] = field(default_factory=dict)  # subsection id → accepted 同比 sentence
    jiedu: str = ""  # the 解读 as the clerk edited it (empty: the draft made from the report)
    source: str = ""  # the file it came from, for messages

    @cached_property
    def format(self) -> ReportFormat:
        return format_for_year(self.year)

    @property
    def canonical_title(self) -> str:
        """The standard title, e.g. 襄垣县下良镇人民政府2021年政府信息公开工作年度报告."""
        return f"{self.unit.organ}{self.year}年{self.format.report_name}"

    @property
    def display_title(self) -> str:
        return self.title or self.canonical_title

    def section(self, section_id: str) -> SectionText:
        return self.sections.get(section_id, SectionText())

    def subsection(self, section_id: str, sub_id: str) -> Prose:
        return self.section(section_id).subsections.get(sub_id, Prose())

    def subsection_heading(self, section_id: str, sub_id: str) -> str:
        return self.format.section(section_id).numbered(sub_id, self.subsection(section_id, sub_id).title)

    def place(self, section_id: str, sub_id: str = "", short: bool = False) -> str:
        """How messages name a section or subsection: the full heading followed by the numbered
        subsection heading, or with ``short`` only the section's number before it."""
        section = self.format.section(section_id)
        head = section.number if short else section.full_heading
        return head + (self.subsection_heading(section_id, sub_id) if sub_id else "")

    def input_value(self, table_id: str, row_id: str, col_id: str) -> Number:
        return self.tables.get(table_id, {}).get(row_id, {}).get(col_id, 0)

    def value(self, table_id: str, row_id: str, col_id: str) -> Number:
        """The printed value of a cell: an input (0 when omitted) or a computed total."""
        table = self.format.table(table_id)
        row = table.row(row_id)
        if row.computed:
            return sum((self.value(table_id, r, col_id) for r in row.sum_of), start=0)
        col = row.column(col_id)
        if col.computed:
            return sum((self.value(table_id, row_id, c) for c in col.sum_of), start=0)
        return self.input_value(table_id, row_id, col_id)

    def all_prose(self) -> str:
        return "\n".join([self.preamble, *(s.all_text() for s in self.sections.values())])
