"""The county desk's parts of the roll-up, as blocks for every renderer: who has reported
(报送情况) and whose prose is nearly the same as another report (内容雷同)."""

from __future__ import annotations

from datetime import date

from kit.county.rollup import CountyYear
from kit.county.roster import LABELS, counts, roster
from kit.county.similar import Pair, county_copies, shared_passages, shared_share
from kit.formats.levels import LEVELS, TOWNSHIP
from kit.render.blocks import Block

ROSTER_HEAD = ("状态", "发布日期", "说明")  # after the unit column, "乡镇" or "单位"


def _day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def unit_word(data: CountyYear) -> str:
    """How the county's units are named together: "乡镇" when all are townships, else "单位"."""
    return "乡镇" if [lv.id for lv in data.levels()] == [TOWNSHIP] else "单位"


def roster_blocks(data: CountyYear, heading: Block, today: date | None = None) -> list[Block]:
    standings = roster(data, today)
    levels = data.levels()
    word = unit_word(data)
    source = "县级设置的应报名单" if data.settings.has_roster else f"参数目录中已有报告的{word}"
    tally = "，".join(f"{label} {n} 个" for label, n in counts(standings).items()) or "无"
    if len(levels) == 1:
        deadline = data.settings.deadline_for(data.year, levels[0].id)
        intro = (f"应报 {len(data.expected)} 个{word}（{source}），本年度报告的发布截止日期为 "
                 f"{_day(deadline)}。{tally}。")
    else:
        parts = "，".join(f"{lv.name} {len(data.of_level(lv.id).expected)} 个" for lv in levels)
        dues = "；".join(f"{lv.name}为 {_day(data.settings.deadline_for(data.year, lv.id))}" for lv in levels)
        intro = f"应报 {len(data.expected)} 个单位（{source}：{parts}）。本年度报告的发布截止日期：{dues}。{tally}。"
    rows = [(word, *ROSTER_HEAD)] + [(s.unit if len(levels) == 1 else f"{s.unit}（{LEVELS[data.level_of(s.unit)].short}）",
                             LABELS[s.status], s.published.isoformat() if s.published else "—", s.detail)
                            for s in standings]
    blocks = [heading, Block("para", intro), Block("grid", rows=tuple(rows), css="kit-roster")]
    if data.unreadable:
        names = "、".join(e.unit for e in data.unreadable)
        blocks.append(Block("note", f"{names}的报告文件无法读取，未计入任何合计。"))
    return blocks


SHOWN_PASSAGES = 5  # the longest shared passages shown for a pair
PASSAGE_CHARS = 120  # a longer passage is shown by its beginning and end


def copies_blocks(data: CountyYear, heading: Block, pairs: list[Pair] | None = None) -> list[Block]:
    """Each flagged pair: how similar, how much of each text is shared, and the longest shared
    passages, once each (not both full texts: ``kit similar`` prints those)."""
    pairs = county_copies(data) if pairs is None else pairs
    limit = f"{int(data.settings.similarity * 100)}%"
    blocks = [heading]
    if not pairs:
        blocks.append(Block("para", f"各乡镇本年度报告的正文之间、与各自上年报告之间，相似度均低于 {limit}，"
                                    "未发现内容雷同。"))
        return blocks
    blocks.append(Block("para", f"以下 {len(pairs)} 对报告的正文（不含表格、标题、导语和固定用语，"
                                f"不计乡镇名称和数字）相似度达到 {limit} 以上，可能存在内容雷同，请核实。"
                                f"每对列出最长的 {SHOWN_PASSAGES} 处相同文字。"))
    for pair in pairs:
        left, right = shared_passages(pair)
        passages = [text for para in left for text, flag in para if flag]
        longest = sorted(sorted(range(len(passages)), key=lambda i: -len(passages[i]))[:SHOWN_PASSAGES])
        blocks.append(Block("heading2", f"{pair.describe()}：相似度 {pair.percent}%"))
        blocks.append(Block("note", f"{pair.first.unit} {pair.first.year} 年度报告正文中 "
                                    f"{int(shared_share(left) * 100)}% 的文字、{pair.second.unit} "
                                    f"{pair.second.year} 年度报告正文中 {int(shared_share(right) * 100)}% "
                                    f"的文字彼此相同，共 {len(passages)} 处，最长的 {len(longest)} 处如下："))
        blocks += [Block("marked", rows=((_trimmed(passages[i]), "1"),)) for i in longest]
    return blocks


def _trimmed(text: str) -> str:
    if len(text) <= PASSAGE_CHARS:
        return text
    half = PASSAGE_CHARS // 2
    return f"{text[:half]}……{text[-half:]}"
