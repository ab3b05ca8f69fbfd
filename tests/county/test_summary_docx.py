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
    assert any("未计入：丙镇（没有可用的本年度报告）" in t for t in texts)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["一、报送情况", "二、各乡镇概况", "三、收到和处理政府信息公开申请情况（各乡镇合计）",
                        "四、政府信息公开行政复议、行政诉讼情况（各乡镇合计）", "五、内容雷同检查", "六、历年变化"]
    roster, overview, applications, applications_continued, cases = document.tables  # 表三: two parts
    assert [c.text for c in roster.rows[1].cells][:2] == ["丙镇", "未报"]
    assert [c.text for c in overview.rows[-1].cells][:3] == ["合计", "79", "11"]
    # the 合计 row is kept with the row above it on a page
    assert all(p.paragraph_format.keep_with_next for c in overview.rows[-2].cells for p in c.paragraphs)
    assert "1.1500" in [c.text for c in overview.rows[-1].cells]
    assert applications.cell(5, 0).text == "三、本年度办理结果"
    assert applications_continued.cell(3, 0).text.startswith("三、本年度办理结果")
    assert len(cases.rows) == 4
    assert len(document.inline_shapes) >= 2  # the county chart and each township's
    assert document.core_properties.author == COUNTY
