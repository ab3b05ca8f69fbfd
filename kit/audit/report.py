"""The audit's results: an HTML page and an .xlsx workbook (明细: every unit and year with what was
found; 扣分: the points of the county's rule pack, 不确定 where the evidence is missing rather
than a guess). The rule pack is YAML the county edits: finding → points (negative).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path

import yaml

from kit.audit import AuditError
from kit.audit.checks import (
    BROKEN,
    CHANGED,
    DIFFERENT,
    DISORDER,
    LATE,
    MISSING,
    NO_JIEDU,
    NO_TUJIE,
    REPEATED,
    TWICE,
    UNREACHABLE,
    UNSURE,
    WRONG,
    Finding,
    UnitYear,
)
from kit.base.atomic import atomic_target, write_text

#: the default rule pack (宿迁's published pack: 未发布 −2, 逾期 −1, 重复率 > 50% −0.5; the rest a
#: county's choice), written beside the results for the county to edit
DEFAULT_RULES = {MISSING: -2, LATE: -1, REPEATED: -0.5, UNREACHABLE: -1, BROKEN: -0.5, DIFFERENT: -0.5, WRONG: -0.5, NO_JIEDU: -0.5,
                 NO_TUJIE: 0, CHANGED: -0.5, TWICE: 0, DISORDER: -0.5}


def load_rules(path: Path | None) -> dict[str, float]:
    if path is None:
        return dict(DEFAULT_RULES)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise AuditError(f"扣分规则文件 {path} 无法读取（{type(exc).__name__}）。请检查文件。") from None
    if not isinstance(data, dict) or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in data.values()):
        raise AuditError(f"扣分规则文件 {path} 应为“项目: 分值”的列表，例如“未发布: -2”。")
    unknown = [str(k) for k in data if k not in DEFAULT_RULES]
    if unknown:
        raise AuditError(f"扣分规则文件 {path} 中的 {'、'.join(unknown)} 不是可检查的项目；"
                          f"可用的有：{'、'.join(DEFAULT_RULES)}。")
    return {str(k): float(v) for k, v in data.items()}


@dataclass(frozen=True)
class Deduction:
    unit: str
    year: int | None
    what: str
    points: float | str  # UNSURE when the evidence is missing
    evidence: str


def deductions(rows: list[UnitYear], column: list[Finding], rules: dict[str, float]) -> list[Deduction]:
    found = []
    for row in rows:
        for f in row.findings:
            if f.what in rules and (rules[f.what] or f.unsure):
                found.append(Deduction(row.unit, row.year, f.what, UNSURE if f.unsure else rules[f.what], f.evidence))
    found += [Deduction("（专栏）", None, f.what, rules.get(f.what, 0), f.evidence) for f in column if rules.get(f.what)]
    return found


def write_results(out: Path, start: str, rows: list[UnitYear], column: list[Finding], notes: list[str],
                  rules: dict[str, float], today: date) -> list[Path]:
    taken = deductions(rows, column, rules)
    rules_file = out / "扣分规则.yaml"
    if not rules_file.exists():
        write_text(rules_file, "# 年报专栏扣分规则：项目: 分值（负数为扣分，0 为只列出不扣分）。按本地考核办法修改后，\n"
                               "# 用 python -m kit audit … --rules 扣分规则.yaml 重新检查。\n"
                               + yaml.safe_dump(rules, allow_unicode=True, sort_keys=False))
    return [_html(out / "audit.html", start, rows, column, notes, taken, today), _xlsx(out / "audit.xlsx", rows, taken),
            rules_file]


def _status(row: UnitYear) -> str:
    names = [f.what + ("（不确定）" if f.unsure else "") for f in row.findings]
    return "、".join(names) if names else ("已发布，未发现问题" if row.entry else "")


def _link(row: UnitYear) -> str:
    if row.entry is None:
        return "—"
    return f'<a href="{escape(row.entry.url)}">{escape(row.entry.title)}</a>'


def _html(path: Path, start: str, rows: list[UnitYear], column: list[Finding], notes: list[str],
          taken: list[Deduction], today: date) -> Path:
    lines = "".join(
        f"<tr><td>{escape(r.unit)}</td><td>{r.year}</td><td>{escape(r.published.isoformat() if r.published else '—')}</td>"
        f"<td>{_link(r)}</td>"
        f"<td>{escape(_status(r))}<ul>{''.join(f'<li>{escape(f.evidence)}</li>' for f in r.findings)}</ul></td></tr>"
        for r in rows)
    points = "".join(f"<tr><td>{escape(d.unit)}</td><td>{d.year or ''}</td><td>{escape(d.what)}</td>"
                     f"<td>{escape(str(d.points))}</td><td>{escape(d.evidence)}</td></tr>" for d in taken)
    extra = "".join(f"<li>{escape(t)}</li>" for t in [*(f.evidence for f in column), *notes])
    html = (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>年报专栏自查</title>'
            '<meta name="viewport" content="width=device-width, initial-scale=1"><style>body{font-family:'
            "'Kit Noto Sans SC','Noto Sans CJK SC',sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%}"
            "td,th{border:1px solid #bbb;padding:.3em .5em;vertical-align:top;font-size:.92em}th{background:#eef3f8}"
            "</style></head><body>"
            f"<h1>年报专栏自查</h1><p>栏目：{escape(start)}；检查日期：{today.isoformat()}。</p>"
            + (f"<h2>专栏</h2><ul>{extra}</ul>" if extra else "")
            + "<h2>各单位各年度</h2><table><tr><th>单位</th><th>年度</th><th>发布日期</th><th>年报</th><th>检查结果</th></tr>"
            f"{lines}</table><h2>扣分</h2><table><tr><th>单位</th><th>年度</th><th>项目</th><th>分值</th><th>依据</th></tr>"
            f"{points}</table></body></html>\n")
    return write_text(path, html)


def _xlsx(path: Path, rows: list[UnitYear], taken: list[Deduction]) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    detail = book.active
    assert detail is not None
    detail.title = "明细"
    detail.append(["单位", "年度", "发布日期", "年报标题", "地址", "检查结果", "说明"])
    for r in rows:
        detail.append([r.unit, r.year, r.published, r.entry.title if r.entry else "", r.entry.url if r.entry else "",
                       _status(r), "\n".join(f.evidence for f in r.findings)])
    sheet = book.create_sheet("扣分")
    sheet.append(["单位", "年度", "项目", "分值", "依据"])
    for d in taken:
        sheet.append([d.unit, d.year, d.what, d.points, d.evidence])
    for ws, widths in ((detail, (26, 8, 12, 40, 40, 24, 60)), (sheet, (26, 8, 16, 8, 70))):
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for letter, width in zip("ABCDEFG", widths, strict=False):
            ws.column_dimensions[letter].width = width
        ws.freeze_panes = "A2"
    with atomic_target(path, suffix=".xlsx") as tmp:
        book.save(tmp)
    return path
