"""The kernel side of the clerk's page: the desk's form for one account, configured from the
server's environment (database address, params and outputs folders)."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from kit.desk.database import open_engine
from kit.desk.service import Desk
from kit.form.desk_form import DeskForm

DB_VAR, PARAMS_VAR, OUT_VAR, BASE_VAR = "KIT_DESK_DB", "KIT_DESK_PARAMS", "KIT_DESK_OUTPUTS", "KIT_DESK_BASE"


def desk_from_environment() -> Desk:
    return Desk(open_engine(os.environ[DB_VAR]), Path(os.environ[PARAMS_VAR]), Path(os.environ[OUT_VAR]))


def file_href(out_root: Path, base: str):
    """The address of a generated file on the desk's file route (only the unit's own)."""
    def href(file: Path) -> str:
        relative = file.resolve().relative_to(out_root.resolve()).as_posix()
        return f"{base}kit/files/{quote(relative)}"
    return href


def desk_form(username: str) -> DeskForm:
    desk = desk_from_environment()
    found = desk.account(username)
    if found is None:
        raise SystemExit("账号不存在。")
    base = os.environ.get(BASE_VAR, "/")
    form = DeskForm(desk, found[0], href=file_href(desk.out_root, base), base=base)
    form.widget.add_class("kit-app")
    return form
