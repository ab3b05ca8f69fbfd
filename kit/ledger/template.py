"""``kit ledger template``: an empty register (.xlsx) for one unit and year, to fill in Excel
or WPS: one sheet per register (kit.ledger.layout), drop-down lists from the year's format,
frozen header, column widths, and a 说明 sheet naming the unit and year the import reads."""

from __future__ import annotations

from pathlib import Path

from kit.base.atomic import atomic_target
from kit.base.errors import KitError
from kit.formats import format_for_year
from kit.ledger.layout import CHOICES, GUIDE, OTHER, SHEETS, choices, other_items

#: 说明 sheet: the cells holding the unit and year (label in A, value in B)
META_ROWS = {"县": 2, "单位": 3, "年度": 4}
FIRST_DATA_ROW = 2  # every register sheet: header in row 1
BLANK_ROWS = 500  # rows a drop-down covers


class LedgerError(KitError):
    """The register cannot be made or read; the message is Chinese and names the fix."""


def write_template(path: Path, county: str, unit: str, year: int) -> Path:
    """Write the empty register to ``path`` (never over an existing file)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    fmt = format_for_year(year)
    if fmt.id != "2021":
        raise LedgerError(f"{year} 年度使用 2019 试行格式，台账只支持 2021 年度起的格式。请手工填写该年度的表格。")
    if path.exists():
        raise LedgerError(f"{path} 已存在，不会覆盖。请换一个文件名，或先把原文件改名备份。")
    book = Workbook()
    guide = book.active
    assert guide is not None
    guide.title = GUIDE
    guide.append(["项目", "内容"])
    for name, row in META_ROWS.items():
        guide.cell(row, 1, name)
        guide.cell(row, 2, {"县": county, "单位": unit, "年度": year}[name])
    lines = [
        "",
        "填写说明",
        f"1. 本台账用于计算 {county}{unit} {year} 年度年报的表二、表三、表四和一（一）主动公开条数。",
        "2. “依申请公开”每件申请一行，跨年度的申请也保留（上年收到、本年答复的，用于计算“上年结转”）。",
        "3. 申请人类型、办理结果等请从下拉列表中选择，不要自行改写，否则无法统计。",
        "4. 日期写成 2023-01-05、2023.1.5 或 2023年1月5日均可。尚未答复、未审结的，日期和结果留空。",
        "5. 填好后运行 python -m kit ledger import 本文件，核对将要写入的数字，确认后加 --apply 写入参数文件。",
        "6. 工具按《条例》第三十三条核对答复期限：收到之日起 20 个工作日，经同意延期的再加 20 个工作日（按国家法定节假日和调休计算）。",
    ]
    for offset, line in enumerate(lines, start=len(META_ROWS) + 2):
        guide.cell(offset, 1, line)
    guide.column_dimensions["A"].width = 12
    guide.column_dimensions["B"].width = 30
    lists = book.create_sheet(CHOICES)
    lists.sheet_state = "hidden"
    ranges = {}
    for col, (name, values) in enumerate(choices(fmt).items(), start=1):
        letter = lists.cell(1, col).column_letter
        lists.cell(1, col, name)
        for r, value in enumerate(values, start=2):
            lists.cell(r, col, value)
        ranges[name] = f"{CHOICES}!${letter}$2:${letter}${len(values) + 1}"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for sheet_name, columns in SHEETS.items():
        sheet = book.create_sheet(sheet_name)
        sheet.append([c.name for c in columns])
        for index, column in enumerate(columns, start=1):
            cell = sheet.cell(1, index)
            cell.font, cell.fill = bold, fill
            cell.alignment = Alignment(horizontal="center")
            sheet.column_dimensions[cell.column_letter].width = column.width
            if column.choices:
                check = DataValidation(type="list", formula1=f"={ranges[column.choices]}", allow_blank=True,
                                       showErrorMessage=True, errorTitle="请从列表中选择",
                                       error=f"“{column.name}”请从下拉列表中选择。")
                check.prompt, check.showInputMessage = column.help, True
                sheet.add_data_validation(check)
                check.add(f"{cell.column_letter}{FIRST_DATA_ROW}:{cell.column_letter}{BLANK_ROWS}")
        sheet.freeze_panes = "A2"
        if sheet_name == OTHER:
            for label in (words for _, words in other_items(fmt)):
                sheet.append([label, 0])
    with atomic_target(path, suffix=".xlsx") as tmp:
        book.save(tmp)
    return path
