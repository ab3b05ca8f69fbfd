"""Accounts for a county's roster: a reviewer for the county and a clerk for every unit on it
(county.yaml, else every unit with a params file), with one-time passwords written to an .xlsx
sheet for the coordinator to hand out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from kit.base.atomic import atomic_target
from kit.desk.accounts import CLERK, REVIEWER, ROLE_LABELS
from kit.desk.database import DeskError, reading
from kit.desk.schema import User
from kit.desk.service import Desk
from kit.params.county_file import load_settings
from kit.params.names import name_problem

REVIEWER_SUFFIX = "审核"


@dataclass(frozen=True)
class Account:
    username: str
    role: str
    county: str
    unit: str
    password: str  # one-time: it must be changed at the first login


def county_accounts(desk: Desk, county: str, units: list[str] | None = None) -> list[Account]:
    """Create the accounts of ``county`` that do not exist yet (its reviewer and a clerk for each
    of ``units``, by default the roster); returns those created."""
    folder = desk.params_dir / county
    if units is None:
        if not folder.is_dir():
            raise DeskError(f"参数目录中没有“{county}”。请先用 python -m kit new {county}/<单位> <年> 建立报告。")
        found = sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
        units = load_settings(desk.params_dir, county).expected(found)
    wanted = [(f"{county}{REVIEWER_SUFFIX}", REVIEWER, "")] + [(f"{county}{u}", CLERK, u) for u in units]
    with reading(desk.factory) as session:
        existing = set(session.scalars(select(User.username).where(User.username.in_([w[0] for w in wanted]))))
    made = []
    for username, role, unit in wanted:
        if username not in existing:
            scope = {"county": county} | ({"unit": unit} if unit else {})
            made.append(Account(username, role, county, unit, desk.create_user(username, role, **scope)))
    return made


def units_from_sheet(path: Path) -> list[str]:
    """The units of an .xlsx list: the column headed 单位 (or the first column), one a row."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, InvalidFileException, BadZipFile, KeyError, ValueError) as exc:
        raise DeskError(f"无法读取名单 {path.name}：请用 Excel 或 WPS 另存为 .xlsx 后重试。") from exc
    sheet = book.worksheets[0]
    rows = [[str(c).strip() if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)]
    book.close()
    if not rows:
        raise DeskError(f"名单 {path.name} 是空的。请在第一列写单位名称，每行一个。")
    column = rows[0].index("单位") if "单位" in rows[0] else 0
    body = rows[1:] if rows[0][column] in ("单位", "单位名称") else rows
    units = list(dict.fromkeys(r[column] for r in body if column < len(r) and r[column]))
    bad = [u for u in units if name_problem(u)]
    if bad:
        raise DeskError(f"名单中的单位名称“{bad[0]}”{name_problem(bad[0])}")
    return units


def seed_if_empty(desk: Desk) -> list[Account]:
    """On a desk without any account: the accounts of every county in the params folder."""
    with reading(desk.factory) as session:
        if session.scalar(select(func.count()).select_from(User)):
            return []
    counties = sorted(p.name for p in desk.params_dir.iterdir() if p.is_dir() and not p.name.startswith("."))
    return [a for county in counties for a in county_accounts(desk, county)]


def write_sheet(accounts: list[Account], path: Path) -> Path:
    """The accounts as an .xlsx sheet (never over an existing file)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    if path.exists():
        raise DeskError(f"{path} 已存在。请换一个文件名，以免覆盖已分发的密码表。")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "账号"
    sheet.append(["县（市、区）", "单位", "账号", "角色", "初始密码", "说明"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for a in accounts:
        sheet.append([a.county, a.unit or "（全县）", a.username, ROLE_LABELS[a.role], a.password,
                      "第一次登录后须修改密码"])
    for column, width in zip("ABCDEF", (14, 14, 20, 12, 14, 24), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    with atomic_target(path, suffix=".xlsx") as tmp:
        book.save(tmp)
    return path
