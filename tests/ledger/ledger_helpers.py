"""Registers filled the way a clerk fills them: the kit's template opened with openpyxl,
rows appended to its sheets, saved."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from openpyxl import load_workbook

from kit.ledger.template import write_template
from kit.params.newyear import new_params
from kit.params.writer import save


def blank_report(root: Path, county: str, unit: str, year: int) -> Path:
    """A new unit's blank params file for ``year`` (of a fictional province and city) under
    ``root``; returns ``root``."""
    params, path, _ = new_params(root, county, unit, year)
    path.parent.mkdir(parents=True)
    save(replace(params, unit=replace(params.unit, province="示例省", city="示例市")), path)
    return root


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
