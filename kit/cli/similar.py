"""``python -m kit similar <县> [<年>]``: reports whose prose is nearly the same (内容雷同).

Compares each pair of the county's townships in the year, and each township with its own
report of the year before (see :mod:`kit.county.similar`). Exit 1 when any pair reaches the
threshold, 0 when none does.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from kit.base.errors import user_message
from kit.county.rollup import load_county, unit_years
from kit.county.similar import (
    ProseDoc,
    county_copies,
    county_docs,
    normalize,
    prose_doc,
    shared_passages,
    shared_share,
    similar_pairs,
)
from kit.params.county_file import DEFAULT_SIMILARITY, MIN_SIMILARITY
from kit.params.paths import DEFAULT_PARAMS
from kit.reading.document import ReadError
from kit.reading.published import documents, read_published
from kit.reading.to_params import convert

HELP = "内容雷同检查：各乡镇本年度报告之间、与各自上年报告之间正文相似度过高的，逐对列出"


def threshold(text: str) -> float:
    try:
        value = float(text.rstrip("%")) / (100 if text.endswith("%") else 1)
    except ValueError:
        value = -1.0
    if not MIN_SIMILARITY <= value <= 1:
        raise argparse.ArgumentTypeError(f"阈值“{text}”应为 {MIN_SIMILARITY} 到 1 之间的小数或 "
                                         f"{int(MIN_SIMILARITY * 100)}% 到 100%，例如 0.8")
    return value


def configure(parser: argparse.ArgumentParser) -> None:
    from kit.cli.args import place_name, report_year  # the shared argument types

    parser.add_argument("county", metavar="县", nargs="?", type=place_name, help="县（区）名称，例如 襄垣县（用 --published 时可不写）")
    parser.add_argument("year", type=report_year, nargs="?", help="年度，例如 2022；不写时为最近的年度")
    parser.add_argument("--params", type=Path, default=DEFAULT_PARAMS, help="参数目录（默认 params/）")
    parser.add_argument("--threshold", type=threshold, default=None,
                        help="提示阈值，0.5–1（默认取县级设置 county.yaml 的 similarity，否则 0.8）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出（每对一项）")
    parser.add_argument("--published", nargs="+", type=Path, metavar="文件或文件夹",
                        help="比较已发布的年报（网页、Word、PDF、文本），而不是参数文件")


def run(args: argparse.Namespace) -> int:
    if args.published:
        return run_published(args)
    if not args.county:
        print("请写出县（区）名称，例如 python -m kit similar 襄垣县 2022；或用 --published 指定已发布的年报。")
        return 2
    year = args.year
    if year is None:
        years = [y for ys in unit_years(args.params, args.county).values() for y in ys]
        year = max(years) if years else date.today().year - 1  # none: load_county says why
    data = load_county(args.params, args.county, year)  # RollupError: Chinese, names the fix
    limit = data.settings.similarity if args.threshold is None else args.threshold
    pairs = county_copies(data, limit)
    compared = len(data.loaded)
    before = len(county_docs(data)) - compared
    head = (f"[内容雷同] {data.county} {year} 年度：比较了 {compared} 份本年度报告"
            f"{f'（及 {before} 份上年报告）' if before else ''}，阈值 {int(limit * 100)}%。")
    return show(pairs, head, args.json, f"县级汇总（python -m kit summary {data.county} {year}）的“内容雷同检查”"
                "部分逐段标出了相同的文字。")


def run_published(args: argparse.Namespace) -> int:
    """The same comparison over published documents (read as kit lint reads them)."""
    docs: list[ProseDoc] = []
    unread: list[str] = []
    seen: set[tuple[str, str, int]] = set()
    for path in documents(args.published):
        try:
            report = read_published(path, args.year)
            if report.year is None or report.unit is None:
                unread.append(f"{path}：标题中读不出单位或年度，未参与比较。")
                continue
            doc = prose_doc(convert(report, report.year).params)
        except ReadError as exc:
            unread.append(str(exc))
            continue
        except Exception as exc:  # whatever one file does (a year without a format…), the others go on
            unread.append(f"{path}：未参与比较。{user_message(exc, f'kit similar {path}')}")
            continue
        if doc.key in seen:  # the same unit-year again (its HTML, PDF and Word): one report
            continue
        seen.add(doc.key)
        docs.append(doc)
    for line in unread:
        print(line, file=sys.stderr)
    limit = args.threshold or DEFAULT_SIMILARITY
    groups = identical_groups(docs)  # each text compared once, however often it was published
    pairs = similar_pairs([group[0] for group in groups], limit)
    head = f"[内容雷同] 比较了 {len(docs)} 份已发布的年报，阈值 {int(limit * 100)}%。"
    copies = [g for g in groups if len(g) > 1]
    if copies and not args.json:
        for group in copies:
            names = "、".join(d.name for d in group[:10]) + (f" 等 {len(group)} 份" if len(group) > 10 else "")
            print(f"{head}以下 {len(group)} 份报告的正文完全相同：{names}。")
    return show(pairs, head, args.json, "", copies)


def identical_groups(docs: list[ProseDoc]) -> list[list[ProseDoc]]:
    """Documents whose compared prose is the same, grouped (in the order first met)."""
    groups: dict[tuple[str, ...], list[ProseDoc]] = {}
    for doc in docs:
        names = (doc.county, doc.unit)  # the same text but for the unit's own name is the same text
        groups.setdefault(tuple(normalize(p, names) for p in doc.paragraphs), []).append(doc)
    return list(groups.values())


def show(pairs: list, head: str, as_json: bool, tail: str, copies: list | None = None) -> int:
    copies = copies or []
    if as_json:
        found = [{"kind": p.kind, "ratio": round(p.ratio, 4),
                  "first": {"unit": p.first.unit, "year": p.first.year},
                  "second": {"unit": p.second.unit, "year": p.second.year}} for p in pairs]
        found += [{"kind": "identical", "ratio": 1.0, "reports": [{"unit": d.unit, "year": d.year} for d in g]}
                  for g in copies]
        print(json.dumps(found, ensure_ascii=False, indent=1))
        return 1 if found else 0
    if not pairs:
        print(f"{head}{'其余' if copies else ''}没有发现相似度达到阈值的报告。")
        return 1 if copies else 0
    print(f"{head}相似度达到阈值的有 {len(pairs)} 对：")
    for pair in pairs:
        left, right = shared_passages(pair)
        same = int(max(shared_share(left), shared_share(right)) * 100)
        print(f"  {pair.describe()}：相似度 {pair.percent}%，相同的文字约占 {same}%。")
    print(f"请核实是否照抄。{tail}")
    return 1
