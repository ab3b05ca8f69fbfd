"""Charts: the CJK font is found, labels have glyphs (no tofu), PNGs are embedded inline."""

import base64

import pytest
from county_helpers import COUNTY, PARAMS

from kit.county.summary import open_summary
from kit.render.charts import FAMILY, ChartError, bar_chart, cjk_font, missing_glyphs

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def test_cjk_font_is_noto_sans_sc():
    assert cjk_font() == FAMILY == "Noto Sans CJK SC"


def test_labels_have_glyphs():
    labels = "虚构县历年情况（各乡镇合计）主动公开信息（条）收到政府信息公开申请（件）2022年3个乡镇无数据甲镇乙乡丙镇"
    assert missing_glyphs(labels) == set()
    assert missing_glyphs("\U000e0001") == {"\U000e0001"}  # a tag character no font draws


def test_chart_is_png_and_refuses_undrawable_text():
    png = bar_chart("甲镇历年情况", [2021, 2022], {"主动公开信息（条）": [44, 52]})
    assert png.startswith(PNG_MAGIC)
    with pytest.raises(ChartError, match="缺少字符"):
        bar_chart("\U000e0001", [2021], {"主动公开信息（条）": [1]})


def test_summary_charts_are_inline_images_per_township():
    html = open_summary(COUNTY, 2022, PARAMS).charts().html
    images = html.count('<img class="kit-chart" src="data:image/png;base64,')
    assert images == 4  # the county, then 丙镇, 乙乡, 甲镇 (each has two or more years)
    first = html.split('base64,')[1].split('"')[0]
    assert base64.b64decode(first).startswith(PNG_MAGIC)
    assert 'alt="虚构县历年主动公开信息和收到申请数量"' in html


def test_single_year_has_no_charts():
    html = open_summary(COUNTY, 2020, PARAMS).charts().html
    assert "暂无历年比较" in html and "<img" not in html
