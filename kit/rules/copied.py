"""Paragraphs copied unchanged from the same unit's report of the year before (V-S5).

A paragraph counts as copied when, apart from spacing and the two report years (so that
"2021年……" typed over "2022年……" still counts), it equals one of last year's paragraphs.
Short stock sentences ("本年度未收取信息处理费。") are allowed to recur.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kit.base.place import PREAMBLE
from kit.base.problems import Problem, warning
from kit.formats.places import at_section
from kit.params.model import ReportParams

MIN_CHARS = 30  # shorter paragraphs are stock sentences that recur in good reports
_SPACE = re.compile(r"\s+")


def places(params: ReportParams) -> Iterator[tuple[str, str, str]]:
    """(section id, subsection id, paragraph) for the preamble (section id PREAMBLE) and every
    section and subsection paragraph."""
    for line in params.preamble.splitlines():
        yield PREAMBLE, "", line
    for section in params.format.sections:
        body = params.section(section.id)
        for line in body.text.splitlines():
            yield section.id, "", line
        for sub in section.subsections:
            for line in params.subsection(section.id, sub.id).paragraphs():
                yield section.id, sub.id, line


def at_prose(params: ReportParams, section_id: str, sub_id: str = "", **kw: str) -> dict[str, object]:
    """The ``**where`` of a problem in the report's prose, named by the headings it gives."""
    heading = params.subsection_heading(section_id, sub_id) if sub_id else ""
    key = kw.pop("key", "") or ("preamble" if section_id == PREAMBLE else "")
    return {"file": params.source, **at_section(params.format, section_id, sub_id, heading, key=key, **kw)}


def _key(text: str, year: int) -> str:
    text = _SPACE.sub("", text)
    return text.replace(str(year), "{Y}").replace(str(year - 1), "{Y-1}")


def check_copied(params: ReportParams, previous: ReportParams | None) -> list[Problem]:
    """A V-S5 warning for each paragraph that repeats last year's report unchanged."""
    if previous is None or previous.year != params.year - 1:
        return []
    before = {_key(text, previous.year) for _, _, text in places(previous)}
    problems = []
    for section_id, sub_id, text in places(params):
        key = _key(text, params.year)
        if len(key) >= MIN_CHARS and key in before:
            start = text.strip()[:18]
            problems.append(warning(
                "V-S5", f"这段文字与上年报告相同（“{start}……”），只改了年份或未改动。"
                "请按本年度实际情况改写；照抄上年属于“内容雷同”。",
                **at_prose(params, section_id, sub_id, quote=start)))
    return problems
