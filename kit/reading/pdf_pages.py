"""A PDF page read with pdfium (pypdfium2): its characters and ruling lines, in the form
pdfplumber's table finder and text-line builder take.

pdfplumber lays pages out with pdfminer, in Python: about 0.12 s a page of a report's tables,
most of a PDF's reading time. pdfium parses the page in C; this page gives pdfplumber's own
algorithms (``TableFinder``: ruling lines → cells → tables; ``chars_to_textmap``: characters →
lines) the same objects they would get from pdfminer — each character with its box (top-down
coordinates, the font's size), each filled or stroked rectangle and each straight segment as
an edge — so a table and its cells are found as before, in a fraction of the time.
"""

from __future__ import annotations

import itertools
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber import utils
from pdfplumber.table import TableFinder

_PATH = pdfium_c.FPDF_PAGEOBJ_PATH
_DESCENT = 0.12  # of the em below the baseline, as CJK fonts' boxes sit
_TOLERANCE = 0.5  # points: a segment within this of horizontal or vertical is straight


class Page:
    """What the PDF reader asks of a page (``chars``, ``edges``, ``find_tables``,
    ``extract_text_lines``), as pdfplumber's ``Page`` answers it."""

    def __init__(self, pdf: pdfium.PdfDocument, number: int) -> None:
        self.page_number = number
        page = pdf[number - 1]
        try:
            self.width, self.height = page.get_size()
            self.bbox = (0.0, 0.0, self.width, self.height)
            self.chars = _chars(page, self.height)
            self.rects = _rects(page, self.height)
        finally:
            page.close()
        self._edges: list[dict[str, Any]] | None = None

    @property
    def edges(self) -> list[dict[str, Any]]:
        if self._edges is None:
            self._edges = [e for r in self.rects for e in _edges(r)]
        return self._edges

    def without(self, rect: dict[str, Any]) -> None:
        """Leave ``rect`` (a printed background) out of the page's ruling lines."""
        self.rects = [r for r in self.rects if r is not rect]
        self._edges = None

    def find_tables(self) -> list[Any]:
        return TableFinder(self).tables  # type: ignore[arg-type]  # duck-typed pdfplumber page

    def extract_text_lines(self, chars: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
        textmap = utils.chars_to_textmap(self.chars if chars is None else chars, layout_bbox=self.bbox,
                                         layout_width=self.width, layout_height=self.height)
        return list(textmap.extract_text_lines(strip=True, return_chars=False))


def _chars(page: pdfium.PdfPage, height: float) -> list[dict[str, Any]]:
    """Each printed character with pdfminer's box: the glyph's advance across, one em (the font
    size) high on its baseline — not the glyph's own outline, so "，" and "一" of one line share
    its top and bottom, whatever font drew them."""
    import ctypes

    text = page.get_textpage()
    chars = []
    x, y = ctypes.c_double(), ctypes.c_double()
    try:
        for index in range(text.count_chars()):
            if pdfium_c.FPDFText_IsGenerated(text.raw, index) == 1:
                continue  # a space or line break pdfium inferred, not printed
            code = pdfium_c.FPDFText_GetUnicode(text.raw, index)
            if code in (0, 10, 13, 0xFFFE, 0xFFFF):
                continue
            left, _, right, _ = text.get_charbox(index, loose=True)
            size = pdfium_c.FPDFText_GetFontSize(text.raw, index)
            pdfium_c.FPDFText_GetCharOrigin(text.raw, index, ctypes.byref(x), ctypes.byref(y))
            bottom = height - y.value + _DESCENT * size
            chars.append({"text": chr(code), "x0": left, "x1": right, "top": bottom - size, "bottom": bottom,
                          "doctop": bottom - size, "width": right - left, "height": size, "size": size,
                          "upright": True, "object_type": "char"})
    finally:
        text.close()
    return chars


def _rects(page: pdfium.PdfPage, height: float) -> list[dict[str, Any]]:
    """Every path as pdfplumber's rectangles: a path's straight segments, each as a zero-width
    or zero-height rectangle, or the whole path's box when it is a rectangle (5 segments: move,
    three lines, close: how browsers and Word draw cell borders)."""
    found = []
    for obj in page.get_objects(filter=(_PATH,), max_depth=15):
        left, bottom, right, top = obj.get_bounds()
        count = pdfium_c.FPDFPath_CountSegments(obj.raw)
        if count <= 5 and _is_box(obj.raw, count):
            found.append(_rect(left, bottom, right, top, height))
            continue
        points = _points(obj, count)
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            if abs(y0 - y1) <= _TOLERANCE or abs(x0 - x1) <= _TOLERANCE:
                found.append(_rect(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), height))
    return found


def _is_box(path: Any, count: int) -> bool:
    kinds = [pdfium_c.FPDFPathSegment_GetType(pdfium_c.FPDFPath_GetPathSegment(path, i)) for i in range(count)]
    return kinds[:1] == [pdfium_c.FPDF_SEGMENT_MOVETO] and all(k == pdfium_c.FPDF_SEGMENT_LINETO for k in kinds[1:]) \
        and count >= 4


def _points(obj: Any, count: int) -> list[tuple[float, float]]:
    """The path's points in page coordinates (its matrix applied), straight segments only."""
    import ctypes

    matrix = obj.get_matrix()
    a, b, c, d, e, f = matrix.get()
    points = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for i in range(count):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj.raw, i)
        if pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            points.append((float("nan"), float("nan")))  # a curve breaks the line
            continue
        pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        points.append((a * x.value + c * y.value + e, b * x.value + d * y.value + f))
    return points


def _rect(left: float, bottom: float, right: float, top: float, height: float) -> dict[str, Any]:
    return {"x0": left, "x1": right, "y0": bottom, "y1": top, "top": height - top, "bottom": height - bottom,
            "doctop": height - top, "width": right - left, "height": top - bottom, "object_type": "rect"}


def _edges(rect: dict[str, Any]) -> list[dict[str, Any]]:
    """A rectangle's sides as pdfplumber's edges (one edge for a line drawn as a rectangle)."""
    if rect["height"] <= _TOLERANCE:
        return [{**rect, "object_type": "line", "height": 0, "bottom": rect["top"], "orientation": "h"}]
    if rect["width"] <= _TOLERANCE:
        return [{**rect, "object_type": "line", "width": 0, "x1": rect["x0"], "orientation": "v"}]
    return utils.rect_to_edges(rect)
