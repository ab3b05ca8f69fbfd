"""``python -m kit lint FILE_OR_FOLDER... [--year Y] [--level 部门] [--json]``: every problem of
published reports.

The publishing unit's level (乡镇、部门、县政府、市政府: kit.formats.levels) decides the deadline and
the rules on 规章 and 考核评议; it is inferred from each title and printed, and ``--level`` sets it.

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
from kit.formats.levels import LEVELS, level_named
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

LEVEL_FROM = {"title": "，据标题判断", "given": "，按 --level", "default": "，标题未显示层级，按乡镇检查"}
HELP = "检查已发布的年报（网页、Word、PDF、文本）：格式、表格、勾稽关系、年份、发布日期"


def month_day(text: str) -> tuple[int, int]:
    try:
        return parse_month_day(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是月-日，例如 02-20（次年 2月20日）") from None


def level_word(text: str) -> str:
    level = level_named(text)
    if level is None:
        words = "、".join(lv.short for lv in LEVELS.values())
        raise argparse.ArgumentTypeError(f"“{text}”不是单位层级，可选：{words}")
    return level.id


def configure(parser: argparse.ArgumentParser) -> None:
    from kit.cli.args import report_year  # the shared year type

    parser.add_argument("paths", nargs="+", type=Path, metavar="文件或文件夹",
                        help="已发布的年报文件（.html .docx .pdf .txt），或存放它们的文件夹")
    parser.add_argument("--year", type=report_year, help="报告年度（文档中的年份缺失或有误时指定）")
    parser.add_argument("--level", type=level_word, metavar="层级",
                        help="发布单位的层级：乡镇、部门、县政府、市政府（默认按标题判断，判断不出时按乡镇）")
    parser.add_argument("--deadline", type=month_day,
                        help="发布截止日期（次年的月-日）。默认按层级：乡镇取县级设置 county.yaml，否则 01-31；"
                             "部门 01-31；县、市政府 03-31")
    parser.add_argument("--params", "--params-dir", dest="params", type=Path, default=DEFAULT_PARAMS, help="参数目录，用于查找县级设置（默认 params/）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出，每份文档一项")
    parser.add_argument("--jobs", type=positive_int, default=None, metavar="N", help="同时检查的进程数（默认为 CPU 核数）")


@dataclass(frozen=True)
class DeadlineRule:
    """The deadline for a report: --deadline, else its level's (a township's: its county's
    county.yaml, else 1月31日) (an object, not a closure, so worker processes can receive it)."""

    month_day: tuple[int, int] | None
    params_dir: Path

    def __call__(self, report: PublishedReport) -> date | None:
        if report.year is None:
            return None
        if self.month_day:
            return due_date(report.year, self.month_day)
        if not LEVELS[report.level].local_deadline:
            return default_deadline(report)
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
        level = LEVELS[report.level].name + LEVEL_FROM[report.level_from]
        what = (f"（{report.year or '年度不明'} 年度，表格：{layout.get(report.layout, report.layout)}，"
                f"单位层级：{level}）")
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
    results = check_many(files, args.year, DeadlineRule(args.deadline, args.params), args.jobs, args.level)
    if args.json:
        print(json.dumps([as_json(r) for r in results], ensure_ascii=False, indent=1))
    else:
        for result in results:
            print(format_result(result))
        errors = sum(r.errors for r in results)
        warnings = sum(len(r.problems) for r in results) - errors
        print(f"共检查 {len(results)} 份文档：{errors} 个错误，{warnings} 个警告。")
    return 1 if any(r.errors for r in results) else 0
