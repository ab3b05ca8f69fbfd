"""``python -m kit users <县> [--out 账号.xlsx]``: the desk's accounts for a county's roster."""

from __future__ import annotations

import argparse
from pathlib import Path

from kit.cli.args import place_name
from kit.params.paths import DEFAULT_PARAMS


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("county", metavar="县", type=place_name, help="县（市、区）名，与参数目录中的文件夹同名")
    parser.add_argument("--params", type=Path, default=DEFAULT_PARAMS, help="参数目录（默认 params/）")
    parser.add_argument("--db", metavar="地址", help="数据库地址（默认 params 旁 desk/ 中的 SQLite 文件；"
                        "PostgreSQL 写作 postgresql://用户@主机:端口/库名）")
    parser.add_argument("--from", dest="sheet", type=Path, metavar="名单.xlsx",
                        help="单位名单（.xlsx，表头为“单位”的一列或第一列），不给时按县级设置的应报名单")
    parser.add_argument("--out", type=Path, help="初始密码表（.xlsx，默认“<县>账号.xlsx”）")


def run(args: argparse.Namespace) -> int:
    from kit.desk.database import open_engine, sqlite_url
    from kit.desk.roster_accounts import county_accounts, units_from_sheet, write_sheet
    from kit.desk.service import Desk
    from kit.server.app import data_folder

    data = data_folder(args.params)
    data.mkdir(parents=True, exist_ok=True)
    desk = Desk(open_engine(args.db or sqlite_url(data)), args.params.resolve(), args.params.resolve().parent)
    made = county_accounts(desk, args.county, units_from_sheet(args.sheet) if args.sheet else None)
    if not made:
        print(f"{args.county}的账号都已建立，没有新增。忘记密码的账号请由管理员重设。")
        return 0
    sheet = write_sheet(made, args.out or Path(f"{args.county}账号.xlsx"))
    print(f"已建立 {len(made)} 个账号（县审核人 {sum(a.role == 'reviewer' for a in made)} 个，"
          f"填报人 {sum(a.role == 'clerk' for a in made)} 个），初始密码写入 {sheet}。"
          "请分发给各单位；第一次登录后须修改密码。")
    return 0
