"""Printed table rows → official rows: labels compared the way a reader compares them.

:func:`key` folds what does not change a label's meaning (spaces, full- or half-width
brackets and dots, quotes); a label that still differs is matched to the nearest official
label (rapidfuzz) when it is close enough, and kept as printed with ``exact`` False. Each row
is tried against both formats' tables, which is how a 2019 row in a 2021 table is seen.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from rapidfuzz import fuzz, process

from kit.formats import FORMATS
from kit.formats.spec import LabelCell, Row, Table
from kit.reading.document import Cell
from kit.reading.model import PrintedCell, PrintedRow

FUZZY = 80  # rapidfuzz ratio (0–100) from which a renamed label still maps to its official row
_DROP = re.compile(r"[\s“”\"'‘’「」]")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
BLANKS = ("", "-", "—", "/", "\\")


_ITEM = re.compile(r"^(\d+)\s*[,.]")  # "1、申请人…", "1．", "1 ." as the format's "1."


def key(label: str) -> str:
    text = unicodedata.normalize("NFKC", label).replace("．", ".").replace("、", ",")
    text = _DROP.sub("", text).replace("。", "").rstrip(":：")
    return _ITEM.sub(r"\1.", text)


_UNIT = re.compile(r"(?:万元|元|件|条|个|项)$")  # a value printed with its unit: "52000.00元"


def bare(text: str) -> str:
    return _UNIT.sub("", text.replace(",", "").replace("，", "").replace(" ", ""))


def is_number(text: str) -> bool:
    return bool(_NUMBER.match(bare(text)))


_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_number(text: str) -> int | None:
    """A count written in Chinese numerals ("六", "十二", "一百零五"), or None."""
    text = bare(text)
    if not text or len(text) > 8 or any(ch not in _CN_DIGITS and ch not in _CN_UNITS for ch in text):
        return None
    if all(ch in _CN_DIGITS for ch in text) and len(text) > 1:  # 一〇五: digit by digit
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total, digit = 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
    return total + (digit or 0)


def cell_of(cell: Cell | None) -> PrintedCell:
    if cell is None:
        return PrintedCell("missing")
    text = bare(cell.text)
    written = cn_number(text)
    if written is not None:  # "六": read, and lint asks for Arabic digits
        return PrintedCell("number", written, cell.text)
    if is_number(text):
        try:
            value = int(text) if "." not in text else Decimal(text)
        except (ValueError, InvalidOperation):
            return PrintedCell("unreadable", raw=cell.text)
        return PrintedCell("number", value, cell.text)
    return PrintedCell("blank" if text in BLANKS else "unreadable", raw=cell.text)


@dataclass(frozen=True)
class Candidate:
    format_id: str
    row: Row
    labels: tuple[str, ...]  # keys: the row's own label and its group's


@lru_cache(maxsize=8)
def candidates(table_id: str) -> tuple[Candidate, ...]:
    found = []
    for fmt in FORMATS:
        table = fmt.table(table_id)
        for row in table.rows:
            found.append(Candidate(fmt.id, row, (key(row.label), key(row.group))))
    return tuple(found)


def _labels(row: tuple[Cell, ...], width: int) -> tuple[tuple[str, ...], int]:
    """(distinct label texts in order, index after the last label cell)."""
    parts: list[str] = []
    end = 0
    for index, cell in enumerate(row[:width]):
        if parts and cn_number(cell.text) is not None:
            continue  # after the label, "六" is a value written in Chinese numerals
        if cell.text and not is_number(cell.text) and cell.text not in BLANKS:
            if cell.text not in parts:
                parts.append(cell.text)
            end = index + 1
    return tuple(parts), end


def match(parts: tuple[str, ...], table_id: str, group: str = "", prefer: str = "2021",
          ) -> tuple[Candidate | None, bool]:
    """The official row these printed label parts name (and whether exactly), or None; a label
    both formats print the same is taken as ``prefer``'s (the format of the report's year)."""
    options = sorted(candidates(table_id), key=lambda c: c.format_id != prefer)
    keys = [key(p) for p in parts]
    for part in reversed(keys):  # the innermost label names the row; the outer ones its group
        exact = [c for c in options if c.labels[0] == part]
        if exact:
            grouped = [c for c in exact if c.labels[1] and (c.labels[1] in keys or c.labels[1] == key(group))]
            found = (grouped or exact)[0]
            own = _own_row(found, options, prefer)
            return (own, False) if own is not None else (found, True)
    if not keys:
        return None, False
    names = {i: c.labels[0] for i, c in enumerate(options)}
    best = process.extractOne(keys[-1], names, scorer=fuzz.ratio, score_cutoff=FUZZY)
    return (options[best[2]], False) if best else (None, False)


def _own_row(found: Candidate, options: list[Candidate], prefer: str) -> Candidate | None:
    """For a label only the other format prints, the report's own format's row of the same id
    and as many columns ("规范性文件" in a 2021 table is its 行政规范性文件 row, a label
    deviation, not a sign of the 2019 format); None when there is none."""
    if found.format_id == prefer:
        return None
    return next((c for c in options if c.format_id == prefer and c.row.id == found.row.id
                 and len(c.row.columns) == len(found.row.columns)), None)


def header_labels(table: Table) -> list[str]:
    """The official texts of the table's header and caption cells (not its row labels)."""
    rows = {key(r.label) for r in table.rows} | {key(r.group) for r in table.rows if r.group}
    found = []
    for line in (*table.head, *table.body):
        for cell in line:
            if isinstance(cell, LabelCell) and key(cell.text) not in rows and cell.text not in found:
                found.append(cell.text)
    return found


@lru_cache(maxsize=8)
def signature(table_id: str) -> frozenset[str]:
    """Every label key either format prints in this table: rows, groups, headers, captions."""
    found: set[str] = set()
    for fmt in FORMATS:
        table = fmt.table(table_id)
        found |= {key(r.label) for r in table.rows} | {key(r.group) for r in table.rows if r.group}
        found |= {key(t) for t in header_labels(table)}
    return frozenset(found)


def is_group(text: str, table_id: str) -> bool:
    return any(c.labels[1] == key(text) for c in candidates(table_id))


def data_row(row: tuple[Cell, ...], table: Table, group: str, prefer: str) -> PrintedRow | None:
    """A printed row as data (label, official row, cells), or None for header and caption rows."""
    parts, end = _labels(row, len(row))
    values = list(row[end:])
    if not parts and not values:
        return None
    found, exact = match(parts, table.id, group, prefer) if parts else (None, False)
    numbers = sum(is_number(c.text) for c in values)
    if found is None and numbers == 0:
        return None  # a header, caption or note row
    printed = PrintedRow(" ".join(parts), parts, exact=exact)
    if found is not None:
        printed.official, printed.format_id = found.row.id, found.format_id
        printed.cells = _cells(values, len(found.row.columns))
    else:
        printed.cells = [cell_of(c) for c in values if c.text or not c.spanned]
    return printed


def _cells(values: list[Cell], count: int) -> list[PrintedCell]:
    """The row's ``count`` data cells: a cell covered by its left neighbour's colspan is not a
    cell of its own; surplus empty positions before the data (a label column left empty) go."""
    own = [c for c in values if not c.spanned]
    while len(own) > count and not own[0].text:
        own = own[1:]
    while len(own) > count and not own[-1].text:
        own = own[:-1]
    cells = [cell_of(c) for c in own[:count]]
    return cells + [PrintedCell("missing")] * (count - len(cells))
