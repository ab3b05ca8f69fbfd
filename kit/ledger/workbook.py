"""Reading a register as users save it: .xlsx and .xls (python-calamine: values, the cached
results of formulas, not the formulas), .csv in UTF-8 or GBK. Each sheet is found by its name
or by its header row (title rows merged above it are passed over); hidden rows of an .xlsx are
left out, as Excel leaves them out of what the clerk sees."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from kit.ledger.layout import CHOICES, GUIDE, SHEETS
from kit.ledger.template import META_ROWS, LedgerError

MAX_BYTES = 50_000_000
HEADER_SEARCH = 10  # rows above the header a title may take
_HIDDEN = re.compile(rb'<row [^>]*?r="(\d+)"[^>]*?hidden="(?:1|true)"')


@dataclass
class Table:
    """One register sheet: its rows as {column name: value}, each with its row number."""

    name: str
    rows: list[tuple[int, dict[str, object]]] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)


@dataclass
class Register:
    source: str
    tables: dict[str, Table] = field(default_factory=dict)  # by register name (kit.ledger.layout)
    meta: dict[str, object] = field(default_factory=dict)  # 县, 单位, 年度 from the 说明 sheet


def read_register(path: Path) -> Register:
    """The register in ``path``; LedgerError (Chinese, naming the fix) when it cannot be read."""
    if not path.is_file():
        raise LedgerError(f"找不到台账文件 {path}。请检查路径。")
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        raise LedgerError(f"{path.name} 有 {len(raw) // 2**20} MB，不像是台账。请确认没有选错文件。")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _from_grids(str(path), {"": _csv(raw, path.name)}, {})
    if suffix not in (".xlsx", ".xlsm", ".xls"):
        raise LedgerError(f"{path.name} 不是台账文件（.xlsx、.xls 或 .csv）。请用 Excel 或 WPS 另存为 .xlsx 后再导入。")
    grids = _workbook(raw, path.name)
    hidden = _hidden_rows(raw) if suffix in (".xlsx", ".xlsm") else {}
    return _from_grids(str(path), grids, hidden)


def _workbook(raw: bytes, name: str) -> dict[str, list[list[object]]]:
    from python_calamine import CalamineWorkbook

    if raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" and b"EncryptedPackage" in raw[:200_000].replace(b"\x00", b""):
        raise LedgerError(f"{name} 设有打开密码，无法读取。请在 Excel 或 WPS 中取消密码（文件→信息→保护工作簿）后另存再导入。")
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        grids: dict[str, list[list[object]]] = {
            sheet: [list(row) for row in book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)]
            for sheet in book.sheet_names}
    except Exception as exc:  # calamine fails on a damaged or foreign file in many ways
        raise LedgerError(f"{name} 已损坏或不是 Excel 文件（{type(exc).__name__}），无法读取。"
                          "请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。") from None
    return grids


def _hidden_rows(raw: bytes) -> dict[str, set[int]]:
    """Hidden rows of each sheet of an .xlsx, by sheet name (read from its XML)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            book = archive.read("xl/workbook.xml")
            rels = archive.read("xl/_rels/workbook.xml.rels")
            targets = dict(re.findall(rb'Id="([^"]+)"[^>]*?Target="([^"]+)"', rels))
            targets |= {k: v for v, k in re.findall(rb'Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)}
            found = {}
            for name, rid in re.findall(rb'<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"', book):
                target = targets.get(rid, b"").decode().lstrip("/")
                member = target if target.startswith("xl/") else f"xl/{target}"
                if member in archive.namelist():
                    rows = {int(r) for r in _HIDDEN.findall(archive.read(member))}
                    found[_unescape(name.decode("utf-8"))] = rows
            return found
    except (zipfile.BadZipFile, KeyError):
        return {}


def _unescape(text: str) -> str:
    return text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')


def _csv(raw: bytes, name: str) -> list[list[object]]:
    import csv

    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise LedgerError(f"{name} 的编码无法识别。请在 Excel 或 WPS 中另存为 .xlsx 或 UTF-8 编码的 .csv 再导入。")
    return [list(row) for row in csv.reader(io.StringIO(text))]


def _from_grids(source: str, grids: dict[str, list[list[object]]], hidden: dict[str, set[int]]) -> Register:
    register = Register(source)
    guide = grids.get(GUIDE)
    if guide:
        for key, row in META_ROWS.items():
            if len(guide) >= row and len(guide[row - 1]) >= 2:
                register.meta[key] = guide[row - 1][1]
    for sheet_name, grid in grids.items():
        if sheet_name in (GUIDE, CHOICES):
            continue
        found = _table_of(sheet_name, grid)
        if found is None or found[0] in register.tables:
            continue
        name, header_index = found
        header = [_text(c) for c in grid[header_index]]
        table = Table(name, columns=[h for h in header if h])
        skip = hidden.get(sheet_name, set())
        for offset, cells in enumerate(grid[header_index + 1:], start=header_index + 2):
            if offset in skip:
                continue
            values = {h: _value(c) for h, c in zip(header, cells, strict=False) if h}
            if any(v not in (None, "") for v in values.values()):
                table.rows.append((offset, values))
        register.tables[name] = table
    return register


def _table_of(sheet_name: str, grid: list[list[object]]) -> tuple[str, int] | None:
    """The register a sheet holds and the index of its header row: by the sheet's name, else by
    a header naming every required column of one register."""
    for index, cells in enumerate(grid[:HEADER_SEARCH]):
        names = {_text(c) for c in cells}
        candidates = [sheet_name] if sheet_name in SHEETS else list(SHEETS)
        for register in candidates:
            required = {c.name for c in SHEETS[register] if c.required}
            known = names & {c.name for c in SHEETS[register]}
            if required <= names and len(known) >= 2:
                return register, index
    return None


def _text(value: object) -> str:
    return re.sub(r"\s+", "", str(value)) if value is not None else ""


def _value(value: object) -> object:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value
