"""Registers filled the way a clerk fills them: the kit's template opened with openpyxl,
rows appended to its sheets, saved."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from kit.ledger.template import write_template


def filled(path: Path, county: str, unit: str, year: int, sheets: dict[str, list[list[object]]],
           other: dict[str, object] | None = None) -> Path:
    write_template(path, county, unit, year)
    book = load_workbook(path)
    for name, rows in sheets.items():
        sheet = book[name]
        for row in rows:
            sheet.append(row)
    if other:
        sheet = book["其他数字"]
        for cells in sheet.iter_rows(min_row=2):
            label = str(cells[0].value)
            for key, value in other.items():
                if label.startswith(key):
                    cells[1].value = value
    book.save(path)
    return path
