"""The report's companions on the portal, made with the report by the one publishing path: the
解读 draft (jiedu.html, jiedu.docx) and the 图解 (tujie.png, .svg, .pdf and its text alternative
tujie.html), all from the report's figures (kit.render.highlights) and last year's report, where
there is one, for the direction of each change."""

from __future__ import annotations

from functools import cache

from kit.export.document import Maker, PdfSource
from kit.export.publish import Publisher
from kit.params.model import ReportParams
from kit.params.outputs import OUTPUT_NAMES


def companions(params: ReportParams, previous: ReportParams | None, publisher: Publisher | None,
               ) -> dict[str, Maker]:
    """The makers of the companion formats (--to jiedu, tujie)."""
    from kit.export.docx_fonts import embed_fonts
    from kit.render.highlights import highlights
    from kit.render.jiedu import jiedu_docx, jiedu_html
    from kit.render.tujie import tujie_svg, tujie_text_html

    figures = highlights(params, previous)
    svg = tujie_svg(figures, params.format)

    @cache
    def printed() -> tuple[bytes, bytes]:  # the PNG and the PDF, printed once for both
        own = publisher or Publisher()
        try:
            return own.graphic(svg)
        finally:
            if publisher is None:
                own.close()

    def picture(_: PdfSource) -> bytes:
        return printed()[0]

    def picture_pdf(_: PdfSource) -> bytes:
        return printed()[1]

    return {"jiedu": lambda _: jiedu_html(params, previous),
            "jiedu-docx": lambda _: embed_fonts(jiedu_docx(params, previous)),
            "tujie": picture, "tujie-svg": lambda _: svg, "tujie-pdf": picture_pdf,
            "tujie-text": lambda _: tujie_text_html(figures, OUTPUT_NAMES["tujie"])}
