"""Free faces embedded in the .docx under the office font names (kit.export.docx_fonts), and a
file that says who made it: no template date, no python-docx, no blank preview."""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from lxml import etree

from kit.export.docx_fonts import UKAI, characters_by_font, embed_fonts, face_path, obfuscate
from kit.params.loader import load_params
from kit.render.word import APPLICATION, report_docx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reports"))
from build_helpers import XIALIANG

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def plain() -> bytes:
    params, _ = load_params(XIALIANG)
    return report_docx(params)


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_characters_are_counted_by_the_font_their_style_sets(plain):
    chars = characters_by_font(_parts(plain))
    assert set("襄垣县下良镇年度政府信息公开工作报告") <= chars["方正小标宋简体"]  # the title
    assert set("总体情况") <= chars["黑体"] and "（五）监督保障情况"[3] in chars["楷体_GB2312"]
    assert len(chars["仿宋_GB2312"]) > len(chars["黑体"]) > len(chars["方正小标宋简体"])


def test_each_office_font_travels_as_a_subset_of_its_free_face(plain):
    if face_path("仿宋_GB2312") is None:
        pytest.fail("the kit's PDF fonts are not built: run ./dev.sh setup")
    parts = _parts(embed_fonts(plain))
    table = etree.fromstring(parts["word/fontTable.xml"])
    rels = etree.fromstring(parts["word/_rels/fontTable.xml.rels"])
    targets = {r.get("Id"): r.get("Target") for r in rels}
    chars = characters_by_font(parts)
    families = {}
    for entry in table.iter(f"{W}font"):
        embed = entry.find(f"{W}embedRegular")
        if embed is None:
            continue
        rid = embed.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        data = obfuscate(parts["word/" + targets[rid]], embed.get(f"{W}fontKey"))  # undone
        font = TTFont(io.BytesIO(data))
        name = entry.get(f"{W}name")
        families[name] = font["name"].getDebugName(1)
        cmap = font.getBestCmap()
        assert all(ord(c) in cmap for c in chars[name] if not c.isspace()), name
        assert len(cmap) < 1500  # a subset, not the whole font
    expected = {"方正小标宋简体": "Kit Noto Serif SC", "黑体": "Kit Noto Sans SC",
                "仿宋_GB2312": "Kit Noto Serif SC"}
    if UKAI.is_file():
        expected["楷体_GB2312"] = "AR PL UKai CN"
    assert families == expected
    assert [e.get(f"{W}name") for e in table.iter(f"{W}font")].count("仿宋_GB2312") == 1
    settings = [etree.QName(c).localname for c in etree.fromstring(parts["word/settings.xml"])]
    at = settings.index("embedTrueTypeFonts")
    assert settings[at + 1] == "saveSubsetFonts" and settings.index("zoom") < at  # the schema's order
    assert b"obfuscatedFont" in parts["[Content_Types].xml"]


def test_without_the_kits_fonts_the_file_is_left_as_it_is(plain, tmp_path):
    if UKAI.is_file():
        return  # 楷体 would still be embedded from the system's AR PL UKai
    assert embed_fonts(plain, font_dir=tmp_path) == plain


def test_the_file_names_its_maker_and_date_not_the_templates(plain):
    parts = _parts(embed_fonts(plain))
    assert not any(b"python-docx" in blob for blob in parts.values())
    assert "docProps/thumbnail.jpeg" not in parts and b"thumbnail" not in parts["_rels/.rels"]
    core = parts["docProps/core.xml"].decode("utf-8")
    assert f"<dcterms:created xsi:type=\"dcterms:W3CDTF\">{datetime.now(UTC).year}" in core
    assert "<dc:creator>襄垣县下良镇人民政府</dc:creator>" in core and "2013-12-23" not in core
    assert f"<Application>{APPLICATION}</Application>" in parts["docProps/app.xml"].decode("utf-8")
