"""A long group label as a small PNG, written top to bottom, for printing on every page.

Table 三's 三、本年度办理结果 spans 22 rows and usually continues on a second page; print
CSS draws this image at the top of each page's part of the cell (box-decoration-break:
clone), so the continued rows are labelled too. A raster image on purpose: text extracted
from the PDF has the label once, in its place (the cell's own text), never twice.
"""

from __future__ import annotations

import base64
import io
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
FONT_INDEX = 2  # Noto Serif CJK SC in the collection
SIZE = 48  # pixels a character: 12 pt at 288 dpi, crisp in print


@lru_cache(maxsize=16)
def label_png(text: str) -> bytes | None:
    """``text`` one character a line, black on transparent; None without the CJK font."""
    try:
        font = ImageFont.truetype(str(FONT), SIZE, index=FONT_INDEX)
    except OSError:
        return None
    step = int(SIZE * 1.15)
    image = Image.new("LA", (SIZE + 8, step * len(text) + 8), (255, 0))
    draw = ImageDraw.Draw(image)
    for i, char in enumerate(text):
        draw.text((4 + SIZE // 2, 4 + i * step), char, font=font, fill=(0, 255), anchor="ma")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def label_uri(text: str) -> str | None:
    png = label_png(text)
    return None if png is None else "data:image/png;base64," + base64.b64encode(png).decode("ascii")
