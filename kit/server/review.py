"""What the review page shows: the version as it will be printed (stamped 审阅稿), its findings
with the decisions kept on them, the versions, and a redline against the previous version and
against last year's published report."""

from __future__ import annotations

import difflib
from typing import Any

from markupsafe import Markup

from kit.desk.accounts import Who
from kit.desk.findings import params_of
from kit.desk.service import Desk
from kit.params.model import ReportParams
from kit.render.fragment import fragment_html


def review_context(desk: Desk, who: Who, county: str, unit: str, year: int) -> dict[str, Any]:
    status = desk.status(who, county, unit, year)
    if not status.version:
        return {"status": status, "findings": [], "versions": [], "preview": "", "redlines": []}
    text = desk.version_text(who, county, unit, year, status.version)
    params, _ = params_of(text, f"{county}/{unit}/{year}.yaml")
    findings = desk.findings(who, county, unit, year)
    versions = [e for e in desk.events(who, county, unit, year) if e.action in ("submit", "return", "approve",
                                                                                 "publish")]
    redlines = []
    if status.version > 1:
        before = desk.version_text(who, county, unit, year, status.version - 1)
        redlines.append((f"与第 {status.version - 1} 版相比", redline(before, text, county, unit, year)))
    last_year = desk.published_text(county, unit, year - 1)
    if last_year is not None:
        redlines.append((f"与 {year - 1} 年度已发布的报告相比", redline(last_year, text, county, unit, year)))
    preview = Markup(fragment_html(params)) if params is not None else ""
    return {"status": status, "findings": findings, "versions": versions, "preview": preview,
            "redlines": redlines}


def report_lines(params: ReportParams | None) -> list[str]:
    """The report as lines a reviewer compares: headings, paragraphs, every table cell."""
    if params is None:
        return []
    lines = [params.display_title, *params.preamble.splitlines()]
    for section in params.format.sections:
        lines.append(section.full_heading)
        lines += params.section(section.id).text.splitlines()
        for sub in section.subsections:
            lines.append(params.subsection_heading(section.id, sub.id))
            lines += params.subsection(section.id, sub.id).paragraphs()
    for table in params.format.tables:
        for row in table.rows:
            for col in row.columns:
                lines.append(f"表{table.number} {row.place} {table.column_place(row, col.id)}："
                             f"{params.value(table.id, row.id, col.id)}")
    return [line.strip() for line in lines if line.strip()]


def redline(before_text: str, after_text: str, county: str, unit: str, year: int) -> list[tuple[str, str]]:
    """Changed lines: ("del", text) or ("ins", text), in order."""
    before = report_lines(params_of(before_text, f"{county}/{unit}/{year}.yaml")[0])
    after = report_lines(params_of(after_text, f"{county}/{unit}/{year}.yaml")[0])
    changes = []
    for line in difflib.ndiff(before, after):
        if line.startswith("- "):
            changes.append(("del", line[2:]))
        elif line.startswith("+ "):
            changes.append(("ins", line[2:]))
    return changes
