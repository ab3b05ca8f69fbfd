"""The report as a fragment to paste into a portal's rich-text (CMS) editor.

CMS editors keep inline ``style`` attributes and drop ``<style>`` blocks, classes and
scripts, so the fragment is the report's body (the same blocks as every other output) with
the fragment CSS inlined into each element by css-inline, then sanitised by nh3 (only
document markup, table spans and inline styles survive). Tables carry their own borders.
"""

from __future__ import annotations

from pathlib import Path

import css_inline
import nh3

from kit.params.model import ReportParams
from kit.render.draft import fragment_banner_html
from kit.render.report_html import render_report

CSS = (Path(__file__).resolve().parent / "templates" / "fragment.css").read_text(encoding="utf-8")
TAGS = {"div", "p", "h1", "h2", "h3", "br", "span", "b", "table", "caption", "colgroup", "col",
        "thead", "tbody", "tr", "th", "td"}
ATTRIBUTES = {"*": {"style", "lang"}, "th": {"rowspan", "colspan", "scope"},
              "td": {"rowspan", "colspan"}, "col": {"span"}}


def fragment_html(params: ReportParams, draft: bool = False) -> str:
    """The report body with inline styles only: no ``<style>``, ``<script>`` or classes
    (``draft``: with the 草稿 banner on top)."""
    body = (fragment_banner_html() if draft else "") + render_report(params)
    page = f"<html><head><style>{CSS}</style></head><body>{body}</body></html>"
    inlined = css_inline.inline(page, keep_style_tags=False, keep_link_tags=False)
    body = inlined.split("<body>", 1)[1].rsplit("</body>", 1)[0]
    clean = nh3.clean(body, tags=TAGS, attributes=ATTRIBUTES, link_rel=None, strip_comments=True)
    return f'<div lang="zh-CN">{clean}</div>\n'
