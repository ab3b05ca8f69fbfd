"""Who has reported: each expected unit's standing for a year, against its level's deadline
(a township's: the county's setting; a department's and a government's: the law's).

| status | when |
| --- | --- |
| 未报 | on the roster (or known from another year) but no params file for the year |
| 逾期 | published after the deadline, or not yet published when the deadline has passed |
| 有错误 | the file has errors (it cannot be published as it is) |
| 草稿 | text not yet rewritten (V-S5), or no 发布日期 yet; the deadline has not passed |
| 已发布 | no errors, rewritten, with a 发布日期 on or before the deadline |

The statuses are checked in that order, so each township has exactly one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kit.county.rollup import CountyYear, Entry
from kit.formats.levels import LEVELS
from kit.rules.draft import unrewritten

MISSING, LATE, ERRORS, DRAFT, PUBLISHED = "missing", "late", "errors", "draft", "published"
LABELS = {MISSING: "未报", LATE: "逾期", ERRORS: "有错误", DRAFT: "草稿", PUBLISHED: "已发布"}
CSS = {MISSING: "bad", LATE: "bad", ERRORS: "bad", DRAFT: "warn", PUBLISHED: "ok"}


@dataclass(frozen=True)
class Standing:
    unit: str
    status: str  # one of LABELS
    detail: str  # Chinese: why, and what to do
    published: date | None = None
    on_roster: bool = True

    @property
    def label(self) -> str:
        if self.status == PUBLISHED and self.published:
            return f"{LABELS[PUBLISHED]}（{self.published.isoformat()}）"
        return LABELS[self.status]

    @property
    def css(self) -> str:
        return CSS[self.status]


def standing(entry: Entry | None, unit: str, deadline: date, today: date) -> Standing:
    """One township's standing; ``entry`` is None when it has no file for the year."""
    due = f"截止日期 {deadline.isoformat()}"
    if entry is None:
        late = f"{due} 已过，尚未报送" if today > deadline else f"应在{due} 前发布"
        return Standing(unit, MISSING, f"没有本年度的报告。{late}。")
    params = entry.params
    published = params.published if params is not None else None
    if published is not None and published > deadline:
        days = (published - deadline).days
        return Standing(unit, LATE, f"发布于 {published.isoformat()}，晚于{due} {days} 天。", published)
    if entry.errors:
        return Standing(unit, ERRORS, f"报告有 {entry.errors} 个错误，改正后才能发布。", published)
    copied = unrewritten(entry.problems)
    if copied:
        why = f"有 {len(copied)} 处文字沿用上年、尚未改写"
        if today > deadline:
            return Standing(unit, LATE, f"{why}，{due} 已过仍未发布。", published)
        return Standing(unit, DRAFT, f"{why}；应在{due} 前发布。", published)
    if published is None:  # finished text, but no record of when (or whether) it went online
        if today > deadline:
            return Standing(unit, LATE, f"没有记录发布日期，{due} 已过。已发布的，请在报告中填写发布日期。")
        return Standing(unit, DRAFT, f"尚未填写发布日期；应在{due} 前发布。")
    return Standing(unit, PUBLISHED, f"按期发布（{due}）。", published)


def roster(data: CountyYear, today: date | None = None) -> list[Standing]:
    """Every expected unit (roster order), then units with a file but not on the roster;
    townships first, then departments and governments (kit.formats.levels order)."""
    today = today or date.today()
    by_unit = {e.unit: e for e in data.entries}
    found = [standing(by_unit.get(unit), unit, data.deadline_of(unit), today) for unit in data.expected]
    for unit in sorted(set(by_unit) - set(data.expected)):
        mine = standing(by_unit[unit], unit, data.deadline_of(unit), today)
        found.append(Standing(mine.unit, mine.status, f"{mine.detail}（不在县级设置的应报名单中）",
                              mine.published, on_roster=False))
    order = [level.id for level in LEVELS.values()]
    return sorted(found, key=lambda s: order.index(data.level_of(s.unit)))


def counts(standings: list[Standing]) -> dict[str, int]:
    """Status label → how many townships have it, in the table's order."""
    return {LABELS[s]: n for s in LABELS if (n := sum(x.status == s for x in standings))}
