"""The county desk's parts of the roll-up, as blocks for every renderer: who has reported
(报送情况) and whose prose is nearly the same as another report (内容雷同)."""

from __future__ import annotations

from datetime import date

from kit.county.rollup import CountyYear
from kit.county.roster import LABELS, counts, roster
from kit.county.similar import Pair, county_copies, shared_passages, shared_share
from kit.render.blocks import Block

ROSTER_HEAD = ("乡镇", "状态", "发布日期", "说明")


def roster_blocks(data: CountyYear, heading: Block, today: date | None = None) -> list[Block]:
    standings = roster(data, today)
    deadline = data.settings.deadline_for(data.year)
    source = "县级设置的应报名单" if data.settings.townships is not None else "参数目录中已有报告的乡镇"
    tally = "，".join(f"{label} {n} 个" for label, n in counts(standings).items()) or "无"
    intro = (f"应报 {len(data.expected)} 个乡镇（{source}），本年度报告的发布截止日期为 "
             f"{deadline.year}年{deadline.month}月{deadline.day}日。{tally}。")
    rows = [ROSTER_HEAD] + [(s.unit, LABELS[s.status], s.published.isoformat() if s.published else "—", s.detail)
                            for s in standings]
    blocks = [heading, Block("para", intro), Block("grid", rows=tuple(rows), css="kit-roster")]
    if data.unreadable:
        names = "、".join(e.unit for e in data.unreadable)
        blocks.append(Block("note", f"{names}的报告文件无法读取，未计入任何合计。"))
    return blocks


def copies_blocks(data: CountyYear, heading: Block, pairs: list[Pair] | None = None) -> list[Block]:
    """Each flagged pair: how similar, and both texts with the shared passages highlighted."""
    pairs = county_copies(data) if pairs is None else pairs
    limit = f"{int(data.settings.similarity * 100)}%"
    blocks = [heading]
    if not pairs:
        blocks.append(Block("para", f"各乡镇本年度报告的正文之间、与各自上年报告之间，相似度均低于 {limit}，"
                                    "未发现内容雷同。"))
        return blocks
    blocks.append(Block("para", f"以下 {len(pairs)} 对报告的正文（不含表格、标题、导语和固定用语，"
                                f"不计乡镇名称和数字）相似度达到 {limit} 以上，可能存在内容雷同，请核实。"
                                "相同的段落以底色标出。"))
    for pair in pairs:
        left, right = shared_passages(pair)
        blocks.append(Block("heading2", f"{pair.describe()}：相似度 {pair.percent}%"))
        for doc, segments in ((pair.first, left), (pair.second, right)):
            share = int(shared_share(segments) * 100)
            blocks.append(Block("note", f"{doc.unit} {doc.year} 年度报告正文（其中 {share}% 的文字与另一份相同）："))
            blocks += [Block("marked", rows=tuple((text, "1" if flag else "") for text, flag in para))
                       for para in segments if para]
    return blocks
