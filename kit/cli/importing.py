"""``python -m kit import FILE [--params-dir DIR]``: a params file from a published report.

Writes ``<DIR>/<县>/<乡镇>/<年>.yaml`` (never overwriting), so ``kit new`` can start the next
year from it. Cells that could not be read are listed here and in the file, and left out.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from kit.params.model import Unit
from kit.params.names import name_problem
from kit.params.newyear import county_location
from kit.params.paths import DEFAULT_PARAMS, params_path
from kit.params.writer import dumps, write_atomic
from kit.reading.document import ReadError
from kit.reading.published import read_published
from kit.reading.to_params import convert

HELP = "从已发布的年报（网页、Word、PDF、文本）生成参数文件，读不出的格子列出且不写入"


def configure(parser: argparse.ArgumentParser) -> None:
    from kit.cli.args import report_year  # the shared year type

    parser.add_argument("file", type=Path, metavar="文件", help="已发布的年报文件")
    parser.add_argument("--params-dir", "--params", dest="params_dir", type=Path, default=DEFAULT_PARAMS, help="参数目录（默认 params/）")
    parser.add_argument("--year", type=report_year, help="报告年度（文档中没有或有误时指定）")
    parser.add_argument("--county", help="县（区）名称（标题中读不出时指定）")
    parser.add_argument("--unit", help="乡镇名称（标题中读不出时指定）")
    parser.add_argument("--province", help="省（本县还没有其他参数文件时指定）")
    parser.add_argument("--city", help="市（本县还没有其他参数文件时指定）")


def run(args: argparse.Namespace) -> int:
    try:
        report = read_published(args.file, args.year)
    except ReadError as exc:
        print(str(exc))
        return 1
    year = args.year or report.year
    if year and not args.year:  # the document's own year must be one a report can have, as kit new's
        from kit.cli.args import report_year

        try:
            report_year(str(year))
        except argparse.ArgumentTypeError as exc:
            print(f"文档中的年度有误：{exc}。请检查文档，或用 --year 指定正确的年度后再导入。")
            return 1
    county = args.county or (report.unit.county if report.unit else "")
    name = args.unit or (report.unit.name if report.unit else "")
    if not year or not county or not name:
        need = "、".join(w for w, v in (("--year 年度", year), ("--county 县", county), ("--unit 乡镇", name)) if not v)
        print(f"从标题“{report.title or '（无标题）'}”中读不出{need.replace('--', '').split(' ')[0]}等信息。"
              f"请用 {need} 指定后再导入。")
        return 1
    for value in (county, name):
        problem = name_problem(value)
        if problem:
            print(f"名称“{value}”{problem}。请用 --county / --unit 指定正确的名称。")
            return 1
    found_province, found_city = county_location(args.params_dir, county)
    province, city = args.province or found_province, args.city or found_city
    if not province or not city:
        print(f"参数目录 {args.params_dir} 中还没有{county}的其他参数文件，读不出所在的省、市。"
              "请加上 --province 省名 --city 市名（例如 --province 山西省 --city 长治市）后再导入。")
        return 1
    kind = "街道" if name.endswith("街道") else (name[-1] if name[-1] in ("乡", "镇") else "镇")
    conversion = convert(report, year, Unit(province, city, county, name, kind))
    path = params_path(args.params_dir, county, name, year)
    if path.exists():
        print(f"{path} 已存在，不会覆盖。如需重新导入，请先把原文件改名备份。")
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = write_atomic(path.with_name(f".{path.name}.import"), dumps(conversion.params, frozenset(conversion.unknown)))
    try:
        os.link(tmp, path)  # atomic, and refuses an existing file
    except FileExistsError:
        print(f"{path} 已存在，不会覆盖。")
        return 1
    finally:
        tmp.unlink(missing_ok=True)
    print(f"已从 {args.file} 导入：{path}")
    inputs = [k for k in conversion.unknown if not _computed(conversion, k)]
    if inputs:
        fmt = conversion.params.format
        names = [f"{fmt.table(t).caption}“{fmt.table(t).row(r).place}”{fmt.table(t).row(r).column(c).label}"
                 for t, r, c in inputs]
        shown = "；".join(names[:8]) + (f" 等 {len(names)} 格" if len(names) > 8 else "")
        print(f"    原报告中有 {len(names)} 个格子无法读取（空白、不是数字或缺失），没有写入：{shown}。"
              "请核实后补填。")
    print(f"    请运行 python -m kit check {path} 查看还需修改之处；下一年度可用 python -m kit new {county}/{name} {year + 1}。")
    return 0


def _computed(conversion, cell) -> bool:
    table = conversion.params.format.table(cell[0])
    row = table.row(cell[1])
    return row.computed or row.column(cell[2]).computed
