"""Writing a :class:`ReportParams` back to a readable, commented params file.

The output round-trips through :func:`kit.params.loader.load_params`. Each table row
carries its official label as a comment so a clerk can edit the file by hand.
Files are written atomically: a temporary file in the same folder, then a rename.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from kit.base import atomic
from kit.params.model import Number, ReportParams


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
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def dumps(params: ReportParams) -> str:
    fmt = params.format
    unit = params.unit
    out = [f"# {params.display_title} 参数文件（格式：{fmt.name}，{fmt.notice}）\n",
           "# 表格中只填输入项；“总计”列和“（七）总计”行由工具自动计算。未填的格子按 0 处理。\n"]
    out.append(_dump({"unit": {"province": unit.province, "city": unit.city, "county": unit.county,
                               "name": unit.name, "kind": unit.kind}, "year": params.year}))
    optional: dict[str, Any] = {}
    if params.title:
        optional["title"] = params.title
    if params.published:
        optional["published"] = params.published
    if params.contact:
        optional["contact"] = params.contact
    optional["preamble"] = params.preamble
    out.append(_dump(optional))
    out.append("sections:\n")
    for section in fmt.sections:
        body = params.section(section.id)
        data: dict[str, Any] = {"text": body.text}
        for sub in section.subsections:
            prose = body.subsections.get(sub.id)
            entry: dict[str, Any] = {}
            if prose and prose.title:
                entry["title"] = prose.title
            entry["text"] = prose.text if prose else ""
            data[sub.id] = entry
        out.append(f"  # {section.full_heading}\n")
        out.append(_dump({section.id: data}, indent=2))
    if params.breakdown is not None:
        out.append("# 一（一）主动公开：本年发布信息总条数及各栏目条数\n")
        out.append(_dump({"proactive_breakdown": {"total": params.breakdown.total,
                                                  "items": dict(params.breakdown.items)}}))
    if params.yoy:
        out.append("# 同比句（接受后写入正文；删除则不使用）\n")
        out.append(_dump({"yoy": dict(params.yoy)}))
    out.append("tables:\n")
    for table in fmt.tables:
        out.append(f"  {table.id}:  # 表{table.number} {table.title}\n")
        for row in table.rows:
            if row.computed:
                continue
            cells = ", ".join(f"{c.id}: {_number(params.input_value(table.id, row.id, c.id))}"
                              for c in row.input_columns())
            out.append(f"    {row.id}: {{{cells}}}  # {row.place}\n")
    return "".join(out)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (see :mod:`kit.base.atomic`)."""
    atomic.write_text(path, text)


def save(params: ReportParams, path: Path) -> None:
    write_atomic(path, dumps(params))
