"""ReportHTMLExporter: kit template, Chinese page, outputs only, self-contained."""

from __future__ import annotations

import re
from importlib.metadata import PackageNotFoundError, distribution

import lxml.html
import pytest
from export_samples import (
    INPUT_MARKER,
    REVIEW_MARKER,
    STDERR_MARKER,
    TITLE,
    display_cell,
    report_notebook,
)
from nbformat.v4 import new_notebook, new_output

from kit.export.html import ReportHTMLExporter
from kit.export.pdf import ReportPDFExporter

# src=/href=/action=/poster= attributes, @import and url(): whatever a browser would fetch.
RESOURCE_REFS = re.compile(
    r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?|@import\s+["']?|url\(\s*["']?)"""
    r"""([^"'\s)>]+)""",
    re.IGNORECASE,
)


def test_kit_template_extends_lab(report_html: str) -> None:
    generator = lxml.html.fromstring(report_html).xpath('//meta[@name="generator"]/@content')
    assert generator == ["kit_report"]
    assert "kit_report: look of a township" in report_html  # the kit's CSS file
    assert 'class="jp-Cell' in report_html  # cell markup still comes from lab's blocks
    assert TITLE in report_html


def test_html_lang_is_simplified_chinese(report_html: str) -> None:
    assert re.search(r'<html lang="zh-CN">', report_html)


def test_inputs_and_prompts_are_absent(report_html: str) -> None:
    assert INPUT_MARKER not in report_html
    assert 'class="jp-Cell-inputWrapper' not in report_html
    assert "In&nbsp;[" not in report_html and "Out[" not in report_html


def test_review_only_cells_are_removed(report_html: str, exporter: ReportHTMLExporter) -> None:
    assert REVIEW_MARKER not in report_html
    untagged = new_notebook(cells=[display_cell(f"<p>{REVIEW_MARKER}</p>")])
    assert REVIEW_MARKER in exporter.from_notebook_node(untagged)[0]  # only the tag removes it


def test_stderr_streams_are_not_published(report_html: str) -> None:
    assert STDERR_MARKER not in report_html


def test_no_reference_to_another_host(report_html: str) -> None:
    refs = RESOURCE_REFS.findall(report_html)
    remote = [r for r in refs if re.match(r"(?:[a-z][a-z0-9+.-]*:)?//", r, re.IGNORECASE)]
    assert remote == []
    assert not re.search(r"https?://|//cdn", report_html, re.IGNORECASE)
    assert "<script" not in report_html  # no require.js, MathJax, mermaid, widget state
    assert "Content-Security-Policy" in report_html


@pytest.mark.filterwarnings("ignore:Your element with mimetype")
def test_scripts_and_widgets_from_outputs_are_dropped(exporter: ReportHTMLExporter) -> None:
    cell = display_cell('<p class="kit-p">正文</p>')
    cell.outputs.append(
        new_output(
            "display_data",
            data={"application/javascript": "fetch('https://cdn.example.com/x.js')"},
        )
    )
    widget = {"model_id": "abc", "version_major": 2, "version_minor": 0}
    cell.outputs.append(
        new_output(
            "display_data",
            data={"application/vnd.jupyter.widget-view+json": widget, "text/plain": "HBox()"},
        )
    )
    html, _ = exporter.from_notebook_node(new_notebook(cells=[cell]))
    assert "<script" not in html
    assert "cdn.example.com" not in html
    assert "正文" in html


def test_print_css_rules(report_html: str) -> None:
    css = re.sub(r"\s+", " ", report_html)
    assert "@page { size: A4; margin: 37mm 26mm 35mm 28mm; }" in css
    assert "thead { display: table-header-group; }" in css
    assert "tr { break-inside: avoid; }" in css
    assert "table-layout: auto;" in css
    assert "border: 1px solid #000;" in css
    assert (
        '--kit-font-body: "Kit Noto Serif SC", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "宋体", serif'
        in css
    )
    # lab's print rules that break long tables are not there (lab's CSS is not included).
    assert "avoid-page; }" not in css.replace("break-after: avoid-page;", "")
    # fixed layout only where the renderer gave explicit column widths (Table 三's colgroup)
    assert css.count("table-layout: fixed") == 1
    assert ".kit-table:has(> colgroup) { table-layout: fixed; }" in css


def test_font_family_override(exporter: ReportHTMLExporter) -> None:
    nb = report_notebook(rows=2)
    html, _ = ReportHTMLExporter(font_family="仿宋").from_notebook_node(nb)
    override = re.search(r'<style[^>]*id="kit-font-override"[^>]*>([^<]*)</style>', html)
    assert override and ':root { --kit-font-body: "仿宋_GB2312"' in override[1]
    assert "kit-font-override" not in exporter.from_notebook_node(nb)[0]
    with pytest.raises(ValueError, match="字体设置无效"):
        ReportHTMLExporter(font_family="x; } body { color: red").from_notebook_node(nb)


def test_exporters_show_in_jupyterlab_menu() -> None:
    assert ReportHTMLExporter.export_from_notebook == "政府信息公开年报 HTML"
    assert ReportPDFExporter.export_from_notebook == "政府信息公开年报 PDF"
    pdf = ReportPDFExporter()
    assert (pdf.file_extension, pdf.output_mimetype) == (".pdf", "application/pdf")


def test_entry_points_resolve_when_installed() -> None:
    try:
        distribution("township-report-kit")
    except PackageNotFoundError:
        pytest.skip("package not installed (pip install -e .)")
    from nbconvert.exporters.base import get_exporter

    assert get_exporter("kit_html") is ReportHTMLExporter
    assert get_exporter("kit_pdf") is ReportPDFExporter


def test_reviewers_copy_keeps_review_only_cells() -> None:
    html, _ = ReportHTMLExporter(keep_review_only=True).from_notebook_node(report_notebook(2))
    assert REVIEW_MARKER in html and 'class="kit-checks"' in html
