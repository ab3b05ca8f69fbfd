"""PDF with a text layer → :class:`Document` (pdfium reads the pages: :mod:`kit.reading.pdf_pages`;
pdfplumber's algorithms find the tables and lines).

Tables are found from their ruling lines (cells merged across rows or columns come back as
empty covered positions); the text outside them is rebuilt into paragraphs from its lines: a
line that starts indented, follows a short line, or looks like a heading starts a new
paragraph. Page numbers (“— 1 —”) and the repeated 续表 line are dropped. A scan (pages
without text) cannot be read: the message says so.
"""

from __future__ import annotations

import re
from typing import Any

import pypdfium2 as pdfium

from kit.reading.document import Cell, Document, Grid, Para, ReadError, clean
from kit.reading.pdf_pages import Page

_PAGE_NUMBER = re.compile(r"^[—\-–－\s]*\d+[—\-–－\s]*$")
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])")
MAX_PAGES = 200


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _backdrop(obj: dict, page: Any) -> bool:
    """A filled rectangle behind most of the page (a printed background): not a table's edge."""
    return (obj.get("object_type") == "rect" and obj["width"] > 0.6 * page.width
            and obj["height"] > 0.4 * page.height)


def _grid(rows: list[list[str | None]], page: int) -> Grid:
    width = max((len(r) for r in rows), default=0)
    return Grid(tuple(tuple(Cell(clean((c or "").replace("\n", "")).replace(" ", "") if c is not None else "",
                                 spanned=c is None)
                            for c in r + [None] * (width - len(r))) for r in rows), page=page)


class Lines:
    """A block's text rebuilt into paragraphs, and whether its first paragraph opens (an
    indented or heading line) and its last one ends (a short line, or 。/：) within it."""

    def __init__(self, lines: list[dict], left: float, right: float, size: float) -> None:
        self.paragraphs: list[str] = []
        self.opens = True
        self.ends = True
        current = ""
        previous_short = True
        for line in lines:
            text = clean(line["text"])
            if not text or _PAGE_NUMBER.match(text):
                continue
            indented = line["x0"] > left + 1.5 * size
            marked = indented or bool(_HEADING.match(text))
            if not self.paragraphs and not current:
                self.opens = marked
            if (previous_short or marked) and current:
                self.paragraphs.append(current)
                current = ""
            current += text
            previous_short = line["x1"] < right - 1.5 * size or text.endswith(("。", "：", ":"))
        if current:
            self.paragraphs.append(current)
        self.ends = previous_short


def read_pdf(raw: bytes, source: str) -> Document:
    try:
        pdf = pdfium.PdfDocument(raw)
        pages = len(pdf)
    except Exception as exc:  # a damaged, truncated or encrypted file
        raise ReadError(_damaged(source, exc)) from None
    try:
        return _read(pdf, pages, source)
    except ReadError:
        raise
    except Exception as exc:  # a page that cannot be laid out: the file, not the kit
        raise ReadError(_damaged(source, exc)) from None
    finally:
        pdf.close()


def _damaged(source: str, exc: Exception) -> str:
    text = f"{type(exc).__name__} {exc!r}".lower()  # pdfium: "Incorrect password error"
    if "password" in text or "encrypt" in text:
        return f"{source}：PDF 文件已加密，无法读取。请向发布单位索取未加密的文件，或改用网页版。"
    return f"{source}：PDF 文件已损坏或不完整，无法读取。请重新下载该文件（或改用网页版）。"


def _read(pdf: Any, pages: int, source: str) -> Document:
    document = Document(source, "pdf")
    if pages > MAX_PAGES:
        raise ReadError(f"{source}：PDF 有 {pages} 页，不像是一篇年报。请确认没有选错文件。")
    going_on = False  # the last paragraph so far reached the foot of its page
    printed = False  # any page with a text layer
    for number in range(1, pages + 1):
        page = Page(pdf, number)
        printed = printed or bool(page.chars)
        for rect in [r for r in page.rects if _backdrop(r, page)]:
            page.without(rect)
        tables = page.find_tables()
        boxes = [t.bbox for t in tables]
        lines = [ln for ln in page.extract_text_lines() if not _inside(ln, boxes)]
        sizes = sorted(c["size"] for c in page.chars) or [12.0]
        size = sizes[len(sizes) // 2]
        left = min((ln["x0"] for ln in lines), default=0.0)
        right = max((ln["x1"] for ln in lines), default=page.width)
        items: list[tuple[float, Para | Grid]] = []
        blocks: list[list[dict]] = [[]]
        cursor = 0
        ordered = sorted(tables, key=lambda t: t.bbox[1])
        for line in lines:  # text lines between the tables, in page order
            while cursor < len(ordered) and line["top"] > ordered[cursor].bbox[1]:
                blocks.append([])
                cursor += 1
            blocks[-1].append(line)
        rebuilt = [Lines(block, left, right, size) for block in blocks]
        for block, text in zip(blocks, rebuilt, strict=True):
            items += [(block[0]["top"], Para(t)) for t in text.paragraphs if t != "续表"]
        for table in ordered:
            items.append((table.bbox[1], _grid(table.extract(), number)))
        pieces = [piece for _, piece in sorted(items, key=lambda pair: pair[0])]
        # a paragraph broken by the page ("专题工 / 作会议") is one: the last one went on to
        # the page's foot and this page starts without opening one (no indent, no heading)
        first, last = (pieces[0] if pieces else None), (document.pieces[-1] if document.pieces else None)
        if going_on and isinstance(first, Para) and isinstance(last, Para) and not rebuilt[0].opens:
            document.pieces[-1] = Para(last.text + first.text)
            pieces.pop(0)
        document.pieces += pieces
        texts = [r for r in rebuilt if r.paragraphs]
        going_on = bool(pieces) and isinstance(pieces[-1], Para) and bool(texts) and not texts[-1].ends
    if not printed:
        raise ReadError(f"{source}：这份 PDF 没有文字层（是扫描件或图片），无法读取表格和正文。"
                        "请找到该报告的网页版、Word 版或带文字的 PDF 再检查。")
    return document
