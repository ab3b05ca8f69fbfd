"""The 2021 format (国办公开办函〔2021〕30号), for report years 2021 on."""

from __future__ import annotations

from datetime import date

from kit.formats.common import (
    OTHER_2021,
    REPORT_NAME,
    SECTIONS,
    applications_table,
    review_litigation_table,
)
from kit.formats.proactive import Block, proactive_table
from kit.formats.spec import Column, ReportFormat, RollForward

DECISIONS = (Column("decisions", "本年处理决定数量", role="decisions"),)

#: Printed decimals of the fee in 万元: 4 keeps 元 precision (1 元 = 0.0001 万元).
FEE_DECIMALS = 4

PROACTIVE_2021 = (
    Block("第二十条第（一）项",
          (Column("issued", "本年制发件数", role="issued"), Column("repealed", "本年废止件数", role="repealed"),
           Column("in_force", "现行有效件数", role="in_force")),
          (("regulations", "规章"), ("normative_documents", "行政规范性文件"))),
    Block("第二十条第（五）项", DECISIONS, (("licensing", "行政许可"),)),
    Block("第二十条第（六）项", DECISIONS, (("punishment", "行政处罚"), ("coercion", "行政强制"))),
    Block("第二十条第（八）项",
          (Column("amount", "本年收费金额（单位：万元）", kind="decimal", decimals=FEE_DECIMALS,
                  measure="万元"),),
          (("fees", "行政事业性收费"),)),
)

#: 现行有效件数(Y) = 现行有效件数(Y−1) + 本年制发件数(Y) − 本年废止件数(Y)
ROLL_FORWARD = RollForward(("regulations", "normative_documents"), "in_force", added="issued",
                           removed="repealed")

FORMAT_2021 = ReportFormat(
    id="2021",
    name="政府信息公开工作年度报告格式（2021 年版）",
    notice="国办公开办函〔2021〕30号",
    notice_title=("国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉"
                  "的通知"),
    notice_date=date(2021, 9, 26),  # dated 2021年9月26日, published 2021-09-29 (spec §2)
    format_title="中华人民共和国政府信息公开工作年度报告格式",
    report_name=REPORT_NAME,
    first_year=2021,
    last_year=None,
    sections=SECTIONS,
    tables=(proactive_table(PROACTIVE_2021, ROLL_FORWARD), applications_table(OTHER_2021),
            review_litigation_table()),
)
