"""The 2019 trial format (国办公开办函〔2019〕60号), for report years 2019 and 2020."""

from __future__ import annotations

from datetime import date

from kit.formats.common import REPORT_NAME, SECTIONS, applications_table, review_litigation_table
from kit.formats.proactive import Block, proactive_table
from kit.formats.spec import Column, ReportFormat, RollForward

PREVIOUS = Column("previous_items", "上一年项目数量")
CHANGE = Column("change", "本年增/减", kind="signed")
ITEM_COLUMNS = (PREVIOUS, CHANGE, Column("decisions", "处理决定数量", role="decisions"))

PROACTIVE_2019 = (
    Block("第二十条第（一）项",
          (Column("made", "本年新制作数量", role="issued"), Column("published", "本年新公开数量"),
           Column("public_total", "对外公开总数量", role="in_force")),
          (("regulations", "规章"), ("normative_documents", "规范性文件"))),
    Block("第二十条第（五）项", ITEM_COLUMNS,
          (("licensing", "行政许可"), ("other_services", "其他对外管理服务事项"))),
    Block("第二十条第（六）项", ITEM_COLUMNS, (("punishment", "行政处罚"), ("coercion", "行政强制"))),
    Block("第二十条第（八）项", (PREVIOUS, CHANGE), (("fees", "行政事业性收费"),)),
    Block("第二十条第（九）项",
          # The header has no unit; the amount is kept and printed in 元 with 2 decimals.
          (Column("projects", "采购项目数量"),
           Column("amount", "采购总金额", kind="decimal", decimals=2, unit="元")),
          (("procurement", "政府集中采购"),)),
)

#: 上一年项目数量(Y) = 上一年项目数量(Y−1) + 本年增/减(Y−1)
ROLL_FORWARD = RollForward(("licensing", "other_services", "punishment", "coercion", "fees"),
                           PREVIOUS.id, change=CHANGE.id)

FORMAT_2019 = ReportFormat(
    id="2019",
    name="政府信息公开工作年度报告格式（试行）",
    notice="国办公开办函〔2019〕60号",
    notice_title="国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知",
    notice_date=date(2019, 11, 27),  # as published on 中国政府网 (spec §3)
    format_title="中华人民共和国政府信息公开工作年度报告格式（试行）",
    report_name=REPORT_NAME,
    first_year=2019,
    last_year=2020,
    sections=SECTIONS,
    tables=(proactive_table(PROACTIVE_2019, ROLL_FORWARD), applications_table(None),
            review_litigation_table()),
)
