"""``python -m kit audit 栏目地址或文件夹``: the county's check of its 年报专栏 before the evaluators'.

From the column's address it walks that site only (robots.txt obeyed, one request a second by
default), finds each unit's report of each year, archives every page, and checks: one report per
unit and year, published by the deadline of the unit's level, attachments that open, a 解读 and
a 图解 beside it, unchanged since the last audit, not mostly last year's text, and what
``kit lint`` finds; then writes audit.html and audit.xlsx (明细 and 扣分, by the county's rule
pack 扣分规则.yaml). A folder of saved pages is checked the same way, offline.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from kit.audit import AuditError
from kit.audit.checks import audit_column
from kit.audit.crawl import Offline, crawl
from kit.audit.fetch import Fetcher
from kit.audit.report import load_rules, write_results
from kit.cli.args import report_year


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("start", metavar="栏目", help="年报专栏的网址（如 https://www.example.gov.cn/zwgk/ndbg/），或存放网页的文件夹")
    parser.add_argument("--out", type=Path, help="结果文件夹（默认 outputs/audit/<网站>）；再次检查时用同一文件夹，可发现发布后有变动的页面")
    parser.add_argument("--units", help="应发布年报的单位全称，用逗号分隔（默认为专栏中出现的单位）")
    parser.add_argument("--since", type=report_year, default=2019, help="从哪一年度查起（默认 2019）")
    parser.add_argument("--rules", type=Path, help="扣分规则文件（YAML，默认为结果文件夹中的 扣分规则.yaml，没有则用内置规则）")
    parser.add_argument("--interval", type=float, default=1.0, metavar="秒", help="两次请求之间至少间隔的秒数（默认 1）")


def run(args: argparse.Namespace) -> int:
    local = Path(args.start)
    offline = "://" not in args.start
    if offline and not local.exists():
        print(f"找不到 {args.start}。请给出年报专栏的网址（以 http:// 或 https:// 开头）或存放网页的文件夹。", file=sys.stderr)
        return 2
    if not offline and urlsplit(args.start).scheme not in ("http", "https"):
        print(f"“{args.start}”不是网址，应以 http:// 或 https:// 开头。", file=sys.stderr)
        return 2
    name = local.resolve().name if offline else urlsplit(args.start).netloc.replace(":", "_")
    out = args.out or Path("outputs") / "audit" / name
    archive = out / "archive"
    archive.mkdir(parents=True, exist_ok=True)
    earlier = _earlier(archive / "index.json")
    rules_path = args.rules or (out / "扣分规则.yaml" if (out / "扣分规则.yaml").is_file() else None)
    try:
        rules = load_rules(rules_path)
    except AuditError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if offline:
        start_page = local / "index.html" if local.is_dir() else local
        fetcher: Fetcher = Offline(local if local.is_dir() else local.parent, archive)
        start = start_page.resolve().as_uri()
    else:
        fetcher, start = Fetcher(args.start, archive, args.interval), args.start
    try:
        column = crawl(fetcher, start)
    finally:
        fetcher.close()
    units = [u.strip() for u in args.units.split(",") if u.strip()] if args.units else None
    rows, column_findings = audit_column(column, date.today(), args.since, units, earlier)
    files = write_results(out, args.start, rows, column_findings, column.notes, rules, date.today())
    reports = sum(1 for e in column.entries if e.kind == "report")
    problems = sum(1 for r in rows for f in r.findings if not f.unsure)
    for note in column.notes:
        print(f"  {note}")
    print(f"检查了 {len(column.listings)} 个栏目页、{reports} 篇年报；{len({r.unit for r in rows})} 个单位，"
          f"发现 {problems} 个问题。结果：{'、'.join(str(f) for f in files)}")
    if not column.listings:
        print("没有打开任何栏目页，已保存的结果只是部分结果。请检查网址或网络后重试。", file=sys.stderr)
        return 1
    return 1 if problems else 0


def _earlier(index: Path) -> dict[str, str]:
    try:
        entries = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(e.get("url")): str(e.get("sha256")) for e in entries if isinstance(e, dict)}
