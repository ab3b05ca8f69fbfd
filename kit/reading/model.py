"""A published report as it was printed: what :mod:`kit.reading.parse` recovers from a document.

Nothing is filled in: a cell that was blank, unreadable or never printed (a table cut off)
keeps that state and has no value, so that it reads as unknown, never as 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from kit.formats.levels import TOWNSHIP
from kit.params.model import Unit

CellState = Literal["number", "blank", "unreadable", "missing"]


@dataclass(frozen=True)
class PrintedCell:
    state: CellState
    value: int | Decimal | None = None
    raw: str = ""

    @property
    def known(self) -> bool:
        return self.state == "number"


@dataclass
class PrintedRow:
    label: str  # as printed (the row's label parts joined by a space)
    parts: tuple[str, ...]  # each printed label cell, outermost first
    official: str | None = None  # the row id it maps to in ``format_id``'s table
    format_id: str | None = None  # the format whose row it is ("2021" or "2019")
    cells: list[PrintedCell] = field(default_factory=list)  # official column order when mapped
    exact: bool = True  # the label is the official one (apart from spacing and bracket width)


@dataclass
class PrintedTable:
    table_id: str
    rows: list[PrintedRow] = field(default_factory=list)  # data rows, printed order
    headers: list[str] = field(default_factory=list)  # header and caption texts, printed order
    pieces: int = 1  # grids it was printed in (split across pages, or Table 四 in three)


@dataclass
class PrintedSection:
    number: str  # "一"
    heading: str  # as printed, e.g. "一、总体情况"
    section_id: str | None  # the official section it maps to
    text: list[str] = field(default_factory=list)  # paragraphs before any subsection heading
    subsections: dict[str, list[str]] = field(default_factory=dict)  # official sub id → paragraphs
    sub_headings: dict[str, str] = field(default_factory=dict)  # official sub id → heading as printed
    has_table: bool = False


@dataclass
class PublishedReport:
    source: str
    kind: str  # html, docx, pdf, text
    title: str = ""
    preamble: list[str] = field(default_factory=list)
    sections: list[PrintedSection] = field(default_factory=list)
    tables: dict[str, PrintedTable] = field(default_factory=dict)
    published: date | None = None
    year: int | None = None  # the report year as the document states it (title, else period)
    unit: Unit | None = None  # from the title, where it names 县 and 乡镇
    level: str = TOWNSHIP  # the publishing unit's level (kit.formats.levels)
    level_from: str = "default"  # how the level was found: "title", "given" (--level) or "default"
    layout: str = "unknown"  # "2021", "2019", "hybrid" or "unknown"
    layout_evidence: list[str] = field(default_factory=list)  # labels that decided the layout
    tail: list[str] = field(default_factory=list)  # the sign-off after the last section
    notes: list[str] = field(default_factory=list)
    second_report: str = ""  # the heading where a second report on the same page begins

    def section(self, section_id: str) -> PrintedSection | None:
        return next((s for s in self.sections if s.section_id == section_id), None)

    def all_text(self) -> str:
        parts = [*self.preamble]
        for s in self.sections:
            parts += s.text
            for paragraphs in s.subsections.values():
                parts += paragraphs
        return "\n".join(parts)
