"""TrueType copies of the report's Noto CJK fonts, so that PDFs embed real CID font subsets.

Chromium embeds CFF-outline fonts (Debian's Noto Serif/Sans CJK) as hundreds of Type 3 fonts:
big files, look-alike radicals in extracted text, no PDF/A. A TrueType-outline font in the same
PDF is embedded as one CID TrueType subset. ``./dev.sh setup`` therefore runs

    python -m kit.export.font_build            # into ~/.local/share/fonts/kit (fontconfig finds it)

which takes the Simplified Chinese face of each Noto collection, keeps the characters of
GB 2312 (6,763 汉字, all its symbols), ASCII, the general and CJK punctuation and the
full-width forms, converts the cubic CFF outlines to quadratic TrueType ones (fontTools'
cu2qu, within 1 font unit), and names the result “Kit Noto Serif SC” / “Kit Noto Sans SC”.
The look is the same font's; characters outside that set fall back to Noto itself. Each
file is rebuilt only when its source font or this module changes (a stamp beside it).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

NOTO = Path("/usr/share/fonts/opentype/noto")
# (source collection, family, style, PostScript name)
SOURCES = (
    ("NotoSerifCJK-Regular.ttc", "Kit Noto Serif SC", "Regular", "KitNotoSerifSC-Regular"),
    ("NotoSerifCJK-Bold.ttc", "Kit Noto Serif SC", "Bold", "KitNotoSerifSC-Bold"),
    ("NotoSansCJK-Regular.ttc", "Kit Noto Sans SC", "Regular", "KitNotoSansSC-Regular"),
    ("NotoSansCJK-Bold.ttc", "Kit Noto Sans SC", "Bold", "KitNotoSansSC-Bold"),
)
SERIF_FAMILY, SANS_FAMILY = SOURCES[0][1], SOURCES[2][1]


def default_dir() -> Path:
    data = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data / "fonts" / "kit"


def characters() -> str:
    found = {chr(c) for c in range(0x20, 0x7F)}
    found |= {chr(c) for c in range(0x2000, 0x2070)}  # general punctuation (— “ ” …)
    found |= {chr(c) for c in range(0x3000, 0x3040)}  # CJK symbols and punctuation (、。〔〕【】)
    found |= {chr(c) for c in range(0xFF01, 0xFF5F)}  # full-width forms (（）：，)
    found |= {chr(c) for c in range(0xFE30, 0xFE50)}  # vertical forms (︵续︶ beside a stacked label)
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                found.add(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(sorted(found))


def _sc_face(path: Path) -> TTFont:
    collection = TTCollection(str(path))
    index = next(i for i, f in enumerate(collection.fonts) if f["name"].getDebugName(1).endswith(" SC"))
    return TTFont(str(path), fontNumber=index)


def _to_truetype(font: TTFont) -> None:
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = font.getGlyphOrder()
    glyf.glyphs = {}
    for name in font.getGlyphOrder():
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    font.sfntVersion = "\0\1\0\0"
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].indexToLocFormat = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0  # no glyph names: smaller, and nothing reads them


def _rename(font: TTFont, family: str, style: str, postscript: str) -> None:
    name = font["name"]
    for record in list(name.names):
        if record.nameID in (1, 2, 3, 4, 6, 16, 17, 18, 21, 22, 25):
            name.removeNames(nameID=record.nameID)
    for ids in ((3, 1, 0x409), (1, 0, 0)):
        for number, text in ((1, family), (2, style), (3, f"{postscript};kit"), (4, f"{family} {style}"),
                             (6, postscript)):
            name.setName(text, number, *ids)


def build(source: Path, target: Path, family: str, style: str, postscript: str) -> Path:
    font = _sc_face(source)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.layout_features = ["kern", "vert", "vrt2", "locl", "liga"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters())
    subsetter.subset(font)
    _to_truetype(font)
    _rename(font, family, style, postscript)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    font.save(str(tmp))
    os.replace(tmp, target)
    return target


def _stamp(source: Path) -> str:
    digest = hashlib.sha256(Path(__file__).read_bytes())
    stat = source.stat()
    digest.update(f"{source}:{stat.st_size}:{int(stat.st_mtime)}".encode())
    return digest.hexdigest()


def ensure_fonts(folder: Path | None = None, log=print) -> list[Path]:
    """Build the missing or outdated fonts; returns every font file in place."""
    folder = folder or default_dir()
    stamps_path = folder / "stamps.json"
    try:
        stamps = json.loads(stamps_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stamps = {}
    done, changed = [], False
    for file, family, style, postscript in SOURCES:
        source = NOTO / file
        target = folder / f"{postscript}.ttf"
        if not source.is_file():
            log(f"未找到 {source}（Debian 软件包 fonts-noto-cjk），跳过 {family} {style}。")
            continue
        stamp = _stamp(source)
        if not target.is_file() or stamps.get(target.name) != stamp:
            log(f"生成 PDF 用的 TrueType 字体 {target.name}（约需 15–40 秒）…")
            build(source, target, family, style, postscript)
            stamps[target.name] = stamp
            changed = True
        done.append(target)
    if changed:
        stamps_path.write_text(json.dumps(stamps, indent=1), encoding="utf-8")
        subprocess.run(["fc-cache", "-f", str(folder)], check=False, capture_output=True)
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="生成 PDF 嵌入用的 TrueType 中文字体（CID 子集，无 Type 3）")
    parser.add_argument("--dir", type=Path, default=None, help="输出目录（默认 ~/.local/share/fonts/kit）")
    args = parser.parse_args(argv)
    fonts = ensure_fonts(args.dir)
    print(f"字体已就绪：{len(fonts)} 个，位于 {(args.dir or default_dir())}")
    return 0 if len(fonts) == len(SOURCES) else 1


if __name__ == "__main__":
    sys.exit(main())
