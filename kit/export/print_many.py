"""Several reports in one Chromium print, split again into one PDF each.

Chromium's ``page.pdf`` costs about as much for eight reports as for two (measured on one
5-page report: 180 ms alone, 370 ms for eight together), so a batch worker prints a group of
reports at once. :func:`combine` puts their bodies one after another into one document under
their shared head, each report starting a new page and carrying a marker link, which
Chromium turns into a link annotation on that report's first page. :func:`split` cuts the
printed PDF at those pages, removes the markers, gives each part its own title, and overlays
the page numbers: Chromium's footer would count the pages of the whole print, so the
combined print has none and each report's page N gets page N of a footer sheet printed once
with the same footer template (same font, same place).

Documents that cannot share one print are left to be printed alone: heads that differ
(other than in their title), a relative link (each needs its own base URL), or a
``position: fixed`` element (the draft watermark: it would be printed once per report on
every page).
"""

from __future__ import annotations

import html as htmllib
import io
import re
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pikepdf

MARK = "https://kit.invalid/report-start/"
MAX_GROUP = 8  # reports per print: beyond eight the print's cost grows with the pages again
FOOTER_FONT_TAG = "KITPNO"  # the footer font's subset tag, unlike Chromium's AAAAAA, BAAAAA …

_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_TITLE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)
# Inside a tag (text has its "<" escaped): a link to fetch relative to the document's folder,
# or fixed positioning.
_RELATIVE = re.compile(
    r"""<[a-z][^>]*?\s(?:src|href|srcset|poster|data)\s*=\s*["']?(?![a-z][a-z0-9+.-]*:|#|["'>])"""
    r"""|<[a-z][^>]*?url\(\s*["']?(?!data:|https?:|#)""", re.IGNORECASE)
_FIXED = re.compile(r"<[a-z][^>]*?position\s*:\s*fixed", re.IGNORECASE)


def title_of(html: str) -> str:
    match = _TITLE.search(html[: _head_end(html)])
    return htmllib.unescape(match.group(1)).strip() if match else ""


def head_key(html: str) -> str:
    """The head of ``html`` without its title: documents with equal keys print alike."""
    return _TITLE.sub("", html[: _head_end(html)])


def combine(htmls: Sequence[str]) -> str | None:
    """One document printing ``htmls`` one after another, or None if they cannot share one."""
    if len(htmls) < 2:
        return None
    heads, bodies, first_head = set(), [], ""
    for html in htmls:
        match = _BODY.search(html)
        end = html.lower().rfind("</body>")
        if match is None or end < match.end():
            return None
        body = html[match.end():end]
        if _RELATIVE.search(body) or _FIXED.search(body):
            return None
        heads.add((_TITLE.sub("", html[: match.start()]), match.group(0)))
        bodies.append(body)
        first_head = first_head or html[: match.end()]  # the first document's, title and all
    if len(heads) != 1:
        return None
    parts = [f'<section class="kit-print-doc" style="break-before:page;position:relative">'
             f'<a href="{MARK}{i}" style="position:absolute;left:0;top:0;width:1px;height:1px">'
             f"</a>{body}</section>" for i, body in enumerate(bodies)]
    return first_head + "".join(parts) + "</body>\n</html>\n"


def footer_sheet_html(html: str, pages: int) -> str:
    """``pages`` empty pages under the head of ``html`` (its @page size and margins)."""
    head = html[: _head_end(html)]
    blank = '<div style="break-after:page;height:1px">&#8203;</div>'
    return f"{head}<body>{blank * pages}</body>\n</html>\n"


class FooterSheet:
    """Numbered footer pages, printed once (again, longer, when a report needs more)."""

    def __init__(self, print_pages: Callable[[int], bytes]) -> None:
        self._print = print_pages
        self._pdf: pikepdf.Pdf | None = None

    def pages(self, count: int) -> pikepdf.Pdf:
        if self._pdf is None or len(self._pdf.pages) < count:
            import pikepdf

            pdf = pikepdf.open(io.BytesIO(self._print(max(16, 2 * count))))
            _retag_fonts(pdf)
            self._pdf = pdf
        return self._pdf


def split(printed: bytes, titles: Sequence[str], footer: FooterSheet | None) -> list[bytes] | None:
    """The combined print cut into one PDF per report; None when the markers are not all found."""
    import pikepdf  # lazy: planning a batch (kit.batch.records) needs only MAX_GROUP

    src = pikepdf.open(io.BytesIO(printed))
    starts: dict[int, int] = {}
    for number, page in enumerate(src.pages):
        for annot in page.obj.get("/Annots", ()):
            mark = _mark(annot)
            if mark is not None:
                starts.setdefault(mark, number)
    bounds = [starts.get(i, -1) for i in range(len(titles))] + [len(src.pages)]
    if bounds[0] != 0 or any(b >= c for b, c in pairwise(bounds)):
        return None
    sheet = footer.pages(max(c - b for b, c in pairwise(bounds))) if footer else None
    parts = []
    for i, title in enumerate(titles):
        part = pikepdf.new()
        part.pages.extend(src.pages[bounds[i]:bounds[i + 1]])
        for number, page in enumerate(part.pages):
            _drop_markers(page)
            if sheet is not None:
                page.add_overlay(sheet.pages[number], None)
        part.docinfo = part.copy_foreign(src.docinfo)  # type: ignore[assignment]
        if title:
            part.docinfo["/Title"] = title
        buffer = io.BytesIO()
        part.remove_unreferenced_resources()
        part.save(buffer, min_version=src.pdf_version)
        parts.append(buffer.getvalue())
    return parts


def _mark(annot: Any) -> int | None:
    """The report number of a marker link annotation (None for any other annotation)."""
    uri = str(annot.get("/A", {}).get("/URI", ""))
    number = uri[len(MARK):]
    return int(number) if uri.startswith(MARK) and number.isdigit() else None


def _drop_markers(page: pikepdf.Page) -> None:
    import pikepdf

    annots = page.obj.get("/Annots")
    if annots is None:
        return
    kept = [a for a in annots if _mark(a) is None]
    if kept:
        page.obj.Annots = pikepdf.Array(kept)
    else:
        del page.obj["/Annots"]


def _retag_fonts(pdf: pikepdf.Pdf) -> None:
    """Give the footer's font subsets a tag of their own, so that no two different subsets
    in a report share a name (Chromium tags every print's fonts AAAAAA, BAAAAA, …)."""
    import pikepdf

    for page in pdf.pages:
        obj: Any = page.obj  # pikepdf's dictionaries, walked by key
        fonts = obj.get("/Resources", {}).get("/Font", {})
        for _, font in fonts.items():
            for obj in (font, *font.get("/DescendantFonts", ())):
                for holder, key in ((obj, "/BaseFont"), (obj.get("/FontDescriptor"), "/FontName")):
                    if holder is not None and key in holder:
                        name = str(holder[key])[1:]
                        base = name.split("+", 1)[1] if "+" in name[:7] else name
                        holder[key] = pikepdf.Name(f"/{FOOTER_FONT_TAG}+{base}")


def _head_end(html: str) -> int:
    match = _BODY.search(html)
    return match.start() if match else len(html)
