"""The printed page of every document the kit publishes: A4 with GB/T 9704 margins.

GB/T 9704《党政机关公文格式》: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm, a text block
of 156 × 225 mm holding 22 lines; the page number "— N —" in 4号 type about 7 mm below the
text block. The HTML print (CSS ``@page``), Chromium's footer, the split-table script, the Word
sections and the form's preview column all take their figures from :data:`PAGE`.
"""

from __future__ import annotations

from kit.base.record import Record, record

MM_PER_INCH = 25.4

# A table continued on the next page (PDF: kit.export.split_tables; Word: kit.render.word_tables)
CONTINUED = "（续）"  # after a repeated group label or band
CONTINUED_VERTICAL = "︵续︶"  # the vertical forms, after a label set one character a line
CONTINUED_TABLE = "续表"  # the line above the continuation


@record
class PageGeometry(Record):
    """A page and its text block, in millimetres."""

    width: float = 210.0
    height: float = 297.0
    top: float = 37.0
    bottom: float = 35.0
    left: float = 28.0
    right: float = 26.0
    lines: int = 22  # lines of body text a page holds
    footer_gap: float = 7.0  # from the text block's bottom to the top of the page number
    footer_bottom: float = 20.6  # from the paper's bottom edge to the page number's box

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def text_height(self) -> float:
        return self.height - self.top - self.bottom

    @property
    def text_width_pt(self) -> float:
        return self.text_width / MM_PER_INCH * 72

    def css_margin(self) -> str:
        """The margins as CSS writes them: top right bottom left."""
        return f"{self.top:g}mm {self.right:g}mm {self.bottom:g}mm {self.left:g}mm"

    def margins(self) -> dict[str, str]:
        """The margins as Chromium's print options take them."""
        return {"top": f"{self.top:g}mm", "right": f"{self.right:g}mm",
                "bottom": f"{self.bottom:g}mm", "left": f"{self.left:g}mm"}

    def print_css(self) -> str:
        """The ``@page`` rule and the fixed line spacing of printed body text."""
        return (f"@page {{ size: A4; margin: {self.css_margin()}; }}\n"
                f"@media print {{ :root {{ --kit-line: calc({self.text_height:g}mm / {self.lines}); }} }}")


PAGE = PageGeometry()
