"""``python -m kit serve``: the county's desk as a web server (报送、审核、退回、发布).

Listens on 127.0.0.1 unless ``--ip`` says otherwise. On an empty database it creates the
accounts of every county in the params folder and prints them with their one-time passwords.
``--backup FILE`` and ``--restore FILE`` copy the desk's database and stop.
"""

from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path

from kit.params.paths import DEFAULT_OUT, DEFAULT_PARAMS

DEFAULT_PORT = 8870


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--params", type=Path, default=DEFAULT_PARAMS, help="参数目录（默认 params/）")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="输出目录（默认 outputs/）")
    parser.add_argument("--db", metavar="地址", help="数据库地址（默认 params 旁 desk/ 中的 SQLite 文件；"
                        "PostgreSQL 写作 postgresql://用户@主机:端口/库名）")
    parser.add_argument("--ip", default="127.0.0.1", help="监听地址（默认 127.0.0.1，只供本机；县内网用本机的内网地址）")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"端口（默认 {DEFAULT_PORT}）")
    parser.add_argument("--hostname", action="append", default=[], metavar="名称",
                        help="浏览器地址栏中本服务器的名称（可写多次），其他名称的请求一律拒绝")
    parser.add_argument("--certfile", help="TLS 证书文件（启用 https）")
    parser.add_argument("--keyfile", help="TLS 私钥文件")
    parser.add_argument("--no-browser", action="store_true", help="不自动打开浏览器")
    parser.add_argument("--backup", type=Path, metavar="文件", help="把数据库备份到该文件后退出")
    parser.add_argument("--restore", type=Path, metavar="文件", help="把备份恢复到（空的）数据库后退出")


def run(args: argparse.Namespace) -> int:
    from kit.desk.backup import backup, restore
    from kit.desk.roster_accounts import seed_if_empty
    from kit.server.app import launch, prepare, server_config

    if not args.params.is_dir():
        print(f"找不到参数目录 {args.params}。请在本工具的目录中运行，或用 --params 指定参数目录。", file=sys.stderr)
        return 2
    if bool(args.certfile) != bool(args.keyfile):
        print("--certfile 和 --keyfile 须同时给出。", file=sys.stderr)
        return 2
    desk, pages = prepare(args.params, args.out, args.db)
    if args.backup or args.restore:
        counts = backup(desk.engine, args.backup) if args.backup else restore(desk.engine, args.restore)
        what = f"已备份到 {args.backup}" if args.backup else f"已从 {args.restore} 恢复"
        print(f"{what}：账号 {counts['users']} 个，报告 {counts['reports']} 份，版本 {counts['versions']} 个，"
              f"记录 {counts['events']} 条。")
        return 0
    for account in seed_if_empty(desk):
        print(f"  账号 {account.username}（{'县审核人' if account.role == 'reviewer' else '填报人'}）"
              f"初始密码 {account.password}")
    if not _free(args.ip, args.port):
        print(f"端口 {args.port} 已被占用。请用 --port 换一个端口。", file=sys.stderr)
        return 1
    scheme = "https" if args.certfile else "http"
    print(f"报送审核服务器已启动：{scheme}://{args.hostname[0] if args.hostname else args.ip}:{args.port}/"
          "\n（用完后在本窗口按 Ctrl+C 停止。）", flush=True)
    launch(server_config(pages, args.ip, args.port, not args.no_browser, args.hostname,
                         args.certfile, args.keyfile))
    return 0


def _free(ip: str, port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind((ip, port))
        except OSError:
            return False
    return True
