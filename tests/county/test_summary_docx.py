"""The county roll-up as Word: the same parts as the summary notebook, readable back."""

from __future__ import annotations

import io

import docx
from county_helpers import COUNTY, PARAMS

from kit.county.rollup import load_county
from kit.county.run import summary_docx


def test_summary_docx_has_overview_tables_and_charts():
    data = load_county(PARAMS, COUNTY, 2022)
    document = docx.Document(io.BytesIO(summary_docx(data)))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[0] == f"{COUNTY}2022年度乡镇政府信息公开工作年度报告汇总"
    assert any("缺少 2022 年度参数文件的乡镇（1 个）：丙镇" in t for t in texts)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["一、各乡镇概况", "二、收到和处理政府信息公开申请情况（各乡镇合计）",
                        "三、政府信息公开行政复议、行政诉讼情况（各乡镇合计）", "四、历年变化"]
    overview, applications, cases = document.tables
    assert [c.text for c in overview.rows[-1].cells][:3] == ["合计", "79", "11"]
    assert "1.1500" in [c.text for c in overview.rows[-1].cells]
    assert applications.cell(5, 0).text == "三、本年度办理结果"
    assert len(cases.rows) == 4
    assert len(document.inline_shapes) >= 2  # the county chart and each township's
    assert document.core_properties.author == COUNTY
