"""Writing params files: a new commented file, or an existing file updated in place.

:func:`dumps` lays a new file out by the schema (:mod:`kit.params.schema`), each table row
with its official label as a comment, so a clerk can edit it by hand. :func:`update` applies a
report's values to an existing file with ruamel.yaml's round-trip mode: only values that
changed are rewritten, so the comments, quoting and layout a person typed survive a save from
the form; :func:`set_yoy` does the same for the 同比 sentences. Everything round-trips through
:func:`kit.params.loader.load_params`; files are written atomically (:mod:`kit.base.atomic`).
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML, YAMLError
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import LiteralScalarString

from kit.base import atomic
from kit.params import schema
from kit.params.model import CellKey, Number, ReportParams


def to_data(params: ReportParams) -> dict[str, Any]:
    """The file's content as plain data, in the schema's order (inputs only, no totals)."""
    fmt = params.format
    data: dict[str, Any] = {
        schema.UNIT: {k.name: getattr(params.unit, k.name) for k in schema.UNIT_FIELDS},
        schema.YEAR: params.year,
    }
    for name, value in (("title", params.title), ("published", params.published),
                        ("contact", params.contact)):
        if value:
            data[name] = value
    data["preamble"] = params.preamble
    sections: dict[str, Any] = {}
    for section in fmt.sections:
        body = params.section(section.id)
        entry: dict[str, Any] = {schema.SECTION_TEXT: body.text}
        for sub in section.subsections:
            prose = params.subsection(section.id, sub.id)
            entry[sub.id] = ({"title": prose.title} if prose.title else {}) | {"text": prose.text}
        sections[section.id] = entry
    data[schema.SECTIONS] = sections
    if params.breakdown is not None:
        data[schema.BREAKDOWN] = {"total": params.breakdown.total,
                                  "items": dict(params.breakdown.items)}
    if params.yoy:
        data[schema.YOY] = dict(params.yoy)
    data[schema.TABLES] = {
        table.id: {row.id: {c.id: params.input_value(table.id, row.id, c.id)
                            for c in row.input_columns()}
                   for row in table.rows if not row.computed}
        for table in fmt.tables}
    if params.jiedu.strip():
        data[schema.JIEDU] = params.jiedu
    return data


# ---- a new file -----------------------------------------------------------------------------

class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def _dump(data: dict[str, Any], indent: int = 0) -> str:
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000,
                     default_flow_style=False)
    pad = " " * indent
    return "".join(pad + line if line.strip() else line for line in text.splitlines(True))


def _number(value: Number) -> str:
    return format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)


def dumps(params: ReportParams, unknown: frozenset[CellKey] = frozenset()) -> str:
    """A new params file for ``params``: schema order, headings and row labels as comments.
    Cells in ``unknown`` (not readable where the figures came from) are left out and named in
    the row's comment, never written as 0."""
    fmt = params.format
    data = to_data(params)
    computed = "、".join(f"“{r.label}”行" for t in fmt.tables for r in t.rows if r.computed)
    out = [f"# {params.display_title} 参数文件（格式：{fmt.name}，{fmt.notice}）\n",
           f"# 表格中只填输入项；“总计”列和{computed}由工具自动计算。未填的格子按 0 处理。\n"]
    if any(not fmt.table(t).row(r).computed and not fmt.table(t).row(r).column(c).computed
           for t, r, c in unknown):
        out.append("# 注意：标有“未能读取”的格子在原报告中无法读取，没有写入。请核实后补填，否则按 0 处理。\n")
    for key in schema.TOP:
        if key.name not in data:
            continue
        value = data[key.name]
        if key.name == schema.SECTIONS:
            out.append(f"{key.name}:\n")
            for section in fmt.sections:
                out.append(f"  # {section.full_heading}\n")
                out.append(_dump({section.id: value[section.id]}, indent=2))
        elif key.name == schema.TABLES:
            out.append(f"{key.name}:\n")
            for table in fmt.tables:
                out.append(f"  {table.id}:  # {table.caption}\n")
                for row in table.rows:
                    if row.computed:
                        continue
                    left = [row.column(c).label for c in value[table.id][row.id]
                            if (table.id, row.id, c) in unknown]
                    cells = ", ".join(f"{c}: {_number(v)}" for c, v in value[table.id][row.id].items()
                                      if (table.id, row.id, c) not in unknown)
                    note = f"；未能读取：{'、'.join(left)}" if left else ""
                    out.append(f"    {row.id}: {{{cells}}}  # {row.place}{note}\n")
        else:
            if key.comment:
                out.append(f"# {key.comment}\n")
            out.append(_dump({key.name: value}))
    return "".join(out)


# ---- an existing file, updated in place -------------------------------------------------------

