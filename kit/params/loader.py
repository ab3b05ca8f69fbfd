"""Turning a params file (or the same data from a form) into :class:`ReportParams`.

Every problem with the file itself (syntax, unknown or missing keys, bad
numbers, unsafe names, a path that disagrees with the content) is collected,
not just the first; the caller gets ``(params or None, problems)``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kit.base.place import Place
from kit.base.problems import Problem, error, warning
from kit.base.text import clean, control_chars, describe, visible
from kit.formats import NoFormatError, format_for_year
from kit.formats.places import at_cell
from kit.formats.spec import ReportFormat
from kit.params import schema, yamlsource
from kit.params.cells import parse_cell
from kit.params.model import (
    UNIT_KINDS,
    Breakdown,
    CellKey,
    Number,
    Prose,
    ReportParams,
    SectionText,
    Unit,
)
from kit.params.names import name_problem
from kit.params.paths import DEFAULT_PARAMS, YEAR_FILE, path_identity, stray_note

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (2 ms of kit check)
if TYPE_CHECKING:
    from typing import Any

MAX_TEXT = 50_000  # characters in one text field: a whole report is rarely a tenth of this
TOP_KEYS = schema.names(schema.TOP)
UNIT_KEYS = schema.names(schema.UNIT_FIELDS)


class _Reader:
    def __init__(self, file: str, doc: yamlsource.YamlDoc | None) -> None:
        self.file = file
        self.doc = doc
        self.problems: list[Problem] = []

    def fail(self, rule: str, msg: str, path: tuple[str, ...], **where: Any) -> None:
        line = self.doc.line(path) if self.doc else None
        where.setdefault("place", Place(key=".".join(path)))
        self.problems.append(error(rule, msg, file=self.file, line=line, **where))

    def mapping(self, value: Any, path: tuple[str, ...], what: str) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail("P-TYPE", f"{what}应为“键: 值”的映射，而不是 {_kind(value)}。", path)
            return {}
        return {str(k): v for k, v in value.items()}

    def keys(self, data: dict[str, Any], allowed: tuple[str, ...], path: tuple[str, ...],
             what: str, labels: dict[str, str] | None = None) -> None:
        for key in data:
            if key in allowed:
                continue
            hint = ""
            if labels and key in labels:
                hint = f"应写作“{labels[key]}”。"
            else:
                import difflib  # lazy: only a misspelt key needs it

                close = difflib.get_close_matches(key, [*allowed, *(labels or {})], n=1, cutoff=0.6)
                if close:
                    hint = f"您是不是想写“{(labels or {}).get(close[0], close[0])}”？"
            msg = (f"{what}中有未知的键“{key}”。{hint}"
                   f"允许的键：{'、'.join(allowed)}。请改正拼写或删除该键。")
            self.fail("P-KEY", msg, (*path, key))

    def text(self, value: Any, path: tuple[str, ...]) -> str:
        if value is None:
            return ""
        if isinstance(value, (dict, list)):
            self.fail("P-TYPE", f"此处应为一段文字，而不是 {_kind(value)}。", path)
            return ""
        text = str(value)
        if len(text) > MAX_TEXT:
            self.fail("P-SIZE", f"这段文字有 {len(text)} 个字，超过上限 {MAX_TEXT} 字，"
                      "可能误粘贴了整份文件。请只保留本节的文字。", path)
            return ""
        found = control_chars(text)
        if found:
            line = self.doc.line(path) if self.doc else None
            self.problems.append(warning(
                "P-CTRL", f"文字中有{describe(found)}，通常是从其他程序复制时带入的，"
                "已在报告中删除。请在文件中删除它们（或在表单中重新输入这段文字）。",
                file=self.file, line=line, place=Place(key=".".join(path))))
        return clean(text)


def _kind(value: Any) -> str:
    return {dict: "映射", list: "列表", bool: "是/否值", int: "数字", float: "数字",
            str: "文字"}.get(type(value), type(value).__name__)


def load_params(path: Path) -> tuple[ReportParams | None, list[Problem]]:
    doc, problems = yamlsource.read(path)
    if doc is None:
        return None, problems
    params, more = params_from_data(doc.data, str(path), doc)
    problems = problems + more
    if params is not None:
        problems += _path_problems(path, params, doc)
    return params, problems


def params_from_data(data: Any, file: str = "", doc: yamlsource.YamlDoc | None = None,
                     ) -> tuple[ReportParams | None, list[Problem]]:
    r = _Reader(file, doc)
    top = r.mapping(data, (), "参数文件")
    if data is not None and not isinstance(data, dict):
        return None, r.problems
    r.keys(top, TOP_KEYS, (), "参数文件顶层")
    unit = _unit(r, top.get("unit"))
    year = _year(r, top.get("year"))
    fmt: ReportFormat | None = None
    if year is not None:
        try:
            fmt = format_for_year(year)
        except NoFormatError as exc:
            r.fail("V-F1", str(exc), ("year",))
    published = _date(r, top.get("published"), ("published",))
    sections = _sections(r, top.get("sections"), fmt)
    breakdown = _breakdown(r, top.get("proactive_breakdown"))
    tables, stated, invalid = _tables(r, top.get("tables"), fmt)
    yoy = {k: r.text(v, ("yoy", k)) for k, v in r.mapping(top.get("yoy"), ("yoy",), "yoy").items()}
    if unit is None or year is None or fmt is None:
        return None, r.problems
    params = ReportParams(
        unit=unit, year=year, title=r.text(top.get("title"), ("title",)) or None,
        published=published, contact=r.text(top.get("contact"), ("contact",)) or None,
        preamble=r.text(top.get("preamble"), ("preamble",)), sections=sections,
        breakdown=breakdown, tables=tables, stated=stated, invalid=frozenset(invalid),
        yoy=yoy, jiedu=r.text(top.get("jiedu"), ("jiedu",)), source=file)
    return params, r.problems


def _unit(r: _Reader, value: Any) -> Unit | None:
    if value is None:
        r.fail("P-REQ", "缺少必填项 unit（单位信息：province 省、city 市、county 县、name 乡镇名称、"
               "kind 类型）。请补上。", ("unit",))
        return None
    data = r.mapping(value, ("unit",), "unit")
    r.keys(data, UNIT_KEYS, ("unit",), "unit", schema.UNIT_ALIASES)
    ok = True
    for key in UNIT_KEYS:
        if data.get(key) in (None, ""):
            r.fail("P-REQ", f"缺少必填项 unit.{key}。请补上。", ("unit", key))
            ok = False
    for key in ("county", "name", "province", "city"):
        why = name_problem(data.get(key)) if data.get(key) not in (None, "") else None
        if why:
            r.fail("P-NAME", f"unit.{key}“{visible(str(data.get(key)))}”{why}。请改为正式名称。",
                   ("unit", key))
            ok = False
    kind = data.get("kind")
    if kind not in (None, "") and kind not in UNIT_KINDS:
        r.fail("P-TYPE", f"unit.kind 应为 {'、'.join(UNIT_KINDS)} 之一，现为“{kind}”。", ("unit", "kind"))
        ok = False
    if not ok:
        return None
    return Unit(*(str(data[k]) for k in UNIT_KEYS))


def _year(r: _Reader, value: Any) -> int | None:
    if value is None:
        r.fail("P-REQ", "缺少必填项 year（报告年度，如 2021）。请补上。", ("year",))
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1000 <= value <= 9999:
        r.fail("P-TYPE", f"year 应为四位整数年份（如 2021），现为“{_short(value)}”。", ("year",))
        return None
    if value > date.today().year:
        r.fail("P-TYPE", f"报告年度 {value} 还没有到（今年是 {date.today().year} 年）。"
               "请检查年份是否写错。", ("year",))
        return None
    return value


def _short(value: Any) -> str:
    text = visible(str(value))
    return text if len(text) <= 20 else f"{text[:8]}…（共 {len(text)} 个字符）"


def _date(r: _Reader, value: Any, path: tuple[str, ...]) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        r.fail("P-TYPE", f"日期应写作 YYYY-MM-DD（如 2022-01-20），现为“{value}”。", path)
        return None


def _sections(r: _Reader, value: Any, fmt: ReportFormat | None) -> dict[str, SectionText]:
    data = r.mapping(value, ("sections",), "sections")
    if fmt is None:
        return {}
    ids = tuple(s.id for s in fmt.sections)
    r.keys(data, ids, ("sections",), "sections", {s.full_heading: s.id for s in fmt.sections}
           | {s.heading: s.id for s in fmt.sections})
    result = {}
    for section in fmt.sections:
        path = ("sections", section.id)
        raw = data.get(section.id)
        if not isinstance(raw, dict):
            result[section.id] = SectionText(r.text(raw, path))
            continue
        sub_ids = tuple(s.id for s in section.subsections)
        r.keys(raw, (schema.SECTION_TEXT, *sub_ids), path, f"sections.{section.id}",
               {s.title: s.id for s in section.subsections})
        subs = {}
        for sub in section.subsections:
            sub_raw = raw.get(sub.id)
            if isinstance(sub_raw, dict):
                r.keys(sub_raw, schema.SUBSECTION_KEYS, (*path, sub.id), f"sections.{section.id}.{sub.id}")
                subs[sub.id] = Prose(r.text(sub_raw.get("text"), (*path, sub.id, "text")),
                                     r.text(sub_raw.get("title"), (*path, sub.id, "title")) or None)
            else:
                subs[sub.id] = Prose(r.text(sub_raw, (*path, sub.id)))
        result[section.id] = SectionText(r.text(raw.get("text"), (*path, "text")), subs)
    return result


def _breakdown(r: _Reader, value: Any) -> Breakdown | None:
    if value is None:
        return None
    path = ("proactive_breakdown",)
    data = r.mapping(value, path, "proactive_breakdown")
    r.keys(data, schema.BREAKDOWN_KEYS, path, "proactive_breakdown")
    total = _count(r, data.get("total"), (*path, "total"), "主动公开信息总数")
    items = {}
    for name, raw in r.mapping(data.get("items"), (*path, "items"), "items").items():
        count = _count(r, raw, (*path, "items", name), f"栏目“{visible(name)}”")
        items[clean(name)] = count or 0
    return Breakdown(total, items)


def _count(r: _Reader, raw: Any, path: tuple[str, ...], what: str) -> int | None:
    if raw is None:
        return None
    value, why = parse_cell(raw, "int", 0)
    if why:
        r.fail("V-N5", f"{what}{why}", path)
        return None
    return int(value)


def _tables(r: _Reader, value: Any, fmt: ReportFormat | None,
            ) -> tuple[dict[str, dict[str, dict[str, Number]]], dict[CellKey, Number], set[CellKey]]:
    data = r.mapping(value, ("tables",), "tables")
    tables: dict[str, dict[str, dict[str, Number]]] = {}
    stated: dict[CellKey, Number] = {}
    invalid: set[CellKey] = set()
    if fmt is None:
        return tables, stated, invalid
    r.keys(data, tuple(t.id for t in fmt.tables), ("tables",), "tables",
           {t.title: t.id for t in fmt.tables})
    for table in fmt.tables:
        tpath = ("tables", table.id)
        rows = r.mapping(data.get(table.id), tpath, f"tables.{table.id}")
        r.keys(rows, tuple(row.id for row in table.rows), tpath, f"tables.{table.id}",
               {row.label: row.id for row in table.rows})
        values: dict[str, dict[str, Number]] = {}
        for row in table.rows:
            cells = r.mapping(rows.get(row.id), (*tpath, row.id), f"tables.{table.id}.{row.id}")
            r.keys(cells, tuple(c.id for c in row.columns), (*tpath, row.id),
                   f"tables.{table.id}.{row.id}", {c.label: c.id for c in row.columns})
            for col in row.columns:
                if col.id not in cells:
                    continue
                key = (table.id, row.id, col.id)
                number, why = parse_cell(cells[col.id], col.kind, col.decimals)
                if why:
                    invalid.add(key)
                    r.fail("V-N5", f"{why}", (*tpath, row.id, col.id), **at_cell(table, row.id, col.id))
                elif row.computed or col.computed:
                    if cells[col.id] is not None:
                        stated[key] = number
                else:
                    values.setdefault(row.id, {})[col.id] = number
        tables[table.id] = values
    return tables, stated, invalid


def _path_problems(path: Path, params: ReportParams, doc: yamlsource.YamlDoc) -> list[Problem]:
    in_layout = len(path.parts) >= 4 and path.parent.parent.parent.name == DEFAULT_PARAMS.name
    if in_layout and not YEAR_FILE.match(path.name):  # named on purpose, yet never discovered
        return [warning("P-PATH", stray_note(path), file=str(path))]
    found = path_identity(path)
    if found is None:
        return []
    county, unit, year = found
    problems = []
    pairs = ((county, params.unit.county, ("unit", "county"), "县"),
             (unit, params.unit.name, ("unit", "name"), "乡镇"),
             (str(year), str(params.year), ("year",), "年份"))
    for from_path, inside, key, what in pairs:
        if from_path != inside:
            msg = (f"文件路径中的{what}“{from_path}”与文件内容中的“{inside}”不一致。"
                   f"参数文件应放在 params/<县>/<乡镇>/<年>.yaml；请移动文件或改正内容，使两者一致。")
            problems.append(error("P-PATH", msg, file=str(path), line=doc.line(key),
                                  place=Place(key=".".join(key))))
    return problems
