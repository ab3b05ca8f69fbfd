"""``python -m kit lint FILE_OR_FOLDER... [--year Y] [--json]``: every problem of published reports.

Reads saved portal pages, Word (.docx), PDF with a text layer and plain text (see
:mod:`kit.reading`), checks what was printed, and lists each problem with where it is and how
to fix it. Exit 1 when any document has an error (or cannot be read), 0 otherwise.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kit.base.errors import KitError
from kit.cli.args import positive_int
from kit.formats.deadlines import due_date
from kit.params.county_file import load_settings, parse_month_day
from kit.params.paths import DEFAULT_PARAMS
from kit.reading.model import PublishedReport
from kit.reading.published import (
    PublishedResult,
    as_json,
    check_many,
    default_deadline,
    documents,
)

HELP = "检查已发布的年报（网页、Word、PDF、文本）：格式、表格、勾稽关系、年份、发布日期"


def month_day(text: str) -> tuple[int, int]:
    try:
        return parse_month_day(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是月-日，例如 02-20（次年 2月20日）") from None


def configure(parser: argparse.ArgumentParser) -> None:
    from kit.cli.args import report_year  # the shared year type

    parser.add_argument("paths", nargs="+", type=Path, metavar="文件或文件夹",
                        help="已发布的年报文件（.html .docx .pdf .txt），或存放它们的文件夹")
    parser.add_argument("--year", type=report_year, help="报告年度（文档中的年份缺失或有误时指定）")
    parser.add_argument("--deadline", type=month_day,
                        help="发布截止日期（次年的月-日），默认取县级设置 county.yaml，否则 01-31")
    parser.add_argument("--params", "--params-dir", dest="params", type=Path, default=DEFAULT_PARAMS, help="参数目录，用于查找县级设置（默认 params/）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出，每份文档一项")
    parser.add_argument("--jobs", type=positive_int, default=None, metavar="N", help="同时检查的进程数（默认为 CPU 核数）")


@dataclass(frozen=True)
class DeadlineRule:
    """The deadline for a report: --deadline, else its county's county.yaml, else 1月31日
    (an object, not a closure, so worker processes can receive it)."""

    month_day: tuple[int, int] | None
    params_dir: Path

    def __call__(self, report: PublishedReport) -> date | None:
        if report.year is None:
            return None
        if self.month_day:
            return due_date(report.year, self.month_day)
        if report.unit and report.unit.county:
            try:
                return load_settings(self.params_dir, report.unit.county).deadline_for(report.year)
            except KitError:
                # a county.yaml that cannot be read may hold another deadline: judge none rather
                # than call an on-time report late (kit check names what is wrong with the file)
                return None
        return default_deadline(report)


def format_result(result: PublishedResult) -> str:
    report = result.report
    errors, warnings = result.errors, len(result.problems) - result.errors
    what = ""
    if report is not None:
        layout = {"2021": "2021 格式", "2019": "2019 试行格式", "hybrid": "混用两种格式", "unknown": "未识别"}
        what = f"（{report.year or '年度不明'} 年度，表格：{layout.get(report.layout, report.layout)}）"
    lines = [f"== {result.file}{what}：{errors} 个错误，{warnings} 个警告"]
    ordered = sorted(result.problems, key=lambda p: not p.is_error)
    lines += [f"  {p.format()}" for p in ordered]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    files = documents(args.paths)
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(f"找不到：{'、'.join(map(str, missing))}。请检查路径。")
        return 1
    if not files:
        print("没有找到可检查的文件（.html .htm .docx .pdf .txt）。")
        return 1
    results = check_many(files, args.year, DeadlineRule(args.deadline, args.params), args.jobs)
    if args.json:
        print(json.dumps([as_json(r) for r in results], ensure_ascii=False, indent=1))
    else:
        for result in results:
            print(format_result(result))
        errors = sum(r.errors for r in results)
        warnings = sum(len(r.problems) for r in results) - errors
        print(f"共检查 {len(results)} 份文档：{errors} 个错误，{warnings} 个警告。")
    return 1 if any(r.errors for r in results) else 0
