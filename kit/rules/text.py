"""Rules on the prose and title: V-F7, V-F8, V-N10 (R8), V-N11, V-S1–V-S7."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kit.base.place import BODY, PREAMBLE, TITLE, Place
from kit.base.problems import Problem, error, warning
from kit.params.model import REWRITE_MARK, Number, ReportParams
from kit.rules.copied import at_prose

_YEAR = re.compile(r"(\d{4})\s*年")
# "自2021年1月1日起至2021年12月31日止", "2022年1月1日至12月31日" (the end's year left out), and a
# part of the year for a body set up or closed within it ("自2021年6月1日起至2021年12月31日止")
_PERIOD = re.compile(r"(\d{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^。\d]{0,12}?(?:(\d{4})\s*年\s*)?"
                     r"\d{1,2}\s*月\s*\d{1,2}\s*日")
_BAD_DATE = re.compile(r"\d{5,}\s*月|\d{4}\s*年\s*(?:1[3-9]|[2-9]\d)\s*月")
_COMPARE = re.compile(r"同比|较上年|比上年|较去年|比去年|与上年相比|较\d{4}\s*年|比\d{4}\s*年")
# "共发布信息44条。其中：…", "全年主动公开政府信息151条，其中：…", "…6件，包括…", "…分别为…"
_TOTAL_THEN_PARTS = re.compile(r"(\d+)\s*([条件个项篇])[^。；\d]{0,4}?[。，,；]?\s*(其中|包括|分别为|含)[：:，,]?([^。]*)")
# a part: a number and its unit, unless it is a change or a share ("较上年增加5条", "占20%")
_PART = re.compile(r"(增加|减少|增长|下降|同比|较|比|多|少|占|约)?\s*(\d+)\s*([条件个项篇])")
SUPERVISION_WORDS = (("考核", "工作考核"), ("评议", "社会评议"), ("责任追究", "责任追究"))

# (wording in the prose, the Table 三 row whose 总计 it states)
_CLAIMS = (
    (re.compile(r"(?:收到|新收|受理)[^。；，\d]*?申请[^。；，\d]*?(\d+)\s*件"), "received"),
    (re.compile(r"上年结转[^。；，\d]*?(\d+)\s*件"), "carried_over"),
    (re.compile(r"(?:办结|答复)[^。；，\d]*?(\d+)\s*件"), "total"),
    (re.compile(r"结转(?:至|到)?下(?:一)?年度?[^。；，\d]*?(\d+)\s*件"), "carried_forward"),
)
_CASES = r"[^。；，\d、和及]*?(\d+)\s*[件起]"  # after 行政复议 / 行政诉讼: "…N件"




def _claim(params: ReportParams, table_id: str, row_id: str, quote: str, said: int, table_value: object,
           ) -> dict[str, object]:
    """A number the prose states against the table's 总计 of that row (V-N10)."""
    return {"file": params.source, "section": f"正文与表{params.format.table(table_id).number}",
            "place": Place(table=table_id, row=row_id, column="total", section=BODY, quote=quote),
            "values": (("said", said), ("table", str(table_value)))}


def check_text(params: ReportParams) -> list[Problem]:
    return [*_title(params), *_preamble(params), *_coverage(params), *_claims(params),
            *_breakdowns(params), *_rewrite_marks(params)]


def _title(params: ReportParams) -> Iterator[Problem]:
    title = params.display_title
    where = at_prose(params, TITLE, key="title")
    for found in _YEAR.findall(title):
        if int(found) != params.year:
            yield error("V-F7", f"标题中的年份 {found} 与报告年度 {params.year} 不一致。请改正标题。",
                        check="year", values=(("stated", found), ("year", params.year)), **where)
    if re.search(r"\s", title):
        also = "（或删除 title 一项，使用自动生成的标题）" if params.source.endswith(".yaml") else ""
        yield warning("V-F8", f"标题“{title}”中有多余的空格。规范写法如“{params.canonical_title}”，"
                      f"请删除空格{also}。", check="spaces", **where)
    if title.count("年度") > 1:
        yield warning("V-F8", f"标题“{title}”中“年度”重复出现。规范写法如“{params.canonical_title}”。",
                      check="repeated", **where)
    if params.format.report_name not in re.sub(r"\s", "", title):
        yield warning("V-F8", f"标题中应含“{params.format.report_name}”。规范写法如“{params.canonical_title}”。",
                      check="name", **where)


