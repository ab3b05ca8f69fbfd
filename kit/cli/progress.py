"""What a batch prints: a progress bar (stderr), a line per finished report and a summary table.

The bar is tqdm on stderr (shown only on a terminal unless asked); the per-report lines go to
stdout through ``tqdm.write`` so they do not tear the bar. Lines for built reports are the
build command's own (``[成功]``, ``[失败]`` …); a report skipped because nothing changed
prints ``[跳过] …：未改动``.
"""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO

from tqdm import tqdm

from kit.batch.batch import Outcome
from kit.batch.status import SKIPPED, STATUSES, format_result, label


class Progress:
    """Callable per outcome; use as a context manager around the batch."""

    def __init__(self, total: int, *, bar: bool | None = None, out: TextIO | None = None,
                 err: TextIO | None = None) -> None:
        self.total = total
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.bar_wanted = bar  # None: only when stderr is a terminal
        self.counts: Counter[str] = Counter()
        self._bar: Any = None

    def __enter__(self) -> Progress:
        disable = (not self.bar_wanted) if self.bar_wanted is not None else None
        self._bar = tqdm(total=self.total, file=self.err, unit="份", desc="生成报告",
                         disable=disable, dynamic_ncols=True, leave=True)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._bar is not None:
            self._bar.close()

    def __call__(self, outcome: Outcome) -> None:
        self.counts[label(outcome.status)] += 1  # 成功, 未改动, 参数有错误, 草稿, 失败 …
        tqdm.write(format_outcome(outcome), file=self.out)
        self.out.flush()
        if self._bar is not None:
            self._bar.set_postfix_str(f"{outcome.job.name} {label(outcome.status)}；"
                                      + " ".join(f"{k} {v}" for k, v in sorted(self.counts.items())),
                                      refresh=False)
            self._bar.update(1)


def format_outcome(outcome: Outcome) -> str:
    if outcome.result is None:
        return (f"[{STATUSES[SKIPPED].tag}] {outcome.job.name}：未改动（参数文件、上年参数文件、模板、输出格式和工具均与上次相同），"
                "沿用上次生成的报告；要重新生成请加 --force")
    return format_result(outcome.result)


def note(outcome: Outcome) -> str:
    """The table's 说明 column: where and why it failed, or the warnings count."""
    res = outcome.result
    if res is None:
        return "沿用上次结果"
    if res.status == "failed":
        where = f"单元格 {res.failed_cell}：" if res.failed_cell else ""
        return f"{where}{res.error or ''}"
    if res.status in ("invalid", "partial", "draft"):
        return res.error or ""
    warnings = sum(not p.is_error for p in res.problems)
    return f"{warnings} 个警告" if warnings else ""


def format_table(outcomes: Sequence[Outcome]) -> str:
    """A plain-text table, one row per report, columns aligned for Chinese characters."""
    rows = [("县", "乡镇", "年度", "状态", "用时", "说明")]
    for o in sorted(outcomes, key=lambda o: (o.job.county, o.job.unit, o.job.year)):
        seconds = f"{o.seconds:.1f} 秒" if o.result is not None else "-"
        rows.append((o.job.county, o.job.unit, str(o.job.year), label(o.status), seconds, note(o)))
    widths = [max(_width(r[i]) for r in rows) for i in range(5)]
    lines = ["  ".join(_pad(cell, widths[i]) for i, cell in enumerate(row[:5])) + "  " + row[5]
             for row in rows]
    lines.insert(1, "-" * (sum(widths) + 2 * 5 + 4))
    return "\n".join(line.rstrip() for line in lines)


def format_totals(outcomes: Sequence[Outcome], skipped_paths: int = 0) -> str:
    """``共 N 份报告：成功 a 份，未改动而跳过 b 份……`` with what to do when not all succeeded."""
    counts = Counter(o.status for o in outcomes)
    parts = [f"成功 {counts['ok']} 份"]
    for status, text in ((SKIPPED, "未改动而跳过"), ("partial", "部分完成"), ("failed", "生成出错"),
                         ("invalid", "参数有错误而跳过"), ("draft", "仍是草稿而未生成")):
        if counts[status]:
            parts.append(f"{text} {counts[status]} 份")
    text = f"共 {len(outcomes)} 份报告：{'，'.join(parts)}。"
    if skipped_paths:
        text += f"另有 {skipped_paths} 个路径无法处理（见上）。"
    if not all(o.succeeded for o in outcomes):
        text += "请按上面的提示处理后重新运行 python -m kit build。"
    return text


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
