"""Format facts live in kit/formats: the page (GB/T 9704), the deadlines by level, the column
each version uses for a Table 二 figure, Table 四's shape. Everything else reads them."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import docx
from docx.shared import Mm

from kit.export.html import ReportHTMLExporter
from kit.export.pdf import FALLBACK_MARGINS, FOOTER_PLACE
from kit.export.split_tables import SPLIT_ARGS
from kit.formats import format_for_year
from kit.formats.deadlines import (
    due_date,
)
from kit.formats.levels import CITY, COUNTY, DEPARTMENT, LEVELS, TOWNSHIP
from kit.formats.page import PAGE
from kit.params.county_file import CountySettings
from kit.params.loader import load_params
from kit.render.word import report_docx

ROOT = Path(__file__).resolve().parents[2]
KIT = ROOT / "kit"
EXAMPLE = ROOT / "params" / "襄垣县" / "下良镇" / "2021.yaml"


def test_the_page_is_gbt_9704_a4():
    assert (PAGE.text_width, PAGE.text_height, PAGE.lines) == (156, 225, 22)
    assert PAGE.css_margin() == "37mm 26mm 35mm 28mm"


def test_html_pdf_and_word_take_the_page_from_the_format():
    import nbformat

    html, _ = ReportHTMLExporter().from_notebook_node(nbformat.v4.new_notebook(), resources={})
    assert PAGE.print_css() in html
    static = (KIT / "export" / "templates" / "kit_report" / "static" / "kit_report.css").read_text(encoding="utf-8")
    assert "@page" not in static.replace("@page rule", "")
    assert PAGE.margins() == FALLBACK_MARGINS
    assert FOOTER_PLACE["left"] == "28mm" and FOOTER_PLACE["right"] == "26mm"
    assert SPLIT_ARGS[-3:-1] == [156, 225]
    section = docx.Document(io.BytesIO(report_docx(load_params(EXAMPLE)[0]))).sections[0]
    for side in ("top", "bottom", "left", "right"):
        assert abs(getattr(section, f"{side}_margin") - Mm(getattr(PAGE, side))) < Mm(0.1)


def test_no_page_figure_is_typed_outside_the_format():
    figure = re.compile(r"\b(?:37|35|28|26)\s*mm\b|\b(?:156|225)\s*\*\s*mm")
    for path in [*KIT.rglob("*.py"), *KIT.rglob("*.css"), *KIT.rglob("*.j2")]:
        if path.parent.name == "formats":
            continue
        text = path.read_text(encoding="utf-8")
        code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(("#", "/*", "*")))
        assert not figure.search(code), path


def test_deadlines_by_level():
    assert LEVELS[TOWNSHIP].deadline == LEVELS[DEPARTMENT].deadline == (1, 31)
    assert LEVELS[COUNTY].deadline == LEVELS[CITY].deadline == (3, 31)
    assert LEVELS[TOWNSHIP].due(2022) == date(2023, 1, 31)
    assert LEVELS[COUNTY].due(2022) == date(2023, 3, 31)
    assert due_date(2023, (2, 29)) == date(2024, 2, 29) and due_date(2022, (2, 29)) == date(2023, 2, 28)
    assert CountySettings("襄垣县").deadline_for(2022) == LEVELS[TOWNSHIP].due(2022)


def test_table_two_columns_by_role_in_each_version():
    for year, issued, in_force in ((2021, "issued", "in_force"), (2020, "made", "public_total")):
        row = format_for_year(year).table("proactive").row("normative_documents")
        assert row.column_for("issued").id == issued and row.column_for("in_force").id == in_force
    assert format_for_year(2020).table("proactive").row("normative_documents").column_for("repealed") is None
    assert format_for_year(2021).table("review_litigation").value_count == 15
