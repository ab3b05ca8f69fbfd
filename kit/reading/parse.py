"""A :class:`Document`'s pieces → :class:`PublishedReport`: title, preamble, the six sections and
their subsections, the three tables with each row mapped onto the official format, the
sign-off date, and which format (layout) the tables follow.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from kit.formats import FORMATS, ReportFormat, format_for_year
from kit.formats.common import REPORT_KIND
from kit.formats.levels import TOWNSHIP, Level, infer_level, kind_from_name, title_organ
from kit.params.model import Unit
from kit.reading.document import Document, Grid, Para, find_date
from kit.reading.labels import BLANKS, cell_of, data_row, is_group, is_number, key, signature
from kit.reading.model import PrintedRow, PrintedSection, PrintedTable, PublishedReport

_SECTION = re.compile(r"^([一二三四五六七八九十])\s*[、.．]\s*(.{2,30})$")
_BARE_SECTION = re.compile(r"^([一二三四五六七八九十])\s*(.{2,30})$")  # "一总体情况": no 、
_SUB = re.compile(r"^[（(]\s*([一二三四五六七八九十])\s*[）)]\s*(.{2,30})$")
_YEAR = re.compile(r"(20\d{2})\s*年")
_UNIT = re.compile(r"^(?:(.{1,12}?(?:自治县|县|区|市|旗)))?(.{1,12}?(?:街道办事处|街道|镇|乡))")
_LEADING_YEAR = re.compile(r"^20\d{2}\s*年度?")
_PUBLISHED = re.compile(r"发布(?:时间|日期)\s*[:：]\s*(20\d{2}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2})")
NUMBERS = "一二三四五六七八九十"
SIGN_OFF = re.compile(r"(人民政府|办事处|街道|镇|乡)$")


def _title(doc: Document) -> tuple[str, int]:
    """The title and how many leading paragraphs it took."""
    paras = []
    for piece in doc.pieces[:3]:
        if not isinstance(piece, Para):
            break
        paras.append(piece.text)
    if paras and "报告" in paras[0] and len(paras[0]) < 80 and "。" not in paras[0]:
        return paras[0], 1
    if len(paras) > 1 and "报告" in paras[1] and len(paras[0] + paras[1]) < 80 and not _SECTION.match(paras[1]):
        return paras[0] + paras[1], 2
    title = re.split(r"[_|｜]| - ", doc.title)[0].strip()
    return title, 0


def _unit(title: str) -> tuple[Unit | None, Level | None]:
    """The unit a title names (its county and name where it is a township's) and the level its
    organ's name shows (None: the title shows none)."""
    organ = title_organ(title)
    level = infer_level(organ) if organ else None
    match = _UNIT.match(_LEADING_YEAR.sub("", re.sub(r"\s", "", title)))
    if match and (level is None or level.id == TOWNSHIP):
        name = match.group(2).removesuffix("办事处")
        return Unit("", "", match.group(1) or "", name, kind_from_name(name)), level
    if level is None:
        return None, None
    kind = kind_from_name(organ) if level.id == TOWNSHIP else level.kind
    return Unit("", "", "", organ, kind), level


def _year(title: str, preamble: list[str]) -> int | None:
    for text in (title, *preamble):
        found = _YEAR.search(text)
        if found:
            return int(found.group(1))
    return None


def _section_for(fmt: ReportFormat, number: str, heading: str) -> str | None:
    by_number = {s.number: s for s in fmt.sections}
    best = max(fmt.sections, key=lambda s: fuzz.ratio(key(s.heading), key(heading)))
    if fuzz.ratio(key(best.heading), key(heading)) >= 60:
        return best.id
    section = by_number.get(number)
    return section.id if section else None


def _sub_for(fmt: ReportFormat, section_id: str | None, heading: str, index: int) -> str | None:
    if section_id is None:
        return None
    subs = fmt.section(section_id).subsections
    if not subs:
        return None
    best = max(subs, key=lambda s: fuzz.partial_ratio(key(s.title), key(heading)))
    if fuzz.partial_ratio(key(best.title), key(heading)) >= 60:
        return best.id
    return subs[index].id if index < len(subs) else None


def _table_of(grid: Grid, section_id: str | None) -> str | None:
    """The official table whose labels the grid prints most of (two at least); else the table
    of the section it stands in."""
    keys = {key(c.text) for row in grid.rows for c in row if c.text and not c.spanned}
    scores = {t.id: len(keys & signature(t.id)) for t in FORMATS[-1].tables}
    best = max(scores, key=lambda t: scores[t])
    if scores[best] >= 2:
        return best
    section_tables = {t.id for t in FORMATS[-1].tables}
    return section_id if section_id in section_tables else None


def _add_grid(report: PublishedReport, grid: Grid, table_id: str, fmt: ReportFormat) -> None:
    table = report.tables.get(table_id)
    if table is None:
        table = report.tables[table_id] = PrintedTable(table_id, pieces=0)
    table.pieces += 1
    official = fmt.table(table_id)
    group = ""
    for row in grid.rows:
        printed = data_row(row, official, group, fmt.id) if table_id != "review_litigation" else None
        if table_id == "review_litigation":
            _case_row(table, row)
            continue
        if printed is None:
            table.headers += [c.text for c in row if c.text and not c.spanned and c.text not in table.headers]
            continue
        for part in printed.parts:
            if is_group(part, table_id):
                group = part
        table.rows.append(printed)


def _case_row(table: PrintedTable, row: tuple) -> None:
    """Table 四: its value rows are numbers only; split in three, each part adds five."""
    own = [c for c in row if not c.spanned]
    numbers = sum(is_number(c.text) for c in own)
    if numbers == 0:
        table.headers += [c.text for c in own if c.text and c.text not in table.headers]
        return
    cells = [cell_of(c) for c in own if is_number(c.text) or c.text in BLANKS]
    if not table.rows:
        table.rows.append(PrintedRow("", ()))
    table.rows[0].cells += cells


def parse(doc: Document, year: int | None = None) -> PublishedReport:
    """What the document printed; ``year`` overrides the year it states (for the layout)."""
    title, used = _title(doc)
    report = PublishedReport(doc.source, doc.kind, title=title, published=doc.published, notes=list(doc.notes))
    pieces = doc.pieces[used:]
    current: PrintedSection | None = None
    sub: str | None = None
    sub_index = 0
    preamble: list[str] = []
    first_para = next((p.text for p in pieces if isinstance(p, Para) and _SECTION.match(p.text)), "")
    report.year = year or _year(title, [p.text for p in pieces[:6] if isinstance(p, Para) and p.text != first_para])
    fmt = _format(report.year)
    grids: list[tuple[Grid, str | None]] = []
    for piece in pieces:
        if isinstance(piece, Grid):
            section_id = current.section_id if current else None
            if current and _table_of(piece, section_id) is None:
                # a table of the report's own (信息处理费收取情况 …): its words are the section's
                words = " ".join(dict.fromkeys(c.text for row in piece.rows for c in row if c.text and not c.spanned))
                (current.subsections.setdefault(sub, []) if sub else current.text).append(words)
                continue
            grids.append((piece, section_id))
            if current:
                current.has_table = True
            continue
        text = piece.text
        heading = section_heading(text, fmt)
        if heading and "。" not in text and current is not None and heading.group(1) == NUMBERS[0] \
                and current.section_id in ("problems", "other") \
                and fuzz.ratio(key(fmt.sections[0].heading), key(heading.group(2))) >= 60:
            # 一、总体情况 again after 五/六: the page holds another report; its title and preamble,
            # read as the end of this one, are taken off again
            report.second_report = _cut_second_title(report, current, sub) or text
            break
        if heading and "。" not in text and (current is None or NUMBERS.index(heading.group(1)) >
                                             NUMBERS.index(current.number)):
            current = PrintedSection(heading.group(1), text, _section_for(fmt, heading.group(1), heading.group(2)))
            report.sections.append(current)
            sub, sub_index = None, 0
            continue
        if current is None:
            stamp = _PUBLISHED.search(text)
            if stamp and len(text) < 80:  # "来源：… 发布时间：2023-01-31 13:24 浏览次数：…"
                report.published = report.published or find_date(stamp.group(1))
                continue
            preamble.append(text)
            continue
        sub_heading = _SUB.match(text)
        if sub_heading and "。" not in text and len(text) <= 30:
            sub = _sub_for(fmt, current.section_id, sub_heading.group(2), sub_index)
            sub_index += 1
            if sub:
                current.sub_headings[sub] = text
                current.subsections.setdefault(sub, [])
            continue
        if current.section_id == "other" and (_is_date(text) or (report.tail and len(text) < 30)
                                              or (len(text) < 30 and SIGN_OFF.search(text))):
            report.tail.append(text)
            continue
        (current.subsections.setdefault(sub, []) if sub else current.text).append(text)
    report.preamble = preamble
    report.unit, level = _unit(title)
    if level is not None:
        report.level, report.level_from = level.id, "title"
    _tables(report, grids, fmt)
    _layout(report, fmt)
    other = next((f for f in FORMATS if f.id == report.layout and f.id != fmt.id), None)
    if other is not None:  # the tables follow the other format throughout: read them as such
        _tables(report, grids, other)
    if report.published is None:
        report.published = next((find_date(t) for t in reversed(report.tail) if find_date(t)), None)
    return report


def section_heading(text: str, fmt: ReportFormat) -> re.Match[str] | None:
    """A section heading as printed: "一、总体情况", or without its 、 ("一总体情况") when the
    rest is that section's official name, nearly (so "一是加强组织领导" is not one)."""
    found = _SECTION.match(text)
    if found is not None:
        return found
    bare = _BARE_SECTION.match(text)
    if bare is None or NUMBERS.index(bare.group(1)) >= len(fmt.sections):
        return None
    official = fmt.sections[NUMBERS.index(bare.group(1))].heading
    return bare if fuzz.ratio(key(official), key(bare.group(2))) >= 85 else None


def _cut_second_title(report: PublishedReport, current: PrintedSection, sub: str | None) -> str:
    """Remove the second report's title (and what followed it) from the end of the first; the title."""
    for paragraphs in (report.tail, current.subsections.get(sub, []) if sub else [], current.text):
        for index in range(len(paragraphs) - 1, -1, -1):
            if REPORT_KIND in paragraphs[index] and len(paragraphs[index]) < 60:
                title = paragraphs[index]
                del paragraphs[index:]
                return title
    return ""


def _tables(report: PublishedReport, grids: list[tuple[Grid, str | None]], fmt: ReportFormat) -> None:
    report.tables = {}
    for grid, section_id in grids:
        table_id = _table_of(grid, section_id)
        if table_id:
            _add_grid(report, grid, table_id, fmt)


def _is_date(text: str) -> bool:
    return len(text) <= 20 and find_date(text) is not None


def _format(year: int | None) -> ReportFormat:
    try:
        return format_for_year(year) if year else FORMATS[-1]
    except Exception:  # a year without a format: compare with the current one
        return FORMATS[-1]


def _layout(report: PublishedReport, fmt: ReportFormat) -> None:
    """Which format the tables follow: rows and headers only one format prints decide it."""
    others = [f for f in FORMATS if f.id != fmt.id]
    own_labels = {key(r.label) for t in fmt.tables for r in t.rows}
    own_heads = {key(c.label) for t in fmt.tables for r in t.rows for c in r.columns}
    foreign, own = [], []
    for table in report.tables.values():
        for row in table.rows:
            if row.format_id and row.format_id != fmt.id:
                foreign.append(row.label)
            elif row.official and key(row.parts[-1]) in own_labels and not _shared(row.parts[-1], others, "row"):
                own.append(row.label)
        for head in table.headers:
            if key(head) in own_heads and not _shared(head, others, "col"):
                own.append(head)
            elif any(_shared(head, [o], "col") for o in others) and key(head) not in own_heads:
                foreign.append(head)
    report.layout_evidence = foreign
    if not report.tables:
        report.layout = "unknown"
    elif foreign and own:
        report.layout = "hybrid"
    elif foreign:
        report.layout = others[0].id if others else "unknown"
    else:
        report.layout = fmt.id


def _shared(label: str, formats: list[ReportFormat], what: str) -> bool:
    k = key(label)
    if what == "row":
        return any(key(r.label) == k for f in formats for t in f.tables for r in t.rows)
    return any(key(c.label) == k for f in formats for t in f.tables for r in t.rows for c in r.columns)
