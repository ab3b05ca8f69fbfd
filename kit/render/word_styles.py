"""The Word template: A4 page, GB/T 9704 margins, 公文 type sizes and fonts by role.

``kit/render/templates/report.docx`` is made by this module (``python -m kit.render.word_styles``)
and shipped with the kit; :mod:`kit.render.word` writes every report into a copy of it, using
only the styles defined here. An office restyles its reports by editing those styles in Word
or WPS (fonts, sizes, spacing) and saving the file in place of the template.

Fonts are named as government PCs have them (方正小标宋简体, 黑体, 楷体_GB2312, 仿宋_GB2312) with
the East-Asian font attribute set, so Word and WPS use them for Chinese; the font table names
the free Noto CJK (and AR PL UKai) fonts as their alternatives, for machines without them.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

from kit.formats.page import PAGE

TEMPLATE = Path(__file__).resolve().parent / "templates" / "report.docx"
LINE = Pt(round(PAGE.text_height / PAGE.lines / 25.4 * 72))  # fixed: 22 lines in the text block (29 pt)
BODY_SIZE = Pt(16)  # 3号
MARGINS = {"top": Mm(PAGE.top), "bottom": Mm(PAGE.bottom), "left": Mm(PAGE.left), "right": Mm(PAGE.right)}
TEXT_WIDTH = Mm(PAGE.text_width)  # 156 mm
FOOTER_DISTANCE = Mm(PAGE.bottom - PAGE.footer_gap)  # the page number about 7 mm below the text block


@dataclass(frozen=True)
class Role:
    style: str  # the style's name in the template (built-in names keep Word's outline)
    font: str  # as installed on government PCs
    fallback: str  # a free font of the same kind, named in the font table
    size: Pt
    bold: bool = False
    align: WD_ALIGN_PARAGRAPH | None = None
    indent: bool = False  # first line indented by two characters
    exact: bool = True  # fixed line spacing (LINE); False: single spacing (tables)


ROLES = {
    "title": Role("Title", "方正小标宋简体", "Noto Serif CJK SC", Pt(22), align=WD_ALIGN_PARAGRAPH.CENTER),
    "heading1": Role("Heading 1", "黑体", "Noto Sans CJK SC", BODY_SIZE, indent=True),
    "heading2": Role("Heading 2", "楷体_GB2312", "AR PL UKai CN", BODY_SIZE, indent=True),
    "para": Role("Normal", "仿宋_GB2312", "Noto Serif CJK SC", BODY_SIZE, indent=True),
    "signature": Role("落款", "仿宋_GB2312", "Noto Serif CJK SC", BODY_SIZE,
                      align=WD_ALIGN_PARAGRAPH.RIGHT),
    "table": Role("表格文字", "仿宋_GB2312", "Noto Serif CJK SC", Pt(10.5), exact=False),
    "table_head": Role("表格标题行", "黑体", "Noto Sans CJK SC", Pt(10.5), exact=False,
                       align=WD_ALIGN_PARAGRAPH.CENTER),
    "footer": Role("Footer", "宋体", "Noto Serif CJK SC", Pt(14), align=WD_ALIGN_PARAGRAPH.CENTER,
                   exact=False),
}


def set_fonts(element: Any, font: str) -> None:
    """The font of a style or run, for Latin and East-Asian text alike, language zh-CN."""
    rpr = (element.get_or_add_rPr() if hasattr(element, "get_or_add_rPr")  # a style or run
           else element.find(qn("w:rPr")))  # docDefaults' rPrDefault
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def _style(doc: Document, role: Role) -> None:
    names = {s.name for s in doc.styles}
    style = (doc.styles[role.style] if role.style in names
             else doc.styles.add_style(role.style, WD_STYLE_TYPE.PARAGRAPH))
    if role.style not in names:
        style.base_style = doc.styles["Normal"]
    font = style.font
    font.size, font.bold, font.italic = role.size, role.bold, False
    font.color.rgb = None
    set_fonts(style.element, role.font)
    fmt = style.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = LINE if role.style == "Title" else Pt(0)  # a blank line under the title
    fmt.alignment = role.align if role.align is not None else WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = role.size * 2 if role.indent else Pt(0)
    if role.exact:
        fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, LINE
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    border = style.element.pPr.find(qn("w:pBdr")) if style.element.pPr is not None else None
    if border is not None:  # the built-in Title underlines itself
        style.element.pPr.remove(border)
    if role.style.startswith("Heading"):
        fmt.keep_with_next = True
        color = style.element.rPr.find(qn("w:color"))
        if color is not None:
            style.element.rPr.remove(color)


def _fallbacks(doc: Document) -> None:
    """Name a free alternative for each office font in the font table (w:altName)."""
    part = next(rel.target_part for rel in doc.part.rels.values() if rel.reltype == RT.FONT_TABLE)
    root = parse_xml(part.blob)
    named = {font.get(qn("w:name")) for font in root.iter(qn("w:font"))}
    for role in ROLES.values():
        if role.font in named:
            continue
        named.add(role.font)
        font = OxmlElement("w:font")
        font.set(qn("w:name"), role.font)
        alt = OxmlElement("w:altName")
        alt.set(qn("w:val"), role.fallback)
        charset = OxmlElement("w:charset")
        charset.set(qn("w:val"), "86")  # GB2312
        family = OxmlElement("w:family")
        family.set(qn("w:val"), "swiss" if "Sans" in role.fallback else "roman")
        font.extend([alt, charset, family])
        root.append(font)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _page_number(doc: Document) -> None:
    """"— N —" centred in the footer, 4号 half-width digits."""
    footer = doc.sections[0].footer
    paragraph = footer.paragraphs[0]
    paragraph.style = doc.styles["Footer"]
    paragraph.add_run("— ")
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"),
                       ("end", None)):
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)
        elif text == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            run._r.append(instr)
        else:
            digit = OxmlElement("w:t")
            digit.text = text
            run._r.append(digit)
    paragraph.add_run(" —")


def make_template(path: Path = TEMPLATE) -> Path:
    doc = docx.Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.footer_distance = FOOTER_DISTANCE
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    set_fonts(defaults, ROLES["para"].font)  # no theme fonts, East Asian language zh-CN
    defaults.find(qn("w:rPr")).find(qn("w:lang")).set(qn("w:val"), "zh-CN")
    spacing = doc.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:spacing"))
    if spacing is not None:  # python-docx's default adds 10 pt after every paragraph
        spacing.set(qn("w:after"), "0")
    for role in ROLES.values():
        _style(doc, role)
    _fallbacks(doc)
    _page_number(doc)
    body = doc.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)
    doc.core_properties.title = "年报模板"
    doc.core_properties.author = "kit"
    doc.core_properties.comments = ""
    for rid, rel in list(doc.part.package.rels.items()):  # python-docx's blank preview image
        if rel.reltype == RT.THUMBNAIL:
            doc.part.package.rels.pop(rid)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


if __name__ == "__main__":
    print(make_template(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATE))
