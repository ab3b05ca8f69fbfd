"""Text checks taught by the wordings real reports use (spec §5; issue “read what was
published”): figures of Table 二 stated in the prose, years in the body that are not the
report's, and the notice the report cites.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kit.base.place import BODY, PREAMBLE, Place
from kit.base.problems import Problem, error, warning
from kit.formats import FORMATS
from kit.params.model import ReportParams
from kit.rules.copied import at_prose, places

_NOTICE = re.compile(r"国办公开办函\s*[〔\[［（(【]\s*(\d{4})\s*[〕\]］）)】]\s*(\d+)\s*号")
_BODY_YEAR = re.compile(r"(?<![\d较比与同])(20\d{2})\s*年(?!\s*[以之]?[来前后])")
_COMPARED = re.compile(r"(?:较|比|与|同比|上年|去年|上一年|相比)[^。，；]{0,3}$")
# What the prose says before a Table 二 row's label, and the role of that row's column
# (Column.role: the format says which column it is in each version). The label itself comes
# from the format.
_TABLE_TWO = (
    (r"(?:制定|制发|出台|印发|新制定)", "normative_documents", "issued"),
    (r"废止", "normative_documents", "repealed"),
    (r"现行有效", "normative_documents", "in_force"),
    (r"", "licensing", "decisions"),
    (r"", "punishment", "decisions"),
    (r"", "coercion", "decisions"),
)


def _label_pattern(label: str) -> str:
    """A row label as prose writes it: "行政规范性文件" also as "规范性文件" (and the 2019 row
    "规范性文件" also with 行政); short labels ("行政许可") exactly."""
    core = label.removeprefix("行政")
    return f"(?:行政)?{re.escape(core)}" if len(core) >= 4 else re.escape(label)


def check_wording(params: ReportParams) -> list[Problem]:
    return [*_notice(params), *_body_years(params), *_table_two(params)]


def _notice(params: ReportParams) -> Iterator[Problem]:
    fmt = params.format
    text = params.all_prose()  # the preamble included
    for match in _NOTICE.finditer(text):
        cited = f"国办公开办函〔{match.group(1)}〕{match.group(2)}号"
        other = next((f for f in FORMATS if f.notice == cited), None)
        later = other is not None and params.published is not None and other.notice_date > params.published
        if cited == fmt.notice and not later:
            continue
        if other is not None and other.last_year is not None and other.last_year < params.year:
            why = f"该通知规定的是 {other.first_year}–{other.last_year} 年度的格式，已被{fmt.notice}取代"
        elif other is not None and other is not fmt:
            why = f"该通知规定的是 {other.first_year} 年度起的格式，不适用于 {params.year} 年度"
        elif other is None:
            why = "这不是规定年报格式的通知"
        else:
            why = ""
        if later and other is not None and params.published is not None:
            when = (f"该通知印发于 {other.notice_date.isoformat()}，晚于本报告的发布日期 "
                    f"{params.published.isoformat()}，不可能是编制依据")
            why = f"{why}；{when}" if why else when
        yield error("V-F1", f"引用了“{cited}”，{why}。{params.year} 年度报告应依据{fmt.notice}编制，"
                    "请核对导语中的文号和发布日期。", values=(("cited", cited),),
                    **at_prose(params, PREAMBLE, quote=cited))
    yield from _format_titles(params, _brackets(text))


def _brackets(text: str) -> str:
    return text.replace("(", "（").replace(")", "）").replace("〈", "《").replace("〉", "》")


def _format_titles(params: ReportParams, text: str) -> Iterator[Problem]:
    """The other format cited by its own title: a 2021+ report "根据《…年度报告格式（试行）》"
    (a 2019–2020 report citing 《…年度报告格式》 without 试行 is its own format, loosely named)."""
    fmt = params.format
    for other in FORMATS:
        if other is fmt or other.format_title == fmt.format_title:
            continue
        for match in re.finditer(re.escape(other.format_title), text):
            if fmt.format_title.startswith(other.format_title) and \
                    text[match.end():].startswith(fmt.format_title[len(other.format_title):]):
                continue  # the report's own title, of which the other is the beginning
            years = (f"{other.first_year}–{other.last_year} 年度" if other.last_year
                     else f"{other.first_year} 年度起")
            yield error("V-F1", f"导语称依据《{other.format_title}》编制，这是{years}的格式（{other.notice}）；"
                        f"{params.year} 年度报告应依据《{fmt.format_title}》（{fmt.notice}）编制，请改正导语。",
                        check="cited-title", values=(("cited", other.format_title),),
                        **at_prose(params, PREAMBLE, quote=other.format_title))
            break


def _body_years(params: ReportParams) -> Iterator[Problem]:
    """A year other than the report's (or the next, for plans) used as the time of the work."""
    for section_id, sub_id, text in places(params):
        if section_id == PREAMBLE:
            continue  # the preamble's years are V-F7's own check (kit.rules.text)
        for match in _BODY_YEAR.finditer(text):
            year = int(match.group(1))
            if year in (params.year, params.year + 1) or year < 2019:
                continue
            if _COMPARED.search(text[:match.start()]):
                continue  # "较2022年" / "与上年（2022年）相比": a comparison
            start = max(0, match.start() - 6)
            yield warning("V-F7", f"正文写“{text[start:match.end() + 6]}”，而报告年度是 {params.year} 年。"
                          "如果是照抄往年的文字，请改为本年度的情况；如是有意与往年比较，请写明“较…年”。",
                          check="body-year", values=(("year", year),),
                          **at_prose(params, section_id, sub_id, quote=text[start:match.end() + 6]))
            break


def _table_two(params: ReportParams) -> Iterator[Problem]:
    if any(k[0] == "proactive" for k in params.invalid):
        return
    table = params.format.table("proactive")
    text = params.all_prose()
    for verbs, row_id, role in _TABLE_TWO:
        if not any(r.id == row_id for r in table.rows):
            continue
        row = table.row(row_id)
        if row.label.removeprefix("行政") not in text:  # no match possible: not even compiled
            continue
        name = _label_pattern(row.label)
        pattern = re.compile(f"{verbs}[^。；，\\d]{{0,10}}?{name}[^。；，\\d]{{0,8}}?(\\d+)\\s*[件项起]" if verbs
                             else f"{name}[^。；，\\d]{{0,8}}?(\\d+)\\s*[件项起]")
        column = row.column_for(role)
        if column is None:
            continue
        value = params.value("proactive", row_id, column.id)
        for match in pattern.finditer(text):
            if int(match.group(1)) != value:
                yield error("V-N10", f"正文写“{match.group(0)}”，但表{table.number}“{row.label}”的"
                            f"“{column.label}”为 {value}。正文数字与表格必须一致，请改正其中之一。",
                            file=params.source, section=f"正文与表{table.number}",
                            place=Place(table=table.id, row=row_id, column=column.id, section=BODY,
                                        quote=match.group(0)),
                            values=(("said", int(match.group(1))), ("table", str(value))))