def _preamble(params: ReportParams) -> Iterator[Problem]:
    where = at_prose(params, PREAMBLE, key="preamble")
    text = params.preamble
    for bad in _BAD_DATE.findall(text):
        yield error("V-F7", f"导语中的日期“{bad}”写法有误。请写成“{params.year}年1月1日”这样的格式。",
                    check="date", values=(("date", bad),), **where)
    period = _PERIOD.search(text)
    if period is None:
        if text.strip():
            yield warning("V-F7", f"导语未写明统计期限。建议写明“本报告中所列数据的统计期限自{params.year}年"
                          f"1月1日起至{params.year}年12月31日止”。", check="period", **where)
        return
    for found in period.groups():
        if found is not None and int(found) != params.year:
            yield error("V-F7", f"导语中统计期限的年份 {found} 与报告年度 {params.year} 不一致。"
                        f"统计期限应为{params.year}年1月1日至{params.year}年12月31日。",
                        check="period-year", values=(("stated", found),), **where)


def _coverage(params: ReportParams) -> Iterator[Problem]:
    fmt = params.format
    general = fmt.section("general")
    body = params.section("general")
    aspects = "、".join(s.title.removesuffix("情况") for s in general.subsections)
    for sub in general.subsections:
        if params.subsection(general.id, sub.id).text.strip():
            continue
        # Written as one block without this subsection: covered when its keywords appear there.
        if body.text.strip() and any(word in body.text for word in sub.keywords):
            continue
        yield warning("V-S1", f"{general.heading}缺少“{sub.title}”方面的内容。{general.heading}应涵盖"
                      f"{aspects}等方面，请补写。",
                      **at_prose(params, general.id, sub.id))
    oversight = params.subsection(general.id, "oversight").text or body.all_text()
    missing = [name for word, name in SUPERVISION_WORDS if word not in oversight]
    if missing and params.unit.level.reports_oversight:  # 第五十条(四): 各级人民政府 only
        yield warning("V-S2", f"监督保障部分未写明{'、'.join(missing)}结果情况。《条例》第五十条要求各级"
                      "人民政府的年报写明工作考核、社会评议和责任追究结果情况；如无，也请写明“未发生”。",
                      **at_prose(params, general.id, "oversight"), values=(("missing", "、".join(missing)),))
    problems = fmt.section("problems")
    whole = params.section(problems.id).all_text()
    for sub in problems.subsections:
        if params.subsection(problems.id, sub.id).text.strip():
            continue
        # both parts written together (in the section's own paragraphs, or under the other
        # part's heading, as real reports often do): covered when its words are there
        if any(word in whole for word in sub.keywords):
            continue
        yield warning("V-S3", f"“{sub.title}”未填写。请具体写明，不要空缺。",
                      **at_prose(params, problems.id, sub.id))
    other = fmt.section("other")
    if "信息处理费" not in params.all_prose():  # section 六, or wherever the report states it
        yield warning("V-S6a", f"{other.heading}未说明信息处理费收取情况。请写明本年度是否收取信息处理费"
                      "及金额，例如“本年度未收取信息处理费。”", **at_prose(params, other.id))
    if not _COMPARE.search(params.all_prose() + "".join(params.yoy.values())):
        yield warning("V-S7", "正文没有与上年的比较（同比）。评估时看重同比分析，建议在一（一）、一（二）中写明"
                      "主动公开信息、收到申请数量较上年的增减。",
                      **at_prose(params, general.id))


def _claims(params: ReportParams) -> Iterator[Problem]:
    if any(key[0] == "applications" for key in params.invalid):
        return
    text = params.all_prose()
    apps = params.format.table("applications")
    for pattern, row_id in _CLAIMS:
        what = f"“{apps.row(row_id).label}”的总计"
        table_value = _total(params, row_id)
        summed = params.value("applications", row_id, "total")
        if ("applications", row_id, "total") in params.stated:
            what = f"{what}印"
        also = table_value + _total(params, "carried_over") if row_id == "received" else None
        for match in pattern.finditer(text):
            said = int(match.group(1))
            if said in (table_value, also):
                continue
            where = _claim(params, apps.id, row_id, match.group(0), said, table_value)
            if said == summed:  # the printed total is wrong (R3's error); the reader sees two figures
                yield warning("V-N10", f"正文写“{match.group(0)}”，与本行各列之和一致，但表{apps.number}{what}为 "
                              f"{table_value}，读者看到的是两个不同的数字。改正表中的总计后即一致。",
                              check="printed-total", **where)
                continue
            yield error("V-N10", f"正文写“{match.group(0)}”，但表{apps.number}{what}为 {table_value}。"
                        "正文数字与表格必须一致，请改正其中之一。", **where)
    cases = params.format.table("review_litigation")
    groups: dict[str, list[str]] = {}
    for row in cases.rows:  # 行政复议: its row; 行政诉讼: the rows under that group label
        groups.setdefault(row.group or row.label, []).append(row.id)
    for what, rows in groups.items():
        if what not in text:  # nothing to match: the pattern is not even compiled
            continue
        table_value = sum(params.value(cases.id, r, "total") for r in rows)
        for match in re.finditer(re.escape(what) + _CASES, text):
            if int(match.group(1)) != table_value:
                yield error("V-N10", f"正文写“{match.group(0)}”，但表{cases.number}{what}总计为 {table_value}。"
                            "请改正其中之一。",
                            **_claim(params, cases.id, rows[0], match.group(0), int(match.group(1)), table_value))


