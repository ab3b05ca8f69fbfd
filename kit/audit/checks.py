"""What an audit finds, unit by unit and year by year: one report per unit and year, published by
its level's deadline, with attachments that open, a 解读 and a 图解 beside it, unchanged since an
earlier audit, not mostly last year's text, and what ``kit lint`` finds in it; and whether the
column lists its reports in order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kit.audit.crawl import Column, Entry
from kit.formats import FORMATS
from kit.formats.levels import LEVELS, TOWNSHIP, infer_level, title_organ
from kit.reading.published import PublishedResult, check_published, read_published

MISSING, LATE, BROKEN, NO_JIEDU, NO_TUJIE, CHANGED, REPEATED, WRONG, TWICE, DIFFERENT = (
    "未发布", "逾期", "附件无法打开", "无解读", "无图解", "发布后有变动", "重复率超过50%", "内容有错误", "重复发布",
    "附件与网页数字不一致")
UNREACHABLE = "年报页面无法打开"
DISORDER = "专栏排序混乱"
UNSURE = "不确定"
SHINGLE = 8


@dataclass
class Finding:
    what: str  # one of the names above: the rule pack's keys
    evidence: str  # Chinese: what was seen, or why it could not be judged
    unsure: bool = False  # the evidence is missing: neither a deduction nor a pass


@dataclass
class UnitYear:
    unit: str
    year: int
    level: str = TOWNSHIP
    entry: Entry | None = None
    lint: PublishedResult | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def published(self) -> date | None:
        return self.lint.report.published if self.lint and self.lint.report else None


def _prose(result: PublishedResult | None) -> str:
    report = result.report if result else None
    return re.sub(r"[\s\d，。、；：“”（）()《》]", "", report.all_text()) if report else ""


def repeated_share(now: str, before: str) -> float:
    """The share of this year's text (8-character shingles) that last year's report has."""
    mine = {now[i:i + SHINGLE] for i in range(max(0, len(now) - SHINGLE + 1))}
    theirs = {before[i:i + SHINGLE] for i in range(max(0, len(before) - SHINGLE + 1))}
    return len(mine & theirs) / len(mine) if mine else 0.0


def audit_column(column: Column, today: date, since: int = 2019, units: list[str] | None = None,
                 earlier: dict[str, str] | None = None) -> tuple[list[UnitYear], list[Finding]]:
    """Every expected unit-year with its findings, and the column's own findings; ``earlier``:
    address → SHA-256 of each page an earlier audit fetched."""
    reports = [e for e in column.entries if e.kind == "report" and e.year]
    found: dict[tuple[str, int], list[Entry]] = {}
    for entry in reports:
        found.setdefault((title_organ(entry.title), entry.year or 0), []).append(entry)
    organs = units or sorted({organ for organ, _ in found})
    first = min([since, *(y for _, y in found if y >= since)]) if found else since
    last = max([y for _, y in found] or [today.year - 1])
    rows = []
    for organ in organs:
        level = infer_level(organ) or LEVELS[TOWNSHIP]
        for year in range(first, last + 1):
            row = UnitYear(organ, year, level.id)
            listed = found.get((organ, year), [])
            if not listed:
                if level.due(year) < today:
                    row.findings.append(Finding(MISSING, f"专栏中没有 {organ} {year} 年度的年报（截止日期 {level.due(year)}）。"))
                rows.append(row)
                continue
            row.entry = listed[0]
            if len(listed) > 1:
                row.findings.append(Finding(TWICE, f"同一年度发布了 {len(listed)} 次：" + "、".join(e.title for e in listed)))
            _check(row, column, earlier or {})
            rows.append(row)
    for row in rows:
        _repeats(row, {(r.unit, r.year): r for r in rows})
    return rows, _order(reports)


def _check(row: UnitYear, column: Column, earlier: dict[str, str]) -> None:
    entry = row.entry
    assert entry is not None
    page = entry.page
    if page is None or not page.ok or entry.path is None:
        row.findings.append(Finding(UNREACHABLE, f"年报页面 {entry.url} 无法打开：{page.error if page else '未访问'}"))
        return
    level = LEVELS[row.level]
    row.lint = result = check_published(entry.path, row.year, lambda report: level.due(row.year), row.level)
    errors = [p for p in result.problems if p.is_error]
    late = [p for p in errors if p.rule == "V-P1"]
    if late:
        row.findings.append(Finding(LATE, late[0].message))
    elif result.report is not None and result.report.published is None:
        row.findings.append(Finding(LATE, "页面上没有发布日期，无法判断是否按时发布。", unsure=True))
    others = [p for p in errors if p.rule != "V-P1"]
    if others:
        row.findings.append(Finding(WRONG, f"kit lint 发现 {len(others)} 个错误，如：{others[0].format()}"))
    broken = [f"{link}（{why}）" for link, why, _ in entry.attachments if why]
    if broken:
        row.findings.append(Finding(BROKEN, "附件无法打开：" + "；".join(broken)))
    for link, _, kept in entry.attachments:
        differs = _figures_differ(result, kept, row.year)
        if differs:
            row.findings.append(Finding(DIFFERENT, f"附件 {link} 中{differs}的数字与网页上的不同。"))
    for kind, what in (("解读", NO_JIEDU), ("图解", NO_TUJIE)):
        if not any(e.kind == kind and e.year == row.year and row.unit in e.title.replace(" ", "")
                   for e in column.entries):
            row.findings.append(Finding(what, f"专栏中没有 {row.unit} {row.year} 年度年报的{kind}。"))
    before = earlier.get(entry.url)
    if before and before != page.sha256:
        row.findings.append(Finding(CHANGED, f"{entry.url} 与上次检查时的内容不同（上次 {before[:12]}，这次 {page.sha256[:12]}）。"))


def _figures_differ(page: PublishedResult, attachment: Path | None, year: int) -> str:
    """The tables whose printed figures differ between the page and an attachment that is the
    report as a file (.pdf, .docx); "" when they agree or the file is not the report."""
    if page.report is None or attachment is None or attachment.suffix not in (".pdf", ".docx"):
        return ""
    try:
        theirs = read_published(attachment, year)
    except Exception:  # a file that is not a report: kit lint of the page stands
        return ""
    differ = []
    for table_id, mine in page.report.tables.items():
        other = theirs.tables.get(table_id)
        if other is None:
            continue
        values = [[c.value for c in r.cells] for r in mine.rows]
        if values != [[c.value for c in r.cells] for r in other.rows]:
            differ.append(f"表{FORMATS[-1].table(table_id).number}")
    return "、".join(differ)


def _repeats(row: UnitYear, rows: dict[tuple[str, int], UnitYear]) -> None:
    if row.lint is None:
        return
    last = rows.get((row.unit, row.year - 1))
    if last is None or last.lint is None:
        row.findings.append(Finding(REPEATED, f"专栏中没有可比较的 {row.year - 1} 年度年报，无法判断与上年的重复率。",
                                    unsure=True))
        return
    share = repeated_share(_prose(row.lint), _prose(last.lint))
    if share > 0.5:
        row.findings.append(Finding(REPEATED, f"正文有 {round(share * 100)}% 与 {row.year - 1} 年度年报相同。"))


def _order(reports: list[Entry]) -> list[Finding]:
    years = [e.year for e in sorted(reports, key=lambda e: e.position) if e.year]
    if years and years != sorted(years, reverse=True) and years != sorted(years):
        return [Finding(DISORDER, "专栏中的年报没有按年度顺序排列：" + "、".join(map(str, years[:12])))]
    return []
