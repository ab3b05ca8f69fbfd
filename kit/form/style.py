"""The drafting form's look: one style sheet and the helper that marks a widget's problems."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from kit.base.problems import Problem

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
.kit-form textarea { font-size: 14px; line-height: 1.6; font-family: inherit; }
.kit-form .widget-textarea { width: auto !important; align-self: stretch; margin-right: 0; }
.kit-form .widget-text.kit-line { width: auto; flex: 1 1 auto; }
.kit-bad textarea, .kit-bad input, .kit-bad select { background: #fdecea !important;
  box-shadow: inset 0 0 0 2px #d93025 !important; }
.kit-warn textarea, .kit-warn input { box-shadow: inset 0 0 0 2px #f29900 !important; }
.kit-form input, .kit-form textarea, .kit-form select, .kit-form button, .kit-form label,
.kit-form .lm-TabBar-tab, .kit-form .lm-TabBar-tabLabel {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif !important; }
.kit-form .widget-tab > .lm-TabBar .lm-TabBar-content { flex-wrap: wrap; }
.kit-form .jp-RenderedHTMLCommon { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
  padding-top: 0; }
.kit-form .widget-tab > .lm-TabBar .lm-TabBar-tab { flex: 0 0 auto; min-width: 5em;
  max-width: none; font-size: 13px; padding: 0 12px; }
.kit-form .widget-tab > .lm-TabBar .lm-TabBar-tab.lm-mod-current { font-weight: bold; }
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
.kit-preview { border: 1px solid #dadce0; background: #fff; padding: 8px 24px; margin-top: 6px;
  max-height: 640px; overflow: auto; }
.kit-preview .kit-doc { font-family: "Noto Serif CJK SC", serif; font-size: 15px; line-height: 1.8; }
.kit-preview .kit-title { text-align: center; font-size: 20px; }
.kit-preview .kit-h1 { font-family: "Noto Sans CJK SC", sans-serif; font-size: 15px; margin: 4px 0; }
.kit-preview .kit-h2 { font-size: 15px; margin: 2px 0; }
.kit-preview .kit-p { text-indent: 2em; margin: 0; }
.kit-preview table.kit-table { border-collapse: collapse; font-size: 12px; margin: 6px auto; }
.kit-preview .kit-table th, .kit-preview .kit-table td { border: 1px solid #000; padding: 2px 4px;
  font-weight: normal; text-align: center; }
.kit-preview .kit-table td.kit-num { text-align: right; min-width: 2.2em; }
.kit-preview .kit-table thead th { min-width: 2.6em; }
.kit-checks ul { margin: 4px 0; padding-left: 20px; }
.kit-checks h4 { margin: 4px 0; }
.kit-checks li.kit-error { color: #c5221f; }
.kit-checks li.kit-warning { color: #a05a00; }
</style>
"""


def style_widget() -> w.HTML:
    """The style sheet, as a widget placed once in the form."""
    return w.HTML(CSS, layout=w.Layout(display="none"))


def mark(widget: w.DOMWidget, problems: list[Problem]) -> None:
    """Outline a widget red (errors) or orange (warnings) and put the messages in its tooltip."""
    errors = any(p.is_error for p in problems)
    for cls, on in (("kit-bad", errors), ("kit-warn", bool(problems) and not errors)):
        if on and cls not in widget._dom_classes:
            widget.add_class(cls)
        elif not on and cls in widget._dom_classes:
            widget.remove_class(cls)
    tip = "\n".join(p.message for p in problems) or None
    if widget.tooltip != tip:
        widget.tooltip = tip


def messages_html(problems: list[Problem], where: bool = False) -> str:
    """Small coloured lines, one per problem, for under a field or a table."""
    lines = []
    for p in sorted(problems, key=lambda p: not p.is_error):
        cls = "kit-msg-error" if p.is_error else "kit-msg-warning"
        place = f"{p.where()}：" if where and p.where() else ""
        lines.append(f'<div class="{cls}">{"✖" if p.is_error else "⚠"} {p.severity.value}：'
                     f"{escape(place + p.message)}</div>")
    return "".join(lines)