def _wrong_breakdown(total: int, parts: list[int], word: str, listed: str) -> bool:
    """Parts that cannot add up to their total: more than it (a part of a whole is never
    larger), or, for a list that names every part (two or more, not ended with 等, or
    introduced by 分别为), other than it. One part after 其中 is a subset ("共100条，其中政策文件
    20条"), not a breakdown."""
    if not parts:
        return False
    if sum(parts) > total:
        return True
    whole = word == "分别为" or (len(parts) >= 2 and "等" not in listed)
    return whole and sum(parts) != total


def _total(params: ReportParams, row_id: str) -> Number:
    """A Table 三 row's 总计 as the reader sees it: as printed in a published table (it may
    differ from the sum of its cells: R3 says so), else the sum."""
    printed = params.stated.get(("applications", row_id, "total"))
    return printed if printed is not None else params.value("applications", row_id, "total")


def _breakdowns(params: ReportParams) -> Iterator[Problem]:
    for match in _TOTAL_THEN_PARTS.finditer(params.all_prose()):
        total, unit, word, listed = int(match.group(1)), match.group(2), match.group(3), match.group(4)
        parts = [int(n) for change, n, u in _PART.findall(listed) if not change and u == unit]
        if _wrong_breakdown(total, parts, word, listed):
            more = "，分项不可能多于总数" if sum(parts) > total else ""
            yield warning("V-N11", f"正文称共 {total} {unit}，但“{word}”各项之和为 {sum(parts)}"
                          f"（{'+'.join(map(str, parts))}）{more}。请核对总数或分项。",
                          values=(("total", total), ("sum", sum(parts))), **at_prose(params, BODY, quote=match.group(0)))
    bd = params.breakdown
    if bd is None:
        return
    general = params.format.section("general")
    sub = general.breakdown_subsection()
    if sub is None:
        return
    where = {"file": params.source, "section": params.place(general.id, sub.id, short=True),
             "place": Place(section=general.id, subsection=sub.id, key="proactive_breakdown")}
    if bd.total is not None and bd.items and sum(bd.items.values()) != bd.total:
        yield warning("V-N11", f"主动公开信息总数填 {bd.total} 条，但各栏目之和为 {sum(bd.items.values())} 条。"
                      "请核对总数或各栏目条数。", check="items", **where)
    said = re.search(r"共[^。；，\d]*?(\d+)\s*条", params.subsection(general.id, sub.id).text)
    if said and bd.total is not None and int(said.group(1)) != bd.total:
        yield warning("V-N11", f"正文称共发布 {said.group(1)} 条，与填写的本年发布信息总条数（{bd.total}）不一致。"
                      "请改正其中之一。", check="prose", **where)


def _rewrite_marks(params: ReportParams) -> Iterator[Problem]:
    fmt = params.format
    for section in fmt.sections:
        body = params.section(section.id)
        places = [("", body.text)] + [(s.id, params.subsection(section.id, s.id).text)
                                      for s in section.subsections]
        for sub_id, text in places:
            if REWRITE_MARK in text:
                yield warning("V-S5", f"这段文字沿用上年报告，尚未改写（含标记“{REWRITE_MARK}”）。"
                              "请按本年度实际情况改写，并删除该标记；照抄上年属于“内容雷同”。",
                              **at_prose(params, section.id, sub_id))
    if REWRITE_MARK in params.preamble:
        yield warning("V-S5", f"导语沿用上年内容（含标记“{REWRITE_MARK}”）。请改写并删除该标记。",
                      **at_prose(params, PREAMBLE, key="preamble"))
