"""HTML export of a report notebook with the kit's own nbconvert template (``kit_report``).

``jupyter nbconvert --to kit_html report.ipynb`` uses this exporter through the entry point
``nbconvert.exporters: kit_html``. In Python, reuse one exporter object for many notebooks:
the first export costs about 0.6 s, later ones about 0.06 s.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from nbconvert.exporters import HTMLExporter, TemplateExporter
from nbconvert.filters import DataTypeFilter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from traitlets import Bool, Unicode, default
from traitlets.config import Config

from kit.export.fonts import font_override_css
from kit.formats.page import PAGE

_IMAGE = re.compile(r"<img\b|!\[", re.IGNORECASE)
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "kit_report"
REVIEW_ONLY_TAG = "review-only"
LANGUAGE = "zh-CN"
DISPLAY_PRIORITY = [
    "application/vnd.jupyter.widget-view+json",  # rendered as nothing by the template
    "text/html",
    "text/markdown",
    "image/svg+xml",
    "image/png",
    "image/jpeg",
    "text/latex",
    "text/plain",
]


class RemoveReviewOnlyCells(Preprocessor):
    """Drop cells tagged ``review-only`` (reviewers' boxes) from published exports."""

    tag = Unicode(REVIEW_ONLY_TAG, help="Cells carrying this tag are removed.").tag(config=True)

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        if getattr(self.parent, "keep_review_only", False):
            return nb, resources
        nb.cells = [c for c in nb.cells if self.tag not in c.get("metadata", {}).get("tags", [])]
        return nb, resources


class ReportHTMLExporter(HTMLExporter):
    """Self-contained, print-ready HTML: outputs only, Chinese fonts, official tables.

    No input cells and no prompts; ``review-only`` cells removed; ``<html lang="zh-CN">``;
    no script or stylesheet from any other host. ``font_family`` (a preset such as "仿宋" or a
    CSS family list) overrides the body font.
    """

    export_from_notebook = "政府信息公开年报 HTML"

    font_family = Unicode(
        "", help='Body font: a preset ("宋体", "仿宋", "黑体", "楷体") or a CSS family list.'
    ).tag(config=True)

    keep_review_only = Bool(
        False, help="Keep review-only cells (a reviewers' copy, never the published report)."
    ).tag(config=True)

    @default("template_name")
    def _template_name_default(self) -> str:
        return TEMPLATE_NAME

    @default("extra_template_basedirs")
    def _default_extra_template_basedirs(self) -> list[str]:
        return [str(TEMPLATES_DIR)]

    @default("exclude_input")
    def _default_exclude_input(self) -> bool:
        return True

    @default("exclude_input_prompt")
    def _default_exclude_input_prompt(self) -> bool:
        return True

    @default("exclude_output_prompt")
    def _default_exclude_output_prompt(self) -> bool:
        return True

    @default("exclude_anchor_links")
    def _default_exclude_anchor_links(self) -> bool:
        return True

    @default("optimistic_validation")
    def _default_optimistic_validation(self) -> bool:
        return True  # validate once after all preprocessors, not after each of the thirteen

    @property
    def default_config(self) -> Config:
        c = super().default_config.copy()
        # No JavaScript outputs in a published report; the pygments CSS only styles code input.
        c.merge(
            Config(
                {
                    "NbConvertBase": {"display_data_priority": DISPLAY_PRIORITY},
                    "CSSHTMLHeaderPreprocessor": {"enabled": False},
                }
            )
        )
        return c

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        # Registered here, not in conf.json, so user config of TagRemovePreprocessor
        # cannot switch it off by accident.
        self.register_preprocessor(RemoveReviewOnlyCells(parent=self), enabled=True)

    def _create_environment(self) -> Environment:
        """nbconvert's Jinja environment, with compiled templates cached on disk (Jinja's
        per-user cache in the temp folder, keyed by each template's source): a new process's
        first export then takes about 50 ms instead of about 120 ms."""
        env = super()._create_environment()
        env.bytecode_cache = FileSystemBytecodeCache()
        return env

    def default_filters(self) -> Iterator[tuple[str, Any]]:
        """HTMLExporter's filters, and the two it would otherwise register at every export:
        code highlighting (reports print no code input) and the output type by priority."""
        yield from super().default_filters()
        yield ("highlight_code", Highlight2HTML)
        yield ("filter_data_type", DataTypeFilter)

    def from_notebook_node(  # type: ignore[override]
        self, nb: NotebookNode, resources: dict[str, Any] | None = None, **kw: Any
    ) -> tuple[str, dict[str, Any]]:
        """HTMLExporter's export for a notebook with images; for one without, the template
        export alone (:meth:`TemplateExporter.from_notebook_node`, same template, filters and
        resources). HTMLExporter adds a BeautifulSoup pass that gives images without alt text
        a placeholder and makes code inputs and outputs keyboard stops (tabindex), for
        notebooks read as notebooks; a report has no code inputs, its sections are not
        widgets to tab through, and the pass costs about 40 ms a report, a third of a batch
        worker's own time."""
        if has_images(nb):
            return super().from_notebook_node(nb, resources, **kw)
        return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

    def _init_resources(self, resources: dict[str, Any] | None) -> dict[str, Any]:
        resources = super()._init_resources(resources)
        # The language_code trait only accepts ISO 639-1 ("zh"); browsers need "zh-CN" to pick
        # Simplified Chinese glyph forms, so set the template variable directly.
        resources["language_code"] = LANGUAGE
        # Nothing in the kit template may point at a CDN, even if a block is re-enabled.
        for key in (
            "require_js_url",
            "mathjax_url",
            "mermaid_js_url",
            "mermaid_layout_elk_js_url",
            "jquery_url",
            "jupyter_widgets_base_url",
            "widget_renderer_url",
        ):
            resources[key] = ""
        resources["kit_font_css"] = font_override_css(self.font_family)
        resources["kit_page_css"] = PAGE.print_css()
        return resources


def has_images(nb: NotebookNode) -> bool:
    """Whether any cell shows an image (an image output, ``<img>`` or a Markdown image)."""
    for cell in nb.cells:
        if cell.get("attachments") or (cell.cell_type == "markdown" and _IMAGE.search(cell.source)):
            return True
        for output in cell.get("outputs", ()):
            data = output.get("data", {})
            if any(k.startswith("image/") for k in data) or _IMAGE.search(str(data.get("text/html", ""))):
                return True
    return False