def _round_trip() -> YAML:
    rt = YAML()  # round-trip mode: comments, order, quoting and block styles are kept
    rt.preserve_quotes = True
    rt.width = 10_000  # never fold long Chinese lines
    rt.indent(mapping=2, sequence=4, offset=2)
    rt.representer.add_representer(Decimal, _represent_decimal)
    return rt


def _represent_decimal(representer: Any, value: Decimal) -> Any:
    if value == value.to_integral_value():
        return representer.represent_int(int(value))
    return representer.represent_scalar("tag:yaml.org,2002:float", _number(value))


def _same(old: Any, new: Any) -> bool:
    if isinstance(new, str):
        return isinstance(old, str) and str(old) == new
    if isinstance(old, (bool, str)) or isinstance(new, bool):
        return old is new
    if isinstance(new, Decimal):
        return isinstance(old, (int, float)) and Decimal(repr(old) if isinstance(old, float)
                                                         else old) == new
    if isinstance(new, (int, date)):
        return type(old) is type(new) and old == new
    return old == new


def _node(value: Any, flow: bool = False) -> Any:
    """A new value as ruamel would write it: mappings kept in order, long text as a block."""
    if isinstance(value, dict):
        node = CommentedMap((k, _node(v, flow)) for k, v in value.items())
        if flow and value and not any(isinstance(v, dict) for v in value.values()):
            node.fa.set_flow_style()  # a table row: {natural: 0, commercial: 0, …}
        return node
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    return value


def _merge(target: CommentedMap, new: dict[str, Any], flow: bool = False) -> None:
    """Make ``target`` hold ``new``: changed values replaced, new keys put in ``new``'s order,
    keys ``new`` lacks removed; everything unchanged keeps its text and comments. New table
    rows (anything under ``tables``, or everything with ``flow``) are written in flow style."""
    for key in [k for k in target if k not in new]:
        del target[key]
    for i, (key, value) in enumerate(new.items()):
        if key in target:
            old = target[key]
            if isinstance(value, dict) and isinstance(old, CommentedMap):
                _merge(old, value, flow or key == schema.TABLES)
            elif not _same(old, value):
                target[key] = _node(value, flow)
            continue
        if _empty(value):  # an empty field the file leaves out stays out
            continue
        earlier = [k for k in list(new)[:i] if k in target]
        position = list(target).index(earlier[-1]) + 1 if earlier else 0
        target.insert(position, key, _node(value, flow or key == schema.TABLES))


def _empty(value: Any) -> bool:
    if isinstance(value, dict):
        return all(_empty(v) for v in value.values())
    return value is None or value == ""


def _apply(text: str, change: Any) -> str | None:
    rt = _round_trip()
    try:
        doc = rt.load(text)
    except (YAMLError, ValueError, RecursionError):  # not YAML, a huge number, too deep
        return None
    if not isinstance(doc, CommentedMap):
        return None
    change(doc)
    out = io.StringIO()
    rt.dump(doc, out)
    return out.getvalue()


def update(text: str, params: ReportParams) -> str:
    """``text`` (an existing params file) holding ``params``'s values, comments kept. A text
    that is not a YAML mapping is replaced by :func:`dumps`."""
    data = to_data(params)

    def change(doc: CommentedMap) -> None:
        had = {name for name in (schema.YOY, schema.JIEDU) if name in doc}
        _merge(doc, data)
        for name in (schema.YOY, schema.JIEDU):
            if name in data and name not in had:
                _comment(doc, name)

    return _apply(text, change) or dumps(params)


def set_yoy(text: str, sentences: dict[str, str]) -> str | None:
    """``text`` with its ``yoy`` mapping holding ``sentences`` (placed by the schema's order
    when new); None when the text is not a YAML mapping."""
    def change(doc: CommentedMap) -> None:
        had = isinstance(doc.get(schema.YOY), CommentedMap)
        if had:
            _merge(doc[schema.YOY], sentences)
            return
        doc.pop(schema.YOY, None)
        order = schema.names(schema.TOP)
        later = [k for k in doc if k in order and order.index(k) > order.index(schema.YOY)]
        position = list(doc).index(later[0]) if later else len(doc)
        doc.insert(position, schema.YOY, _node(sentences))
        _comment(doc, schema.YOY)

    return _apply(text, change)


def _comment(doc: CommentedMap, name: str) -> None:
    comment = schema.key(name).comment
    if comment:
        doc.yaml_set_comment_before_after_key(name, before=comment)


def text_for(params: ReportParams, path: Path) -> str:
    """What ``path`` should hold for ``params``: its own text updated in place when it exists
    and is readable, a new file otherwise."""
    try:
        existing = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return dumps(params)
    return update(existing, params)


def save(params: ReportParams, path: Path) -> Path:
    """Write ``params`` to ``path`` (updating the file in place when it exists)."""
    return write_atomic(path, text_for(params, path))


def write_atomic(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` atomically (see :mod:`kit.base.atomic`)."""
    return atomic.write_text(path, text)
