"""The form's fields as text: one key per field or table cell, read from and back to params.

A key is the params-file path of the value, joined by dots
(``"sections.general.proactive.text"``, ``"tables.applications.received.natural"``), so a
:class:`~kit.base.problems.Problem`'s ``field`` points straight at the form field it concerns.
Everything here is pure: text in, ``(data, problems, invalid cells)`` out.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from kit.base.place import BODY, PREAMBLE, TITLE, Place
from kit.base.problems import Problem, error
from kit.formats.places import at_cell, cell_key
from kit.formats.spec import ReportFormat
from kit.params import schema
from kit.params.cells import parse_text
from kit.params.model import CellKey, Number, ReportParams

UNIT_KEYS = tuple(f"{schema.UNIT}.{k.name}" for k in schema.UNIT_FIELDS)
TOP_KEYS = schema.TEXT_FIELDS
BREAKDOWN_TOTAL, BREAKDOWN_ITEMS = (f"{schema.BREAKDOWN}.{k}" for k in schema.BREAKDOWN_KEYS)
BASIC = "basic"  # the tab of identity, title and preamble
_ITEM_LINE = re.compile(r"^(.+?)\s*[:：\s]\s*(\S+)$")


def number_text(value: Number) -> str:
    """A number as a clerk would type it: ``3``, ``1.25`` (no trailing zeros)."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def texts_from_params(params: ReportParams) -> dict[str, str]:
    """Every field and input cell of ``params`` as the text shown in the form."""
    unit = params.unit
    texts = dict(zip(UNIT_KEYS, (unit.province, unit.city, unit.county, unit.name, unit.kind),
                     strict=True))
    texts |= {"title": params.title or "", "contact": params.contact or "",
              "published": params.published.isoformat() if params.published else "",
              "preamble": params.preamble, "jiedu": params.jiedu}
    for section in params.format.sections:
        body = params.section(section.id)
        texts[f"sections.{section.id}.text"] = body.text
        for sub in section.subsections:
            prose = params.subsection(section.id, sub.id)
            texts[f"sections.{section.id}.{sub.id}.title"] = prose.title or ""
            texts[f"sections.{section.id}.{sub.id}.text"] = prose.text
    bd = params.breakdown
    texts[BREAKDOWN_TOTAL] = "" if bd is None or bd.total is None else str(bd.total)
    texts[BREAKDOWN_ITEMS] = "" if bd is None else "\n".join(f"{k}：{v}" for k, v in bd.items.items())
    for table in params.format.tables:
        for row, col in table.input_cells():
            texts[cell_key(table.id, row.id, col.id)] = number_text(
                params.input_value(table.id, row.id, col.id))
    return texts


def data_from_texts(texts: dict[str, str], fmt: ReportFormat, year: int,
                    ) -> tuple[dict[str, Any], list[Problem], set[CellKey]]:
    """The params-file data for :func:`kit.params.loader.params_from_data`, plus cells that do not parse.

    A cell that does not parse is left out of the data (never saved as 0) and reported as V-N5.
    """
    problems: list[Problem] = []
    invalid: set[CellKey] = set()
    data: dict[str, Any] = {"unit": {k.split(".")[1]: texts.get(k, "").strip() for k in UNIT_KEYS},
                            "year": year}
    for key in TOP_KEYS:
        value = texts.get(key, "")
        if key in ("title", "published"):
            value = value.strip()
        if value or key == "preamble":
            data[key] = value
    sections: dict[str, Any] = {}
    for section in fmt.sections:
        entry: dict[str, Any] = {"text": texts.get(f"sections.{section.id}.text", "")}
        for sub in section.subsections:
            base = f"sections.{section.id}.{sub.id}"
            title = texts.get(f"{base}.title", "").strip()
            entry[sub.id] = {"text": texts.get(f"{base}.text", "")} | ({"title": title} if title else {})
        sections[section.id] = entry
    data["sections"] = sections
    breakdown = _breakdown(texts, problems, fmt)
    if breakdown is not None:
        data["proactive_breakdown"] = breakdown
    tables: dict[str, Any] = {}
    for table in fmt.tables:
        rows: dict[str, dict[str, Number]] = {}
        for row, col in table.input_cells():
            key = cell_key(table.id, row.id, col.id)
            number, why = parse_text(texts.get(key, ""), col.kind, col.decimals)
            if why:
                invalid.add((table.id, row.id, col.id))
                problems.append(error("V-N5", why, **at_cell(table, row.id, col.id)))
                continue
            rows.setdefault(row.id, {})[col.id] = number
        tables[table.id] = rows
    data["tables"] = tables
    return data, problems, invalid


def _breakdown(texts: dict[str, str], problems: list[Problem], fmt: ReportFormat,
               ) -> dict[str, Any] | None:
    total_text = texts.get(BREAKDOWN_TOTAL, "").strip()
    lines = [line.strip() for line in texts.get(BREAKDOWN_ITEMS, "").splitlines() if line.strip()]
    if not total_text and not lines:
        return None
    general = fmt.section("general")
    sub = general.breakdown_subsection()
    words = general.number + general.numbered(sub.id) if sub else general.full_heading
    place = Place(section=general.id, subsection=sub.id if sub else "")
    total, why = parse_text(total_text, "int")
    if why:
        problems.append(error("V-N5", f"主动公开信息总条数{why}",
                              section=words, place=place.with_key(BREAKDOWN_TOTAL)))
    items: dict[str, int] = {}
    for line in lines:
        match = _ITEM_LINE.match(line)
        count, why = parse_text(match.group(2), "int") if match else (0, "格式不对")
        if match is None or why:
            problems.append(error("V-N5", f"栏目条数“{line}”{why}。每行写一个栏目，如“通知公告：5”。",
                                  section=words, place=place.with_key(BREAKDOWN_ITEMS, line)))
            continue
        items[match.group(1)] = int(count)
    return {"total": int(total) if total_text and not why else None, "items": items}


def section_of_key(key: str, fmt: ReportFormat) -> str:
    """The form tab a field key belongs to: a section id, or :data:`BASIC`."""
    parts = key.split(".")
    if parts[0] == "sections" and len(parts) > 1:
        return parts[1]
    if parts[0] == "tables" and len(parts) > 1:
        return next((s.id for s in fmt.sections if s.table == parts[1]), BASIC)
    if parts[0] == "proactive_breakdown":
        return "general"
    return BASIC


def problem_key(problem: Problem, keys: set[str]) -> str | None:
    """The form field a problem is about, from its place's ids (never from its words)."""
    place = problem.place
    if place.key in keys or place.key.startswith("tables."):
        return place.key  # a computed total: shown on the total cell
    if place.key and f"{place.key}.text" in keys:
        return f"{place.key}.text"
    if place.key == schema.BREAKDOWN:
        return BREAKDOWN_TOTAL
    if place.section in (TITLE, PREAMBLE):
        return place.section
    if place.section and place.section != BODY and not place.table:
        sub = f".{place.subsection}" if place.subsection else ""
        key = f"sections.{place.section}{sub}.text"
        return key if key in keys else None
    return None


def problem_section(problem: Problem, key: str | None, fmt: ReportFormat) -> str:
    """The tab where a problem is shown."""
    if key is not None:
        return section_of_key(key, fmt)
    place = problem.place
    if place.table:  # a claim of the prose against a table: the tab of that table
        return next((s.id for s in fmt.sections if s.table == place.table), BASIC)
    if any(s.id == place.section for s in fmt.sections):
        return place.section
    return "general" if place.section == BODY else BASIC
