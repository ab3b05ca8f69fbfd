"""What every reader hands on: a published document as paragraphs and table grids, in order.

Readers (HTML, Word, PDF, text) only find the article and its pieces; deciding what each
piece means (title, headings, which official table, which row) is :mod:`kit.reading.parse`'s.
Text is normalised once here: Unicode NFKC (full-width letters and digits, the Kangxi radicals
a PDF text layer may give, ``&nbsp;``), the CJK radicals NFKC leaves alone, and runs of spaces.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from kit.base.errors import KitError

# CJK Radicals Supplement look-alikes (U+2E80–2EFF) that NFKC does not fold (measured on
# pdfminer output of Chromium's Type 3 fonts), and the ideographs they stand for.
RADICALS = str.maketrans({"⺠": "民", "⻔": "门", "⻓": "长", "⻅": "见", "⻋": "车", "⻢": "马",
                          "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食", "⻣": "骨", "⻤": "鬼",
                          "⻘": "青", "⻬": "齐", "⻮": "齿", "⻄": "西", "⻩": "黄", "⻁": "虎",
                          # Kangxi radicals whose NFKC form is the traditional character
                          "⼾": "户", "⾨": "门", "⾧": "长", "⾒": "见", "⾞": "车", "⾺": "马", "⾴": "页",
                          "⾵": "风", "⾶": "飞", "⾷": "食", "⾳": "音", "⿂": "鱼", "⿃": "鸟", "⿓": "龙",
                          "⾔": "言", "⾙": "贝", "⾦": "金", "⻨": "麦", "⿑": "齐"})
_SPACES = re.compile(r"[ \t\u3000\u00a0\u2002-\u200b\ufeff]+")
# Characters NFKC would turn into half-width look-alikes that change a label's meaning for
# readers (full-width brackets, colon, comma) stay as printed; labels compare through
# :func:`kit.reading.labels.key`, which folds both forms.
_KEEP = {ch: ch for ch in "（）：，；！？〔〕【】“”‘’、。"}


class ReadError(KitError):
    """A document cannot be read; the message is Chinese and names what to do instead."""


def clean(text: str) -> str:
    """One line of printed text, normalised: NFKC except the punctuation readers see, the
    radicals map, spaces collapsed and trimmed."""
    out = []
    for ch in text.translate(RADICALS):
        out.append(_KEEP.get(ch) or unicodedata.normalize("NFKC", ch))
    return _SPACES.sub(" ", "".join(out)).strip()


@dataclass(frozen=True)
class Cell:
    text: str  # cleaned
    spanned: bool = False  # covered by a rowspan/colspan of the cell at its origin


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Grid:
    rows: tuple[tuple[Cell, ...], ...]  # spans expanded: every row as wide as the table
    page: int | None = None  # PDF: the page it starts on


Piece = Para | Grid


@dataclass
class Document:
    """A published document's pieces and what its container said about it."""

    source: str  # the file it came from
    kind: str  # "html", "docx", "pdf", "text"
    pieces: list[Piece] = field(default_factory=list)
    title: str = ""  # from the page's metadata or the article's own title element
    published: date | None = None  # from the page's metadata, where it gives one
    notes: list[str] = field(default_factory=list)  # Chinese: what the reader had to guess

    def paragraphs(self) -> list[str]:
        return [p.text for p in self.pieces if isinstance(p, Para)]

    def grids(self) -> list[Grid]:
        return [p for p in self.pieces if isinstance(p, Grid)]


_DATE = re.compile(r"(20\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")


def find_date(text: str) -> date | None:
    """The first YYYY-MM-DD / YYYY年M月D日 date in ``text`` that exists."""
    for match in _DATE.finditer(text):
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            continue
    return None
