"""The drafting form's look: one style sheet and the helper that marks a widget's problems."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as w

from kit.base.problems import Problem
from kit.form.clerk_text import lines_html, message
from kit.formats.page import PAGE

BODY_PT = 16  # 三号: the printed body text
CSS = """
<style>
.kit-form { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
  font-size: 14px; color: #202124; max-width: 1180px; }
.kit-form .widget-html-content { white-space: normal; line-height: 1.55; }
.kit-form .widget-label { font-size: 14px; }
.kit-bar { background: #f1f4f8; border: 1px solid #d5dbe3; border-radius: 4px; padding: 6px 8px;
  margin-bottom: 6px; align-items: center; flex-wrap: wrap; }
.kit-status-dirty { color: #b06000; font-weight: bold; }
.kit-status-clean { color: #188038; font-weight: bold; }
.kit-notice { background: #fef7e0; border: 1px solid #f6d27a; border-radius: 4px; padding: 4px 10px; }
.kit-alert { background: #fce8e6; border: 1px solid #e8a29b; border-radius: 4px; padding: 6px 10px;
  align-items: center; }
.kit-alert .widget-html-content { color: #a50e0e; white-space: pre-line; }
.kit-good .widget-html-content { color: #137333; white-space: pre-line; }
.kit-page { padding: 4px 6px 12px; }
.kit-h { font-size: 17px; font-weight: bold; margin: 8px 0 2px; }
.kit-h2 { font-size: 15px; font-weight: bold; margin: 10px 0 0; }
.kit-help { color: #5f6368; font-size: 13px; }
.kit-count { color: #5f6368; font-size: 12px; }
.kit-msgs .widget-html-content { line-height: 1.45; }
.kit-msg-error { color: #c5221f; }
.kit-msg-warning { color: #a05a00; }
.kit-msg-pending { color: #3c5a85; }
.kit-pending textarea, .kit-pending input { box-shadow: inset 0 0 0 2px #8fa8cc !important;
  background: #f3f6fb !important; }
.kit-grid > .kit-callout { height: 0 !important; min-height: 0 !important; overflow: visible;
  z-index: 20; margin: 0 !important; pointer-events: none; align-self: start; }
.kit-grid > .kit-callout > .widget-html-content { position: absolute; top: 0; left: 0;
  max-width: 30em; white-space: normal; font-size: 12px; line-height: 1.4; padding: 4px 8px;
  border-radius: 3px; background: #fff; border: 1px solid #d93025;
  box-shadow: 0 2px 6px rgba(0,0,0,.25); }
.kit-checks .kit-group { margin: 4px 0 8px; }
.kit-checks li.kit-pending { color: #3c5a85; }
.kit-details { color: #5f6368; font-size: 12px; margin-top: 8px; }
.kit-details summary { cursor: pointer; }
.kit-refusal { background: #fce8e6; border: 1px solid #e8a29b; border-radius: 4px; padding: 6px 10px; }
.kit-refusal .widget-button { height: auto; min-height: 26px; white-space: nowrap; text-align: left;
  line-height: 1.35; padding: 3px 8px; }
.kit-links a { color: #1a0dab; margin-right: 1.2em; }
.kit-yoy { background: #f6f9fe; border: 1px solid #c6d6ee; border-radius: 4px; padding: 4px 10px 8px;
  margin: 6px 0; }
.kit-date-hint { color: #5f6368; font-size: 13px; margin-left: 8px; white-space: nowrap; }
.kit-form textarea { font-size: 14px; line-height: 1.6; font-family: inherit; }
.kit-form .widget-textarea { width: auto !important; align-self: stretch; margin-right: 0; }
.kit-form .widget-text.kit-line { width: auto; flex: 1 1 auto; }
.kit-bad textarea, .kit-bad input, .kit-bad select { background: #fdecea !important;
  box-shadow: inset 0 0 0 2px #d93025 !important; }
.kit-warn textarea, .kit-warn input { box-shadow: inset 0 0 0 2px #f29900 !important; }
.kit-form input, .kit-form textarea, .kit-form select, .kit-form button, .kit-form label,
.kit-form .lm-TabBar-tab, .kit-form .lm-TabBar-tabLabel {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif !important; }
.kit-form .widget-tab > .lm-TabBar { overflow-x: auto; overflow-y: hidden; }
.kit-form .widget-tab > .lm-TabBar .lm-TabBar-content { flex-wrap: nowrap; }
.kit-form .jp-RenderedHTMLCommon { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
  padding-top: 0; }
.kit-form .widget-tab > .lm-TabBar .lm-TabBar-tab { flex: 0 0 auto; min-width: 0;
  max-width: none; font-size: 13px; padding: 0 9px; }
.kit-form .widget-tab > .lm-TabBar .lm-TabBar-tab.lm-mod-current { font-weight: bold; }
.kit-grid-scroll { display: block !important; width: 100%; overflow-x: auto; }
/* A phone: every tab in view on two or three lines (none hidden off the edge), and a wide
   table at a width where each box holds a four-digit number, swiped sideways, with a cue. */
@media (max-width: 700px) {
  .kit-form .widget-tab > .lm-TabBar { overflow: visible; height: auto !important;
    min-height: 0 !important; max-height: none !important; }
  .kit-form .widget-tab > .lm-TabBar .lm-TabBar-content { flex-wrap: wrap; height: auto; }
  .kit-form .widget-tab > .lm-TabBar .lm-TabBar-tab { margin-bottom: 2px; }
  .kit-grid-wide::before { content: "表格较宽，可左右滑动填写 ⇆"; display: block; position: sticky;
    left: 0; color: #5f6368; font-size: 13px; margin: 2px 0; }
}
.kit-grid { border-top: 1px solid #5f6368; border-left: 1px solid #5f6368; margin: 6px 0;
  grid-gap: 0 !important; background: #fff; }
.kit-grid > .kit-gc { margin: 0 !important; border-right: 1px solid #5f6368;
  border-bottom: 1px solid #5f6368; box-sizing: border-box; min-width: 0; width: auto !important;
  height: auto !important; min-height: 30px; }
.kit-grid > .kit-gc > .widget-html-content { display: flex; align-items: center;
  justify-content: center; text-align: center; line-height: 1.35; padding: 3px 5px;
  font-size: 13px; }
.kit-gl { background: #f6f6f4; }
.kit-gl.kit-left > .widget-html-content { justify-content: flex-start; text-align: left; }
.kit-gl.kit-caption { background: #e8eef7; font-weight: bold; }
.kit-gi input { width: 100%; height: 100%; min-height: 30px; border: none !important;
  text-align: right; font-size: 14px; padding: 0 6px; font-variant-numeric: tabular-nums; }
.kit-gi input:focus { outline: 2px solid #1a73e8; outline-offset: -2px; }
.kit-gt { background: #e8f0fe; }
.kit-grid > .kit-gt > .widget-html-content { justify-content: flex-end; font-weight: bold;
  font-size: 14px; padding-right: 8px; }
.kit-grid > .kit-gt.kit-bad { background: #fdecea; box-shadow: inset 0 0 0 2px #d93025; }
.kit-preview { border: 1px solid #dadce0; background: #ecebe8; padding: 12px 8px; margin-top: 6px;
  max-height: 640px; overflow: auto; }
/* The preview is set like the printed page: the report's fonts and indents, and a column
   holding as many characters as the printed text block holds in 三号 (16 pt) type
   (kit.formats.page: 156 mm = 27.6 characters), so lines break where the PDF's do. */
.kit-preview .kit-doc { box-sizing: content-box; width: PREVIEW_WIDTH; margin: 0 auto; padding: 1.2em 1.6em;
  background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.2); font-family: var(--kit-font-body);
  font-size: 16px; line-height: 1.9; color: #000; }
.kit-preview .kit-doc + .kit-doc { margin-top: 0; }
.kit-preview .kit-title { font-family: var(--kit-font-title); font-weight: 700; font-size: 22px;
  line-height: 1.5; text-align: center; text-wrap: balance; margin: 0 0 1em; }
.kit-preview .kit-title-part { display: inline-block; }
.kit-preview .kit-h1, .kit-preview .kit-h2, .kit-preview .kit-h3, .kit-preview .kit-h4 {
  font-size: 16px; line-height: 1.9; text-indent: 2em; margin: 0; font-weight: normal; }
.kit-preview .kit-h1 { font-family: var(--kit-font-heading); }
.kit-preview .kit-h2 { font-family: var(--kit-font-kai); }
.kit-preview .kit-h3 { font-weight: bold; }
.kit-preview .kit-p { text-indent: 2em; text-align: justify; margin: 0; overflow-wrap: anywhere; }
.kit-preview .kit-date { text-align: right; text-indent: 0; margin: 1em 0 0; }
.kit-preview table.kit-table { border-collapse: collapse; width: 100%; font-size: 12px;
  line-height: 1.45; text-indent: 0; margin: 0.5em 0 1em; border: 1px solid #000; }
.kit-preview .kit-table caption { font-family: var(--kit-font-heading); padding-bottom: 0.4em; }
.kit-preview .kit-table th, .kit-preview .kit-table td { border: 1px solid #000; padding: 0.25em 0.2em;
  font-weight: normal; text-align: center; vertical-align: middle; }
.kit-preview .kit-table thead th { font-weight: bold; min-width: 2em; }
.kit-preview .kit-table th.kit-label { text-align: left; }
.kit-preview .kit-table td.kit-num { text-align: center; white-space: nowrap; }
.kit-preview .kit-table:has(tr > :nth-child(12)) { font-size: 10.5px; }
.kit-checks ul { margin: 4px 0; padding-left: 20px; }
.kit-checks h4 { margin: 4px 0; }
.kit-checks li.kit-error { color: #c5221f; }
.kit-checks li.kit-warning { color: #a05a00; }
</style>
""".replace("PREVIEW_WIDTH", f"{PAGE.text_width_pt / BODY_PT:.2f}em")


REPORT_CSS = (Path(__file__).resolve().parents[1] / "export" / "templates" / "kit_report" / "static"
              / "kit_report.css")


def report_fonts() -> str:
    """The published report's font variables (its ``:root`` block), for the previews."""
    text = REPORT_CSS.read_text(encoding="utf-8")
    start = text.index(":root {")
    return ".kit-preview " + text[start + len(":root "):text.index("}", start) + 1]


def style_widget() -> w.HTML:
    """The style sheet, as a widget placed once in the form."""
    css = CSS.replace("</style>", report_fonts() + "\n</style>")
    return w.HTML(css, layout=w.Layout(display="none"))


def mark(widget: w.DOMWidget, problems: list[Problem], pending: bool = False) -> None:
    """Outline a widget red (errors), orange (warnings) or blue-grey (待填写: a field not
    filled in yet, whatever is found on it) and put the messages in its tooltip."""
    errors = any(p.is_error for p in problems) and not pending
    classes = (("kit-bad", errors), ("kit-warn", bool(problems) and not errors and not pending),
               ("kit-pending", pending and bool(problems)))
    for cls, on in classes:
        if on and cls not in widget._dom_classes:
            widget.add_class(cls)
        elif not on and cls in widget._dom_classes:
            widget.remove_class(cls)
    tip = "\n".join(message(p) for p in problems) or None
    if widget.tooltip != tip:
        widget.tooltip = tip


def messages_html(problems: list[Problem], where: bool = False, pending: bool = False) -> str:
    """Small coloured lines, one per problem, for under a field or a table."""
    return lines_html(problems, pending=pending, where=where)
