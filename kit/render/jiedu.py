"""The 解读 draft: 《关于〈…年度报告〉的解读》 written from the report itself — its main figures,
the direction of the change from last year, the problems and measures it states — as blocks,
then HTML and Word. Every number in it is one the report holds (kit.render.highlights); the
clerk edits the draft before publishing it beside the report."""

from __future__ import annotations

import re
from html import escape

from kit.params.model import ReportParams
from kit.render.blocks import Block
from kit.render.highlights import Figure, Highlights, highlights
from kit.render.report_html import block_html

_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
TRENDS = {"上升": "较上年有所上升", "下降": "较上年有所下降", "持平": "与上年持平"}
PAGE_CSS = ("body{font-family:'Kit Noto Serif SC','Noto Serif CJK SC',serif;max-width:46em;margin:2em auto;"
            "padding:0 1em;line-height:1.9;color:#1d2733}h1{font-size:1.5em;text-align:center;line-height:1.5}"
            "h2{font-size:1.15em;margin-top:1.4em}p{text-indent:2em;margin:.5em 0}")


def title(params: ReportParams) -> str:
    return f"关于《{params.display_title}》的解读"


def _listed(figures: list[Figure], unit: str = "件") -> str:
    return "、".join(f"{f.label}{f.value}{unit if f.value[-1].isdigit() else ''}" for f in figures)


def jiedu_blocks(params: ReportParams, previous: ReportParams | None = None) -> list[Block]:
    """The 解读 as the clerk edited it (``params.jiedu``: a line "一、…" is a heading, every other
    line a paragraph), else the draft made from the report."""
    if params.jiedu.strip():
        lines = [line.strip() for line in params.jiedu.splitlines() if line.strip()]
        return [Block("title", title(params)),
                *(Block("heading1" if _HEADING.match(line) and len(line) <= 30 else "para", line) for line in lines)]
    return draft_blocks(params, previous)


def draft_text(params: ReportParams, previous: ReportParams | None = None) -> str:
    """The draft as the text a clerk edits (headings and paragraphs, one a line; no title)."""
    return "\n".join(b.text for b in draft_blocks(params, previous)[1:])


def draft_blocks(params: ReportParams, previous: ReportParams | None = None) -> list[Block]:
    h: Highlights = highlights(params, previous)
    blocks = [Block("title", title(params)),
              Block("para", f"近日，{h.organ}发布了《{h.title}》。为便于公众了解报告的主要内容，现解读如下。")]
    fmt = params.format
    blocks.append(Block("heading1", f"一、{fmt.section('proactive').heading}"))
    if h.proactive is not None:
        trend = f"，{TRENDS[h.proactive_trend]}" if h.proactive_trend else ""
        top = "、".join(f"{name}{count}条" for name, count in h.columns[:3])
        blocks.append(Block("para", f"{h.year}年，{h.organ}主动公开政府信息{h.proactive}条{trend}。"
                            + (f"其中，{top}。" if top else "")))
    if h.documents:
        rows = dict.fromkeys(f.row for f in h.documents)
        said = "；".join(f"{row}" + "、".join(f"{f.column.removesuffix('件数')}{f.value}件" for f in h.documents
                                              if f.row == row) for row in rows)
        blocks.append(Block("para", f"{'、'.join(rows)}方面，{said}。"))
    if h.decisions:
        blocks.append(Block("para", f"本年处理决定和收费情况：{_listed(h.decisions)}。"))
    blocks.append(Block("heading1", f"二、{fmt.section('applications').heading}"))
    trend = f"收到申请数量{TRENDS[h.received_trend]}。" if h.received_trend else ""
    blocks.append(Block("para", f"{_listed(h.requests)}。{trend}"))
    if h.shares:
        blocks.append(Block("para", "从办理结果看，" + "、".join(f"{s.label}{s.count}件" for s in h.shares) + "。"))
    blocks.append(Block("heading1", f"三、{fmt.section('review_litigation').heading}"))
    review, lawsuits = h.cases
    blocks.append(Block("para", f"本年因政府信息公开工作被申请{review.label}{review.value}件，"
                                f"被提起{lawsuits.label}{lawsuits.value}件。"))
    if h.problems or h.improvements:
        blocks.append(Block("heading1", f"四、{fmt.section('problems').heading}"))
        if h.problems:
            blocks.append(Block("para", "报告指出的主要问题：" + "".join(h.problems)))
        if h.improvements:
            blocks.append(Block("para", "下一步的改进措施：" + "".join(h.improvements)))
    blocks.append(Block("para", f"以上内容依据《{h.title}》解读，具体以报告原文为准。"))
    return blocks


def jiedu_html(params: ReportParams, previous: ReportParams | None = None) -> str:
    body = "".join(block_html(b) for b in jiedu_blocks(params, previous))
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(title(params))}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="generator" content="kit_report"><style>{PAGE_CSS}</style></head>'
            f"<body>{body}</body></html>\n")


def jiedu_docx(params: ReportParams, previous: ReportParams | None = None) -> bytes:
    from kit.render.word import blocks_docx

    return blocks_docx(jiedu_blocks(params, previous), title=title(params), author=params.unit.organ,
                       subject=f"{params.year}年{params.format.report_name}解读")
