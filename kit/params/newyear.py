"""Starting a new year's params file, pre-filled from the previous year where one exists."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from kit.base.errors import KitError
from kit.base.problems import Problem, has_errors
from kit.formats.levels import kind_from_name
from kit.formats.spec import ReportFormat
from kit.params.loader import load_params
from kit.params.model import REWRITE_MARK, Breakdown, Number, Prose, ReportParams, SectionText, Unit
from kit.params.paths import params_path
from kit.params.writer import dumps, write_atomic


class NewYearError(KitError):
    """The new file cannot be created; the message is Chinese and says why."""


def default_preamble(unit: Unit, year: int, fmt: ReportFormat) -> str:
    name = unit.organ
    return (f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《{fmt.notice_title}》"
            f"（{fmt.notice}）要求，由{name}编制。本报告中所列数据的统计期限自{year}年1月1日起至"
            f"{year}年12月31日止。")


def _marked(text: str) -> str:
    return f"{REWRITE_MARK}{text}" if text.strip() and REWRITE_MARK not in text else text


def carry_forward(previous: ReportParams, year: int) -> ReportParams:
    """The new year's params: identity and contact kept, prose marked for rewriting,
    Table 三 ``carried_over`` = last year's ``carried_forward``, each stock that rolls forward
    (the format's RollForward, rule R7: 现行有效件数) = what R7 expects while nothing was added
    or removed yet, every other cell 0."""
    sections = {
        sid: SectionText(_marked(body.text),
                         {k: Prose(_marked(p.text), p.title) for k, p in body.subsections.items()})
        for sid, body in previous.sections.items()
    }
    fresh = ReportParams(unit=previous.unit, year=year)
    apps = fresh.format.table("applications")
    carried = {c.id: previous.value("applications", "carried_forward", c.id)
               for c in apps.row("carried_over").input_columns()}
    tables: dict[str, dict[str, dict[str, Number]]] = {"applications": {"carried_over": carried}}
    for table in fresh.format.tables:
        rule = table.roll_forward
        if rule is None or previous.format.id != fresh.format.id:  # as R7: within one format
            continue
        for row_id in rule.rows:
            stock = rule.expected(_last_year(previous, table.id, row_id), _nothing)
            if stock:
                tables.setdefault(table.id, {}).setdefault(row_id, {})[rule.stock] = stock
    breakdown = None
    if previous.breakdown is not None:
        breakdown = Breakdown(0, dict.fromkeys(previous.breakdown.items, 0))
    return replace(fresh, contact=previous.contact, sections=sections, breakdown=breakdown,
                   preamble=default_preamble(previous.unit, year, fresh.format),
                   tables=tables)


def blank(unit: Unit, year: int) -> ReportParams:
    fresh = ReportParams(unit=unit, year=year)
    return replace(fresh, preamble=default_preamble(unit, year, fresh.format),
                   breakdown=Breakdown(0, {}))


def new_params(root: Path, county: str, unit_name: str, year: int, unit_kind: str | None = None,
               ) -> tuple[ReportParams, Path, list[Problem]]:
    """Build (not write) the new year's params; raise NewYearError when impossible."""
    path = params_path(root, county, unit_name, year)
    if path.exists():
        msg = f"{path} 已存在，不会覆盖。如需重新生成，请先把原文件改名备份。"
        raise NewYearError(msg)
    prev_path = path.with_name(f"{year - 1}.yaml")
    if not prev_path.exists():
        kind = unit_kind or kind_from_name(unit_name)
        province, city = county_location(root, county)
        unit = Unit(province=province, city=city, county=county, name=unit_name, kind=kind)
        return blank(unit, year), path, []
    previous, problems = load_params(prev_path)
    if previous is None or has_errors(problems):
        msg = (f"上一年的参数文件 {prev_path} 有错误，无法据此生成新文件。"
               f"请先运行 python -m kit check {prev_path} 并改正。")
        raise NewYearError(msg)
    return carry_forward(previous, year), path, problems


def county_location(root: Path, county: str) -> tuple[str, str]:
    """Province and city from another unit of the same county, if any ("" otherwise)."""
    for other in sorted((root / county).glob("*/*.yaml"), reverse=True):
        params, _ = load_params(other)
        if params is not None:
            return params.unit.province, params.unit.city
    return "", ""


def create(root: Path, county: str, unit_name: str, year: int, unit_kind: str | None = None,
           ) -> tuple[Path, ReportParams]:
    """Write the new year's params file; returns its path and what it holds."""
    params, path, _ = new_params(root, county, unit_name, year, unit_kind)
    text = dumps(params)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.new")
    write_atomic(tmp, text)
    try:  # link is atomic and refuses an existing target: never overwrite a file
        os.link(tmp, path)
    except FileExistsError as exc:
        msg = f"{path} 已存在，不会覆盖。"
        raise NewYearError(msg) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return path, params


def _last_year(previous: ReportParams, table_id: str, row_id: str) -> Callable[[str], Number]:
    """A row's cells in last year's report, by column id."""
    return lambda col_id: previous.value(table_id, row_id, col_id)


def _nothing(_col_id: str) -> Number:
    return 0
