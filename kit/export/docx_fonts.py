"""Free fonts inside the .docx, under the office font names, for a reader who lacks them.

The Word file names the fonts government PCs have (仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体;
:mod:`kit.render.word_styles`). Word, WPS and LibreOffice on a machine without them each pick
their own substitute, and LibreOffice ignores the font table's alternative names: every face
became one sans font there and the title lost its weight. So each of those fonts also travels
in the file, as Word embeds fonts (ECMA-376 §17.8.1: ``word/fonts/fontN.odttf``, obfuscated
with the entry's ``w:fontKey``): a subset, of only the characters set in that font in this
document, of the kit's free face of the same kind (:mod:`kit.export.font_build`):

    方正小标宋简体 → Kit Noto Serif SC Bold     黑体 → Kit Noto Sans SC
    仿宋_GB2312 → Kit Noto Serif SC            楷体_GB2312 → AR PL UKai CN (when installed)

A program that has the office font installed uses it; one that has not shows the embedded
face. Without the kit's fonts (``./dev.sh setup`` builds them) the file is left as it is.
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from collections import defaultdict
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont
from lxml import etree

from kit.export.font_build import default_dir

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
OBFUSCATED = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
UKAI = Path("/usr/share/fonts/truetype/arphic/ukai.ttc")
#: office font → the free face embedded for it (a file in the kit's font folder, or a path)
FACES = {"方正小标宋简体": "KitNotoSerifSC-Bold.ttf", "黑体": "KitNotoSansSC-Regular.ttf",
         "仿宋_GB2312": "KitNotoSerifSC-Regular.ttf", "楷体_GB2312": str(UKAI)}
# w:settings children that come before w:embedTrueTypeFonts in the schema's order
SETTINGS_BEFORE = {"writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
                   "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
                   "printFractionalCharacterWidth", "printFormsData"}


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def face_path(font: str, font_dir: Path | None = None) -> Path | None:
    name = FACES.get(font)
    if name is None:
        return None
    path = Path(name) if "/" in name else (font_dir or default_dir()) / name
    return path if path.is_file() else None


def characters_by_font(parts: dict[str, bytes]) -> dict[str, set[str]]:
    """The characters of the document set in each East-Asian font, by its styles."""
    styles = etree.fromstring(parts["word/styles.xml"])
    fonts: dict[str, str | None] = {}
    based: dict[str, str | None] = {}
    default_style = "Normal"
    for style in styles.iter(_q("style")):
        sid = style.get(_q("styleId")) or ""
        if style.get(_q("type")) == "paragraph" and style.get(_q("default")) == "1":
            default_style = sid
        rfonts = style.find(f"{_q('rPr')}/{_q('rFonts')}")
        fonts[sid] = rfonts.get(_q("eastAsia")) if rfonts is not None else None
        parent = style.find(_q("basedOn"))
        based[sid] = parent.get(_q("val")) if parent is not None else None
    base = styles.find(f"{_q('docDefaults')}/{_q('rPrDefault')}/{_q('rPr')}/{_q('rFonts')}")
    fallback = base.get(_q("eastAsia")) if base is not None else None

    def font_of(sid: str | None) -> str | None:
        seen = set()
        while sid and sid not in seen:
            seen.add(sid)
            if fonts.get(sid):
                return fonts[sid]
            sid = based.get(sid)
        return fallback

    found: dict[str, set[str]] = defaultdict(set)
    for name, blob in parts.items():
        if not re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
            continue
        for paragraph in etree.fromstring(blob).iter(_q("p")):
            pstyle = paragraph.find(f"{_q('pPr')}/{_q('pStyle')}")
            font = font_of(pstyle.get(_q("val")) if pstyle is not None else default_style)
            for run in paragraph.iter(_q("r")):
                own = run.find(f"{_q('rPr')}/{_q('rFonts')}")
                run_font = (own.get(_q("eastAsia")) if own is not None else None) or font
                text = "".join(t.text or "" for t in run.iter(_q("t")))
                if run_font and text:
                    found[run_font].update(text)
    return found


def _subset(path: Path, text: str) -> bytes:
    if path.suffix == ".ttc":
        collection = TTCollection(str(path), lazy=True)
        font = next(f for f in collection.fonts if f["name"].getDebugName(1).endswith(" CN"))
    else:
        font = TTFont(str(path), lazy=True)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.layout_features = ["vert", "vrt2", "locl", "kern"]
    options.drop_tables = [*options.drop_tables, "FFTM"]  # FontForge's stamp (UKai): not needed
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text + "0123456789")
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def obfuscate(data: bytes, key: str) -> bytes:
    """ECMA-376's font obfuscation: the first 32 bytes XORed with the key's GUID bytes, last
    byte first (the same operation undoes it)."""
    guid = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(b ^ guid[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


def embed_fonts(docx: bytes, font_dir: Path | None = None) -> bytes:
    """The .docx with a subset of a free face embedded for each office font it uses."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    chars = characters_by_font(parts)
    faces = {font: path for font in sorted(chars) if (path := face_path(font, font_dir))}
    if not faces or "word/fontTable.xml" not in parts:
        return docx
    table = etree.fromstring(parts["word/fontTable.xml"])
    rels = etree.Element("Relationships", nsmap={None: "http://schemas.openxmlformats.org/package/2006/relationships"})
    for n, (font, path) in enumerate(faces.items(), 1):
        key = "{" + str(uuid.uuid4()).upper() + "}"
        parts[f"word/fonts/font{n}.odttf"] = obfuscate(_subset(path, "".join(sorted(chars[font]))), key)
        etree.SubElement(rels, "Relationship", Id=f"rIdKitFont{n}", Type=FONT_REL, Target=f"fonts/font{n}.odttf")
        entry = _entry(table, font)
        embed = etree.SubElement(entry, _q("embedRegular"))
        embed.set(f"{{{R}}}id", f"rIdKitFont{n}")
        embed.set(_q("fontKey"), key)
        embed.set(_q("subsetted"), "1")
    parts["word/fontTable.xml"] = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)
    parts["word/_rels/fontTable.xml.rels"] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8",
                                                            standalone=True)
    parts["[Content_Types].xml"] = _content_types(parts["[Content_Types].xml"])
    parts["word/settings.xml"] = _settings(parts["word/settings.xml"])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in parts.items():
            archive.writestr(name, blob)
    return out.getvalue()


