"""Choosing which report to draft: county, unit and year, from ``params/`` or typed in."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from pathlib import Path

import ipywidgets as w

from kit.form.actions import run_busy
from kit.params.names import name_problem
from kit.params.paths import path_identity


def counties(root: Path) -> list[str]:
    return _folders(root)


def units(root: Path, county: str) -> list[str]:
    return _folders(root / county) if county else []


def years(root: Path, county: str, unit: str) -> list[int]:
    folder = root / county / unit
    if not (county and unit) or not folder.is_dir():
        return []
    return sorted(found[2] for p in folder.iterdir() if (found := path_identity(p)) is not None)


def _folders(path: Path) -> list[str]:
    if not path.is_dir():
        return []
    return sorted(p.name for p in path.iterdir() if p.is_dir() and not p.name.startswith("."))


def unknown(root: Path, county: str, unit: str) -> str | None:
    """Why opening ``county``/``unit`` would start a report for a place with no file yet (with
    the names of that kind closest to it), or None when the unit has files or a name is not
    one at all (opening says why)."""
    if name_problem(county) or name_problem(unit):
        return None
    known = counties(root)
    if county not in known:
        return f"还没有“{county}”这个县（市、区）的报告。{_near(county, known)}"
    have = units(root, county)
    if unit not in have:
        return f"{county}还没有“{unit}”的报告。{_near(unit, have)}"
    return None


def _near(name: str, known: list[str]) -> str:
    """"您要找的是不是：…？" with the known names closest to ``name`` ("" when none is)."""
    near = difflib.get_close_matches(name, known, n=3, cutoff=0.3) or [
        k for k in known if name in k or k in name][:3]
    return f"您要找的是不是：{'、'.join(near)}？" if near else ""


def parse_year(text: str) -> tuple[int | None, str | None]:
    """The year typed or chosen ("2022" or "2022（新建）"), or why it is not one."""
    match = re.match(r"^\s*(\d{4})", text)
    if match is None:
        return None, f"年度“{text}”不是四位数字年份。请填写如 2022。"
    return int(match.group(1)), None


def year_options(found: list[int]) -> list[str]:
    """Existing years, then the year after the latest, offered as a new file."""
    options = [str(y) for y in reversed(found)]
    if found:
        options.insert(0, f"{found[-1] + 1}（新建）")
    return options


class Chooser:
    """Three combo boxes (choose or type) and an 打开 button calling ``on_open``."""

    def __init__(self, root: Path, on_open: Callable[[str, str, str], None]) -> None:
        self.root = root
        box = w.Layout(width="15em")
        self.county = w.Combobox(placeholder="选择或输入县名", ensure_option=False, layout=box,
                                 description="县（市、区）")
        self.unit = w.Combobox(placeholder="选择或输入乡镇、部门名", ensure_option=False, layout=box,
                               description="单位")
        self.year = w.Combobox(placeholder="如 2022", ensure_option=False,
                               layout=w.Layout(width="13em"), description="年度")
        for widget in (self.county, self.unit, self.year):
            widget.style.description_width = "6.5em" if widget is not self.year else "2.5em"
        self.open_button = w.Button(description="打开", icon="folder-open", button_style="info",
                                    tooltip="打开所选报告；没有该年度的文件时据上一年新建（保存后才写入）",
                                    layout=w.Layout(width="7em"))
        self.open_button.on_click(lambda _: run_busy(
            self.open_button, "正在打开…",
            lambda: on_open(self.county.value.strip(), self.unit.value.strip(), self.year.value)))
        self.county.observe(lambda _: self._fill_units(), names="value")
        self.unit.observe(lambda _: self._fill_years(), names="value")
        self.widget = w.HBox([self.county, self.unit, self.year, self.open_button])
        self.widget.add_class("kit-bar")
        self.refresh()

    def refresh(self) -> None:
        """Re-read params/ (a file may have been saved or created)."""
        self.county.options = tuple(counties(self.root))
        self._fill_units()

    def _fill_units(self) -> None:
        self.unit.options = tuple(units(self.root, self.county.value.strip()))
        self._fill_years()

    def _fill_years(self) -> None:
        self.year.options = tuple(year_options(
            years(self.root, self.county.value.strip(), self.unit.value.strip())))

    def select(self, county: str, unit: str, year: int) -> None:
        self.county.value = county
        self.unit.value = unit
        self.year.value = str(year)

    def first(self) -> tuple[str, str, int] | None:
        """The first county and unit with files, at its latest year."""
        for county in counties(self.root):
            for unit in units(self.root, county):
                found = years(self.root, county, unit)
                if found:
                    return county, unit, found[-1]
        return None
