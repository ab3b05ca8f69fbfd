"""A report as a sequence of blocks: what every renderer (HTML, Word, portal fragment) prints.

Building decides the content and its order once: the title (and where it may break), the
preamble and contact, each section's heading, paragraphs, subsections with their accepted
同比 sentences, the built table, and the signature after the last section. Renderers only
decide how each kind of block looks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from kit.params.model import ReportParams
from kit.params.newyear import default_preamble
from kit.render.tables import BuiltTable, build_table

Kind = Literal["title", "heading1", "heading2", "para", "table", "signature", "grid", "image",
               "note", "notice", "marked"]


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str = ""
    parts: tuple[str, ...] = ()  # title: the pieces it may break between; signature: its lines
    gap: str = ""  # title: what joins the parts ("" or " ")
    table: BuiltTable | None = None
    rows: tuple[tuple[str, ...], ...] = ()  # grid: a header row, then rows led by their label;
    # marked: a paragraph's (text, "1" when highlighted else "") pieces
    data: bytes = b""  # image: PNG bytes (``text`` is its description)
    css: str = ""  # grid: an extra class for the HTML table; notice: "alert" when it warns


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def preamble_text(params: ReportParams) -> str:
    if params.preamble.strip():
        return params.preamble
    return default_preamble(params.unit, params.year, params.format)


def title_block(params: ReportParams) -> Block:
    """The title, breakable between its parts rather than mid-word: a generated title breaks
    before 政府信息公开工作年度报告; an override keeps its own spacing (faithful to the
    published text) and breaks only at its spaces."""
    title = params.display_title
    words, gap = title.split(), " "
    tail = params.format.report_name
    if len(words) == 1 and title.endswith(tail) and title != tail:
        words, gap = [title[: -len(tail)], tail], ""
    return Block("title", title, tuple(words) if len(words) > 1 else (), gap)


def title_blocks(params: ReportParams) -> list[Block]:
    blocks = [title_block(params), *(Block("para", t) for t in lines(preamble_text(params)))]
    if params.contact:
        blocks += [Block("para", t) for t in lines(params.contact)]
    return blocks


def section_blocks(params: ReportParams, section_id: str) -> list[Block]:
    section = params.format.section(section_id)
    body = params.section(section_id)
    blocks = [Block("heading1", section.full_heading), *(Block("para", t) for t in lines(body.text))]
    for sub in section.subsections:
        blocks.append(Block("heading2", params.subsection_heading(section_id, sub.id)))
        blocks += [Block("para", t) for t in lines(params.subsection(section_id, sub.id).text)]
        if params.yoy.get(sub.id) and section_id == "general":
            blocks += [Block("para", t) for t in lines(params.yoy[sub.id])]
    if section.table:
        blocks.append(Block("table", table=build_table(params, section.table)))
    if section_id == params.format.sections[-1].id and params.published:
        day = params.published
        blocks.append(Block("signature", parts=(params.unit.organ,
                                                f"{day.year}年{day.month}月{day.day}日")))
    return blocks


def report_blocks(params: ReportParams) -> list[Block]:
    """The whole report: title, preamble, six sections."""
    return [*title_blocks(params),
            *(b for s in params.format.sections for b in section_blocks(params, s.id))]
