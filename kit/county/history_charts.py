"""The roll-up's year-over-year charts, comparing like with like.

The county chart sums, for every year it shows, the same townships: those with a readable
report in each of those years. When no township has them all, the oldest years are dropped
until some do; the note under the chart names who is left out and why, so a township that
joined (or has not reported yet) never looks like a collapse or a jump.
"""

from __future__ import annotations

from kit.county.rollup import Point
from kit.render.blocks import Block
from kit.render.charts import METRICS, bar_chart


def comparable(points: list[Point], until: int) -> tuple[list[int], list[str]]:
    """(years shown, townships summed in each of them); fewer than two years: nothing to chart."""
    have = {(p.unit, p.year) for p in points if p.proactive is not None and p.year <= until}
    years = sorted({y for _, y in have})
    while len(years) >= 2:
        common = sorted({u for u, _ in have if all((u, y) in have for y in years)})
        if common:
            return years, common
        years = years[1:]
    return years, []


def _left_out(points: list[Point], years: list[int], common: list[str]) -> str:
    notes = []
    for unit in sorted({p.unit for p in points} - set(common)):
        mine = {p.year for p in points if p.unit == unit and p.proactive is not None}
        lacking = [str(y) for y in years if y not in mine]
        notes.append(f"{unit}（缺少 {'、'.join(lacking)} 年度数据）")
    return f"未计入：{'；'.join(notes)}。" if notes else ""


def chart_blocks(county: str, year: int, points: list[Point], heading: Block) -> list[Block]:
    years, common = comparable(points, year)
    if len(years) < 2 or not common:
        return [heading, Block("para", "只有一个年度的数据，暂无历年比较。")]
    chosen = [p for p in points if p.unit in common and p.year in years]
    series = {label: [sum(getattr(p, key) or 0 for p in chosen if p.year == y) for y in years]
              for key, label in METRICS}
    png = bar_chart(f"{county}历年情况（{len(common)}个乡镇同口径合计）", years, series,
                    [f"{len(common)}个乡镇" for _ in years])
    note = (f"为便于比较，图中各年均为同一组 {len(common)} 个乡镇（{'、'.join(common)}）的合计。"
            + _left_out(points, years, common))
    blocks = [heading, Block("image", f"{county}历年主动公开信息和收到申请数量", data=png), Block("note", note)]
    for unit in sorted({p.unit for p in points}):
        mine = {p.year: p for p in points if p.unit == unit and p.year <= year}
        if len(mine) < 2:
            continue
        span = list(range(min(mine), year + 1))  # a missing year shows 无数据
        unit_series = {label: [getattr(mine[y], key) if y in mine else None for y in span]
                       for key, label in METRICS}
        png = bar_chart(f"{unit}历年情况", span, unit_series, size=(8.0, 2.6))
        blocks.append(Block("image", f"{unit}历年主动公开信息和收到申请数量", data=png))
    return blocks
