"""A published report → :class:`ReportParams`, so the one validator checks what was printed and
``kit import`` can write a params file from it.

Only cells printed as numbers in the format of the report's year are taken. Cells that were
blank, unreadable, cut off, or printed in the other format's layout are *unknown*: they are
listed in ``invalid`` (the arithmetic rules skip a table with unknown cells, as they do for a
params file with unreadable cells) and left out of the file, never written as 0. Printed totals
go to ``stated``, so R2–R4 check them against the sums of their parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kit.formats import ReportFormat, format_for_year
from kit.formats.spec import Section
from kit.params.model import CellKey, Number, Prose, ReportParams, SectionText, Unit
from kit.reading.labels import key
from kit.reading.model import PrintedCell, PublishedReport


@dataclass
class Conversion:
    params: ReportParams
    unknown: list[CellKey] = field(default_factory=list)  # cells not taken, in table order
    printed_label: dict[tuple[str, str], str] = field(default_factory=dict)  # (table, row) → as printed


def _cells(report: PublishedReport, fmt: ReportFormat, table_id: str) -> dict[str, list[PrintedCell]]:
    """Official row id → its printed cells (official column order), for rows in ``fmt``."""
    table = report.tables.get(table_id)
    if table is None:
        return {}
    if table_id == "review_litigation":
        cells = table.rows[0].cells if table.rows else []
        rows, index = {}, 0
        for row in fmt.table(table_id).rows:
            count = len(row.columns)
            part = cells[index:index + count]
            rows[row.id] = part + [PrintedCell("missing")] * (count - len(part))
            index += count
        return rows
    return {r.official: r.cells for r in table.rows if r.official and r.format_id == fmt.id}


def convert(report: PublishedReport, year: int, unit: Unit | None = None) -> Conversion:
    fmt = format_for_year(year)
    unit = unit or report.unit or Unit("", "", "", "", "镇")
    tables: dict[str, dict[str, dict[str, Number]]] = {}
    stated: dict[CellKey, Number] = {}
    unknown: list[CellKey] = []
    labels: dict[tuple[str, str], str] = {}
    for table in fmt.tables:
        printed = _cells(report, fmt, table.id)
        for source in report.tables[table.id].rows if table.id in report.tables else []:
            if source.official and source.format_id == fmt.id:
                labels.setdefault((table.id, source.official), source.label)
        for row in table.rows:
            cells = printed.get(row.id)
            for index, col in enumerate(row.columns):
                cell = cells[index] if cells and index < len(cells) else PrintedCell("missing")
                cell_key = (table.id, row.id, col.id)
                if not cell.known or cell.value is None:
                    unknown.append(cell_key)
                elif row.computed or col.computed:
                    stated[cell_key] = cell.value
                else:
                    tables.setdefault(table.id, {}).setdefault(row.id, {})[col.id] = cell.value
    sections: dict[str, SectionText] = {}
    for printed_section in report.sections:
        if printed_section.section_id is None:
            continue
        official = fmt.section(printed_section.section_id)
        subs = {sub: Prose("\n".join(paras), _own_title(printed_section.sub_headings.get(sub, ""),
                                                        official, sub))
                for sub, paras in printed_section.subsections.items()}
        sections[printed_section.section_id] = SectionText("\n".join(printed_section.text), subs)
    params = ReportParams(
        unit=unit, year=year, title=report.title or None, published=report.published,
        preamble="\n".join(report.preamble), sections=sections, breakdown=None,
        tables=tables, stated=stated, invalid=frozenset(unknown), source=report.source)
    return Conversion(params, unknown, labels)


def _own_title(heading: str, section: Section, sub_id: str) -> str | None:
    """A printed subsection heading without its number, or None when it is the official one."""
    text = heading.split("）", 1)[-1].split(")", 1)[-1].strip()
    default = next((s.title for s in section.subsections if s.id == sub_id), "")
    return None if not text or key(text) == key(default) else text
