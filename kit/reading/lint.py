"""Every problem of a published report: the published-document rules (spec §5: V-F1–V-F7,
V-P1) on what was printed, then the one validator (R1–R9, V-N*, V-S*) on its figures and text.

Findings name the place as a reader finds it: the table, the row label *as printed*, the
column, or the section.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from rapidfuzz import fuzz

from kit.base.place import BODY, SIGNOFF, TITLE
from kit.base.problems import Problem, error, warning
from kit.formats import FORMATS, ReportFormat, format_for_year
from kit.formats.levels import LEVELS
from kit.formats.places import at_row, at_section, at_table
from kit.formats.spec import Table
from kit.params.model import Unit
from kit.reading.labels import cn_number, header_labels, key
from kit.reading.model import PrintedTable, PublishedReport
from kit.reading.to_params import Conversion, convert
from kit.rules.validate import validate

STATES = {"blank": "空白", "unreadable": "不是数字"}


def _doc(report: PublishedReport, **where: object) -> dict[str, object]:
    """A finding's ``**where`` in a published document: its file and the place's ids and words."""
    return {"file": report.source, **where}


def _layout(report: PublishedReport, fmt: ReportFormat) -> Iterator[Problem]:
    if report.layout in (fmt.id, "unknown"):
        return
    seen = "、".join(f"“{t}”" for t in dict.fromkeys(report.layout_evidence)) or "（无）"
    other = "2019 试行格式" if fmt.id != "2019" else "2021 格式"
    what = "混用了两种格式" if report.layout == "hybrid" else f"用的是{other}"
    yield error("V-F1", f"{report.year} 年度报告应使用{fmt.name}（{fmt.notice}）的表格，但表格{what}："
                f"出现了{seen}。请按{fmt.notice}附件的表格重新制表。", **_doc(report))


def _sections(report: PublishedReport, fmt: ReportFormat) -> Iterator[Problem]:
    found = [s.section_id for s in report.sections]
    for section in fmt.sections:
        if section.id not in found:
            yield error("V-F2", f"缺少“{section.full_heading}”部分。年报应依次包括六个部分，请补上。",
                        **_doc(report, **at_section(fmt, section.id)))
    order = [fmt.sections.index(fmt.section(s)) for s in found if s]
    if order != sorted(order):
        yield error("V-F2", f"{len(fmt.sections)} 个部分的顺序与规定不一致。请按“{fmt.sections[0].full_heading}”"
                    f"至“{fmt.sections[-1].full_heading}”排列。", check="order", **_doc(report))
    for printed in report.sections:
        if printed.section_id and key(printed.heading) != key(fmt.section(printed.section_id).full_heading):
            official = fmt.section(printed.section_id).full_heading
            yield warning("V-F4", f"标题印作“{printed.heading}”，规定为“{official}”。请改用规定的标题。",
                          **_doc(report, **at_section(fmt, printed.section_id, label=printed.heading)))


def _tables(report: PublishedReport, fmt: ReportFormat) -> Iterator[Problem]:
    for table in fmt.tables:
        printed = report.tables.get(table.id)
        if printed is None or not any(r.cells for r in printed.rows):
            yield error("V-F3", f"没有找到{table.caption}的表格（缺失，或只以图片发布）。表格应以文字表格发布，"
                        "数字才能被核对和检索。", **_doc(report, **at_table(table)))
            continue
        if report.layout in (fmt.id, "hybrid"):  # another format throughout: V-F1 says it once
            yield from _rows(report, table, printed)
            yield from _headers(report, table, printed)
        yield from _cells(report, table, printed)


def _rows(report: PublishedReport, table: Table, printed: PrintedTable) -> Iterator[Problem]:
    if table.id == "review_litigation":
        count = table.value_count
        got = len(printed.rows[0].cells)
        if got < count:
            yield error("V-F3", f"{table.caption}只印出 {got} 个数字，应有 {count} 个，表格可能被截断。"
                        "缺少的数字按“未知”处理，未参与核对。", check="cut", **_doc(report, **at_table(table)))
        return
    mapped = [r for r in printed.rows if r.official and r.format_id == report_format(report).id]
    ids = [r.official for r in mapped if r.official]
    order = [r.id for r in table.rows]
    missing = [r for r in table.rows if r.id not in ids]
    last = max((order.index(i) for i in ids), default=-1)
    cut = [r for r in missing if order.index(r.id) > last]
    if cut:
        yield error("V-F3", f"{table.caption}在“{table.rows[last].label if last >= 0 else '表头'}”之后没有了"
                    f"（缺少 {len(cut)} 行，从“{cut[0].place}”起），表格可能被截断。缺少的行按“未知”处理，"
                    "不按 0 核对。请发布完整的表格。", check="cut", **_doc(report, **at_table(table)))
    level = LEVELS[report.level]
    for row in missing:
        if row in cut:
            continue
        if table.id == "proactive" and row.id == "regulations" and not level.makes_regulations:
            # a unit that makes no 规章 leaves out a row that could only print 0: a layout
            # deviation, no figure is lost
            yield warning("V-F4", f"缺少“{row.place}”一行。{level.name}不制定规章，这一行应印 0，"
                          "但规定的表格仍列有这一行，请补上。", check="missing",
                          **_doc(report, **at_row(table, row.id)))
            continue
        yield error("V-F4", f"缺少“{row.place}”一行。请按规定的表格补上（没有数字也要印 0）。",
                    check="missing", **_doc(report, **at_row(table, row.id)))
    for line in printed.rows:
        if not line.official:
            yield error("V-F4", f"多出了规定表格中没有的一行“{line.label}”。请删除或改为规定的行。",
                        check="extra", **_doc(report, **at_row(table, label=line.label)))
        elif not line.exact:
            official = fmt_row(report, line.format_id, table.id, line.official)
            yield warning("V-F4", f"行名印作“{line.parts[-1]}”，规定为“{official}”。请改用规定的行名。",
                        check="label", **_doc(report, **at_row(table, line.official, label=line.label)))
    positions = [order.index(i) for i in ids]
    if positions != sorted(positions):
        yield error("V-F4", f"{table.caption}各行的顺序与规定不一致。请按规定的顺序排列。", check="order", **_doc(report, **at_table(table)))
    loose = [r for r in mapped if r.exact and r.parts[-1] != fmt_row(report, r.format_id, table.id, r.official or "")]
    if loose:
        examples = "；".join(f"“{r.parts[-1]}”" for r in loose[:3])
        yield warning("V-F5", f"{len(loose)} 个行名的标点与规定不同（半角括号、多余空格等），如{examples}。"
                      "规定用全角括号“（一）”、“1.”后不空格。", **_doc(report, **at_table(table)))


def report_format(report: PublishedReport) -> ReportFormat:
    return format_for_year(report.year or 2021)


def fmt_row(report: PublishedReport, format_id: str | None, table_id: str, row_id: str) -> str:
    fmt = next((f for f in FORMATS if f.id == format_id), report_format(report))
    return fmt.table(table_id).row(row_id).label


def _headers(report: PublishedReport, table: Table, printed: PrintedTable) -> Iterator[Problem]:
    official = header_labels(table)
    keys = {key(t) for t in official}
    for text in printed.headers:
        if key(text) in keys or len(text) > 40:
            continue
        near = max(official, key=lambda t: fuzz.ratio(key(t), key(text)), default="")
        if near and fuzz.ratio(key(near), key(text)) >= 60:
            yield warning("V-F4", f"表头印作“{text}”，规定为“{near}”。请改用规定的表头。",
                        check="header", **_doc(report, **at_table(table, column=text)))


def _cells(report: PublishedReport, table: Table, printed: PrintedTable) -> Iterator[Problem]:
    for row in printed.rows:
        matched = next((f for f in FORMATS if f.id == row.format_id), None)
        official = matched.table(table.id).row(row.official) if matched and row.official else None
        bad, written, fractions = [], [], []
        for index, cell in enumerate(row.cells):
            name = official.columns[index].label if official and index < len(official.columns) else f"第{index + 1}列"
            if table.id == "review_litigation":
                name = _case_column(table, index)
            if cell.state in STATES:
                bad.append(f"{name}（{STATES[cell.state]}{'：' + cell.raw if cell.raw else ''}）")
            elif cell.known and cn_number(cell.raw) is not None:
                written.append(f"{name}（“{cell.raw}”）")
            kind = official.columns[index].kind if official and index < len(official.columns) else "int"
            value = cell.value
            if cell.known and kind == "int" and value is not None and (value < 0 or value != int(value)):
                fractions.append(f"{name}（{cell.raw}）")
        label = row.label or table.caption
        if written:
            yield warning("V-F6", f"有 {len(written)} 个格子用汉字写了数字：{'、'.join(written)}。表中数字应写成"
                          "阿拉伯数字（如 6），便于核对和检索。", check="digits",
                          **_doc(report, **at_row(table, row.official or "", label=label)))
        if fractions:
            yield error("V-F6", f"有 {len(fractions)} 个格子不是件数：{'、'.join(fractions)}。件数应为 0 或正整数，"
                        "请改正。", check="whole", **_doc(report, **at_row(table, row.official or "", label=label)))
        if bad:
            yield error("V-F6", f"有 {len(bad)} 个格子没有数字：{'、'.join(bad)}。没有的情况也要填 0，"
                        "否则勾稽关系无法核对。", **_doc(report, **at_row(table, row.official or "", label=label)))


def _regulations_as_printed(report: PublishedReport, fmt: ReportFormat) -> Iterator[Problem]:
    """V-N8 on a 规章 row printed in the other format's layout (its cells are not taken into
    the figures the validator checks): a unit that makes no 规章 prints 0 there too."""
    level = LEVELS[report.level]
    printed = report.tables.get("proactive")
    if level.makes_regulations or printed is None:
        return
    for row in printed.rows:
        if row.official != "regulations" or row.format_id in (None, fmt.id):
            continue
        values = [c.value for c in row.cells if c.known and c.value]
        if values:
            table = fmt.table("proactive")
            yield error("V-N8", f"{level.name}无权制定规章（《立法法》：只有省级和设区的市人民政府制定地方政府规章），"
                        f"“{row.label}”一行应全部为 0，现印有 {'、'.join(str(v) for v in values)}。"
                        "请发布单位核对后重新发布。", **_doc(report, **at_row(table, "regulations", label=row.label)))


def _case_column(table: Table, index: int) -> str:
    for row in table.rows:
        if index < len(row.columns):
            return f"{row.place}·{row.columns[index].label}"
        index -= len(row.columns)
    return f"第{index + 1}个"


def _published(report: PublishedReport, deadline: date | None) -> Iterator[Problem]:
    fmt = report_format(report)
    if report.published is None:
        yield warning("V-P1", "没有找到发布日期（网页的发布时间或正文末尾的落款日期），无法核对是否按时发布。"
                      "请在落款处写明日期。", **_doc(report, **at_section(fmt, SIGNOFF)))
        return
    if deadline is not None and report.published > deadline:
        days = (report.published - deadline).days
        level = LEVELS[report.level]
        yield error("V-P1", f"发布日期 {report.published.isoformat()} 晚于截止日期 {deadline.isoformat()}"
                    f"（晚 {days} 天）。{level.name}的年报应在截止日期前发布（{level.basis}）。"
                    "如单位层级判断有误，请用 --level 指定。", check="late",
                    values=(("published", report.published.isoformat()), ("deadline", deadline.isoformat())),
                    **_doc(report, **at_section(fmt, SIGNOFF)))


def _title(report: PublishedReport, fmt: ReportFormat) -> Iterator[Problem]:
    example = f"“{LEVELS[report.level].example}{report.year or 2023}年{fmt.report_name}”"
    if not report.title:
        yield error("V-F7", f"没有找到报告标题。标题应写明单位和年度，如{example}。", check="title",
                    **_doc(report, **at_section(fmt, TITLE)))
    elif not any(ch.isdigit() for ch in report.title):
        yield error("V-F7", f"标题“{report.title}”没有写年份。标题应写明报告年度，如{example}。",
                    check="year", **_doc(report, **at_section(fmt, TITLE)))


def _second(report: PublishedReport, fmt: ReportFormat) -> Iterator[Problem]:
    if report.second_report:
        yield warning("V-F2", f"这个页面还有第二份报告（从“{report.second_report}”起），本次只检查了第一份。"
                      "每份年报应单独发布；请把第二份另存为文件后单独检查。", check="two-reports",
                      **_doc(report, **at_section(fmt, BODY, quote=report.second_report)))


def lint_report(report: PublishedReport, deadline: date | None = None,
                ) -> tuple[list[Problem], Conversion | None]:
    """All problems of the published report, and the params it converts to (None: no year)."""
    if report.year is None:
        return [error("V-F7", "标题和导语中都没有年份，无法判断报告年度。请用 --year 指定年度后再检查。",
                      check="year", **_doc(report, **at_section(format_for_year(2021), TITLE)))], None
    fmt = report_format(report)
    problems = [*_title(report, fmt), *_layout(report, fmt), *_sections(report, fmt), *_tables(report, fmt),
                *_published(report, deadline), *_second(report, fmt), *_regulations_as_printed(report, fmt)]
    conversion = convert(report, report.year, _unit(report))
    for problem in validate(conversion.params):
        at = problem.place
        label = conversion.printed_label.get((at.table, at.row), "") if at.row else ""
        problems.append(_as_printed(problem, label))
    return problems, conversion


def _unit(report: PublishedReport) -> Unit:
    """The unit the validator judges: as the title names it, of the report's level (which
    --level may have set against the title)."""
    level = LEVELS[report.level]
    if report.unit is not None and report.unit.level.id == level.id:
        return report.unit
    name = report.unit.name if report.unit else ""
    return Unit("", "", "", name, level.kind)


def _as_printed(problem: Problem, label: str) -> Problem:
    """A finding of the validator as the published document shows it: the row under its
    printed ``label``, no params key (the document has none), and advice for a report already
    on the web (the publishing unit corrects and publishes again) instead of a params file's."""
    place = problem.place.with_label(label) if label else problem.place.with_key("")
    message = problem.message
    if problem.check == "stated-total":
        values = dict(problem.values)
        message = (f"印出的总计 {values.get('stated')} 与{values.get('summed')}之和 {values.get('computed')} 不一致。"
                   "请发布单位核对各项数字，改正后重新发布。")
    return replace(problem, row=label or problem.row, place=place, message=message)