def _entry(table: etree._Element, font: str) -> etree._Element:
    """The font table's entry for ``font`` (the first; others of the name are dropped)."""
    entries = [e for e in table.iter(_q("font")) if e.get(_q("name")) == font]
    for extra in entries[1:]:
        table.remove(extra)
    if entries:
        return entries[0]
    entry = etree.SubElement(table, _q("font"))
    entry.set(_q("name"), font)
    return entry


def _content_types(blob: bytes) -> bytes:
    types = etree.fromstring(blob)
    ns = types.nsmap[None]
    if not any(d.get("Extension") == "odttf" for d in types.iter(f"{{{ns}}}Default")):
        etree.SubElement(types, f"{{{ns}}}Default", Extension="odttf", ContentType=OBFUSCATED)
    return etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)


def _settings(blob: bytes) -> bytes:
    settings = etree.fromstring(blob)
    for tag in ("embedTrueTypeFonts", "saveSubsetFonts"):
        for old in settings.findall(_q(tag)):
            settings.remove(old)
    at = next((i for i, child in enumerate(settings)
               if etree.QName(child).localname not in SETTINGS_BEFORE), len(settings))
    settings.insert(at, etree.Element(_q("saveSubsetFonts")))
    settings.insert(at, etree.Element(_q("embedTrueTypeFonts")))
    return etree.tostring(settings, xml_declaration=True, encoding="UTF-8", standalone=True)
