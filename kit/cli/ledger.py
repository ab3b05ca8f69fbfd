"""``python -m kit ledger template <县>/<单位> <年>`` and ``python -m kit ledger import <台账>``:
the registers a clerk keeps (依申请公开登记台账 …) compute the report's tables.

``import`` prints the problems of the register's rows and, cell by cell, what it would change
in the params file; it writes only with ``--apply``, and a figure the file already holds that the
register contradicts only with ``--overwrite`` as well. A register with errors is never applied.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kit.base.errors import KitError
from kit.cli.args import report_year
from kit.formats import format_for_year
from kit.ledger.apply import Change, apply, changes
from kit.ledger.compute import compute
from kit.ledger.layout import SHEETS
from kit.ledger.template import LedgerError, write_template
from kit.ledger.workbook import read_register
from kit.params.loader import load_params
from kit.params.paths import DEFAULT_PARAMS, params_path
from kit.rules.validate import load_previous


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="操作")
    template = sub.add_parser("template", help="生成空白台账（.xlsx），在 Excel 或 WPS 中填写")
    template.add_argument("unit", help="县/单位，例如 襄垣县/下良镇")
    template.add_argument("year", type=report_year, help="报告年度，例如 2023")
    template.add_argument("--out", type=Path, help="台账文件（默认：<单位><年>台账.xlsx）")
    imported = sub.add_parser("import", help="由台账计算表二、表三、表四和主动公开条数，核对后写入参数文件")
    imported.add_argument("file", type=Path, metavar="台账", help="台账文件（.xlsx、.xls 或 .csv）")
    imported.add_argument("--unit", help="县/单位（台账“说明”页已写明时不必指定；.csv 必须指定）")
    imported.add_argument("--year", type=report_year, help="报告年度（同上）")
    imported.add_argument("--params", "--params-dir", dest="params", type=Path, default=DEFAULT_PARAMS,
                          help="参数目录（默认 params/）")
    imported.add_argument("--previous", type=Path, metavar="上年台账",
                          help="上年的台账：逐件核对上年年底未答复的申请是否都计入了本年的上年结转")
    imported.add_argument("--apply", action="store_true", help="把台账算出的数字写入参数文件")
    imported.add_argument("--overwrite", action="store_true",
                          help="与 --apply 一起用：参数文件中已有、与台账不同的数字也改为台账的数字")


def run(args: argparse.Namespace) -> int:
    try:
        return _template(args) if args.action == "template" else _import(args)
    except KitError as exc:  # a register or year refused, a locked or unwritable params file
        print(str(exc), file=sys.stderr)
        return 1


def _unit(text: str) -> tuple[str, str]:
    parts = text.split("/")
    if len(parts) != 2 or not all(p.strip() for p in parts):
        raise LedgerError(f"“{text}”应写作 县/单位，例如 襄垣县/下良镇。")
    return parts[0].strip(), parts[1].strip()


def _template(args: argparse.Namespace) -> int:
    county, unit = _unit(args.unit)
    out = args.out or Path(f"{unit}{args.year}台账.xlsx")
    write_template(out, county, unit, args.year)
    print(f"已生成 {out}。请在 Excel 或 WPS 中填写后运行 python -m kit ledger import {out} 核对。")
    return 0


def _import(args: argparse.Namespace) -> int:
    register = read_register(args.file)
    county, unit = _unit(args.unit) if args.unit else (str(register.meta.get("县") or ""), str(register.meta.get("单位") or ""))
    year = args.year or _year(register.meta.get("年度"))
    if not county or not unit or year is None:
        raise LedgerError(f"{args.file.name} 没有写明县、单位和年度（台账“说明”页）。请加上 --unit 县/单位 --year 年度。")
    fmt = format_for_year(year)
    if fmt.id != "2021":
        raise LedgerError(f"{year} 年度使用 2019 试行格式，台账只支持 2021 年度起的格式。")
    if not register.tables:
        raise LedgerError(f"{args.file.name} 中没有找到任何台账表格（{'、'.join(SHEETS)}）。"
                          "请用 python -m kit ledger template 生成的台账填写，或保留其表头。")
    path = params_path(args.params, county, unit, year)
    params, _ = load_params(path) if path.is_file() else (None, [])
    if params is None:
        raise LedgerError(f"没有可用的参数文件 {path}。请先运行 python -m kit new {county}/{unit} {year}"
                          f"（已有的请先用 python -m kit check {path} 检查）。")
    last = read_register(args.previous) if args.previous else None
    computed = compute(register, fmt, year, load_previous(path), last_register=last)
    for problem in sorted(computed.problems, key=lambda p: not p.is_error):
        print(f"  {problem.format()}")
    errors = sum(p.is_error for p in computed.problems)
    counted = "，".join(f"{sheet} {n} 条" for sheet, n in computed.counted.items())
    print(f"台账 {args.file.name}：{year} 年度计入 {counted or '无'}；{errors} 个错误，"
          f"{len(computed.problems) - errors} 个提示。")
    found = changes(params, computed)
    if errors:
        print(f"台账有 {errors} 个错误，有错误的行未计入，算出的数字不完整：未写入。请按提示改正台账后重新导入。")
        return 1
    if not found:
        print(f"参数文件 {path} 中的数字与台账一致，无需改动。")
        return 0
    print(f"与参数文件 {path} 相比，台账将改动 {len(found)} 个数字：")
    for change in found:
        print(f"  {_line(change)}")
    if not args.apply:
        print("以上为预览，未写入。核对无误后加 --apply 写入参数文件。")
        return 0
    written, kept = apply(path, computed, args.overwrite)
    print(f"已写入 {len(written)} 个数字到 {path}。")
    if kept:
        print(f"有 {len(kept)} 个数字参数文件中已有且与台账不同，未改动（标“≠”者）。如确认以台账为准，请加 --overwrite。")
    return 0


def _line(change: Change) -> str:
    before = "（空）" if change.before is None else str(change.before)
    mark = "≠ " if change.conflict else ""
    return f"{mark}{change.where}：{before} → {change.after}"


def _year(value: object) -> int | None:
    try:
        return int(str(value).strip().removesuffix("年").removesuffix(".0"))
    except (TypeError, ValueError):
        return None
