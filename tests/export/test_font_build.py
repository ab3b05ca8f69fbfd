"""The font builder: a CFF face becomes a renamed TrueType (glyf) font, subset to the given text."""

from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont

from kit.export import font_build


@pytest.mark.slow
def test_serif_face_converted_and_renamed(tmp_path, monkeypatch):
    monkeypatch.setattr(font_build, "characters", lambda: "政府信息公开年度报告（）。0123ABC")
    source = font_build.NOTO / "NotoSerifCJK-Regular.ttc"
    if not source.is_file():
        pytest.skip("fonts-noto-cjk is not installed")
    target = font_build.build(source, tmp_path / "t.ttf", "Kit Test Serif", "Regular", "KitTestSerif-Regular")
    font = TTFont(target)
    assert "glyf" in font and "CFF " not in font and font.sfntVersion == "\0\1\0\0"
    assert font["name"].getDebugName(1) == "Kit Test Serif" and font["name"].getDebugName(6) == "KitTestSerif-Regular"
    cmap = font.getBestCmap()
    assert all(ord(ch) in cmap for ch in "政府信息公开（）。")
    assert ord("龘") not in cmap
    glyph = font["glyf"][cmap[ord("政")]]
    assert glyph.numberOfContours > 0  # real outlines, not empty glyphs


def test_character_set_covers_gb2312_and_punctuation():
    chars = font_build.characters()
    assert len([c for c in chars if "\u4e00" <= c <= "\u9fff"]) == 6763
    assert all(c in chars for c in "（）：，、。〔〕【】“”—0A")
