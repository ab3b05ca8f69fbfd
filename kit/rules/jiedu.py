"""V-J1: the 解读 the clerk edited quotes only numbers the report holds — a cell or total of a
table, the 主动公开 counts, a number of the report's own text, the year — so the companion
published beside the report never says what the report does not."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from kit.base.place import Place
from kit.base.problems import Problem, warning
from kit.params.model import ReportParams

_NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.]*\s*%)")


def report_numbers(params: ReportParams) -> set[Decimal]:
    """Every number the report holds, as it prints them and as plain values."""
    found = {Decimal(params.year + d) for d in (-1, 0, 1)}
    for table in params.format.tables:
        for row in table.rows:
            for column in row.columns:
                found.add(Decimal(params.value(table.id, row.id, column.id)).normalize())
    if params.breakdown is not None:
        found |= {Decimal(v) for v in params.breakdown.items.values()}
        if params.breakdown.total is not None:
            found.add(Decimal(params.breakdown.total))
    words = " ".join([params.all_prose(), *params.yoy.values(), params.display_title, params.format.notice])
    return found | {Decimal(n).normalize() for n in _NUMBER.findall(words)}


def check_jiedu(params: ReportParams) -> Iterator[Problem]:
    text = params.jiedu
    if not text.strip():
        return
    known = report_numbers(params)
    seen: set[str] = set()
    for match in _NUMBER.finditer(text):
        number = match.group(1)
        if Decimal(number).normalize() in known or number in seen:
            continue
        seen.add(number)
        quote = text[max(0, match.start() - 8):match.end() + 1].replace("\n", " ")
        yield warning("V-J1", f"解读中写的“{number}”（“{quote}”）在报告中找不到。解读只能引用报告中的数字，"
                      "请核对，或改为报告中的数字。", file=params.source, section="解读",
                      place=Place(key="jiedu", quote=quote), values=(("number", number),))
