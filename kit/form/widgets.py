"""Field widgets of the drafting form and the pages built from the format model.

Each editor wraps one widget bound to one :class:`~kit.form.state.FormState` key: typing
calls ``on_edit(key, text)``; :meth:`refresh` shows that key's problems next to it;
:meth:`set_value` shows the state's text again (after a reload).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

import ipywidgets as w

from kit.base.problems import Problem
from kit.form.fields import BASIC, BREAKDOWN_ITEMS, BREAKDOWN_TOTAL, UNIT_KEYS
from kit.form.jiedu_editor import PLACEHOLDER, jiedu_part
from kit.form.state import FormState
from kit.form.style import mark, messages_html
from kit.form.tables import TableGrid
from kit.formats.spec import Section, cn_number
from kit.params import schema
from kit.params.model import UNIT_KINDS

OnEdit = Callable[[str, str], None]
ByKey = dict[str | None, list[Problem]]


def html(text: str, cls: str) -> w.HTML:
    widget = w.HTML(text)
    widget.add_class(cls)
    return widget


def char_count(text: str) -> int:
    """Characters a reader sees: spaces and line breaks are not counted."""
    return sum(not ch.isspace() for ch in text)


def fit_rows(text: str, least: int, per_line: int = 56, most: int = 18) -> int:
    """Enough rows to show ``text`` whole (about ``per_line`` characters a row)."""
    lines = sum(max(1, -(-len(line) // per_line)) for line in text.splitlines())
    return max(least, min(most, lines + 1))


def key_class(key: str) -> str:
    """A CSS class naming the field, so a browser test can find it."""
    return "kit-key-" + key.replace(".", "-")


class FieldEditor:
    """A one-line field (Text, Dropdown or DatePicker) with its label and messages."""

    def __init__(self, state: FormState, key: str, label: str, on_edit: OnEdit,
                 placeholder: str = "", options: tuple[str, ...] = (), disabled: bool = False,
                 width: str = "100%") -> None:
        self.state = state
        self.key = key
        value = state.get(key)
        if options:
            self.input: w.DOMWidget = w.Dropdown(options=options, value=value if value in options else None)
        else:
            self.input = w.Text(value=value, placeholder=placeholder, disabled=disabled,
                                continuous_update=True)
        self.input.add_class("kit-line")
        self.input.add_class(key_class(key))
        self.input.observe(lambda change: on_edit(key, _text(change["new"])), names="value")
        self.messages = html("", "kit-msgs")
        label_widget = html(escape(label), "kit-flabel")
        label_widget.layout = w.Layout(width="7em", flex="0 0 7em")
        # a date is typed as YYYY-MM-DD (a browser's date picker shows the computer's locale,
        # e.g. mm/dd/yyyy); the hint beside it reads it back as 年月日
        self.hint = html(date_hint(value), "kit-date-hint") if key in DATE_KEYS else None
        line = [label_widget, self.input] + ([self.hint] if self.hint is not None else [])
        self.widget = w.VBox([w.HBox(line, layout=w.Layout(max_width=width, align_items="center",
                                                           flex_flow="row wrap")),
                              self.messages])

    def refresh(self, by_key: ByKey) -> None:
        problems = by_key.get(self.key, [])
        pending = self.state.pending(self.key)
        mark(self.input, problems, pending)
        _set(self.messages, messages_html(problems, pending=pending))
        if self.hint is not None:
            _set(self.hint, date_hint(self.state.get(self.key)))

    def set_value(self) -> None:
        self.input.value = self.state.get(self.key)


class ProseEditor:
    """A text area for one paragraph field, with a live character count and its messages."""

    def __init__(self, state: FormState, key: str, on_edit: OnEdit, rows: int = 6,
                 placeholder: str = "", counted: bool = True) -> None:
        self.state = state
        self.key = key
        self.area = w.Textarea(value=state.get(key), rows=fit_rows(state.get(key), rows),
                               placeholder=placeholder, continuous_update=True)
        self.area.add_class(key_class(key))
        self.count = html("", "kit-count")
        self.messages = html("", "kit-msgs")
        self._count()

        def edited(change: dict) -> None:
            self._count()
            on_edit(key, change["new"])

        self.area.observe(edited, names="value")
        self.count.layout.display = "" if counted else "none"
        self.widget = w.VBox([self.area, self.count, self.messages])

    def _count(self) -> None:
        _set(self.count, f"{char_count(self.area.value)} 字")

    def refresh(self, by_key: ByKey) -> None:
        problems = by_key.get(self.key, [])
        pending = self.state.pending(self.key)
        mark(self.area, problems, pending)
        _set(self.messages, messages_html(problems, pending=pending))

    def set_value(self) -> None:
        self.area.value = self.state.get(self.key)
        self._count()


Editor = FieldEditor | ProseEditor | TableGrid


class Page:
    """One tab of the form: editors plus (for report sections) a live preview."""

    def __init__(self, editors: list[Editor], children: list[w.Widget], section: str | None,
                 ) -> None:
        self.editors = editors
        self.section = section
        self.preview = html("", "kit-preview")
        items = [*children]
        if section is not None:
            items += [html('<div class="kit-h2">预览（本节排版效果）</div>', "kit-h2"), self.preview]
        self.widget = w.VBox(items)
        self.widget.add_class("kit-page")


def basic_page(state: FormState, on_edit: OnEdit) -> Page:
    """Identity, title, preamble, contact and publication date."""
    params = state.params
    auto = params.display_title if params is not None and params.title is None else ""
    labels = dict(zip(UNIT_KEYS, (k.label for k in schema.UNIT_FIELDS), strict=True))
    editors: list[Editor] = [
        FieldEditor(state, key, labels[key], on_edit, options=UNIT_KINDS if key == "unit.kind" else (),
                    disabled=key in ("unit.county", "unit.name"), width="32em")
        for key in UNIT_KEYS]
    title = FieldEditor(state, "title", schema.key("title").label, on_edit,
                        placeholder=f"留空则自动使用：{auto or '单位名称+年度+' + state.format.report_name}")
    published = FieldEditor(state, "published", schema.key("published").label, on_edit,
                            placeholder=DATE_PLACEHOLDER, width="36em")
    preamble = ProseEditor(state, "preamble", on_edit, rows=4)
    contact = ProseEditor(state, "contact", on_edit, rows=2,
                          placeholder="如：联系人、电话、地址（可不填）")
    jiedu = ProseEditor(state, schema.JIEDU, on_edit, rows=8, placeholder=PLACEHOLDER)
    jiedu_widgets = jiedu_part(state, jiedu, html)
    editors += [title, published, preamble, contact, jiedu]
    children = [
        html('<div class="kit-h">基本信息</div><div class="kit-help">县和单位名称来自所选文件，'
             "不能在此修改；其余各项可直接填写。“类型”决定截止日期和适用的规则（如部门不需写考核评议）。</div>", "kit-h"),
        *(e.widget for e in editors[:5]), title.widget, published.widget,
        html('<div class="kit-h2">导语</div><div class="kit-help">说明编制依据和统计期限'
             "（自某年1月1日起至12月31日止）。</div>", "kit-h2"), preamble.widget,
        html('<div class="kit-h2">联系方式</div>', "kit-h2"), contact.widget, *jiedu_widgets,
    ]
    return Page(editors, children, section=BASIC)


def section_page(state: FormState, section: Section, on_edit: OnEdit) -> Page:
    """A report section: its opening text, each subsection, its table."""
    children: list[w.Widget] = [
        html(f'<div class="kit-h">{escape(section.full_heading)}</div>'
             f'<div class="kit-help">{escape(section.help)}</div>', "kit-h")]
    editors: list[Editor] = []
    base = f"sections.{section.id}"
    opening = ("本节开头的概述（可不填）" if section.subsections else
               "表格前的说明文字（可不填）" if section.table else "正文")
    text = ProseEditor(state, f"{base}.text", on_edit, rows=3 if section.subsections or section.table else 6)
    children += [html(f'<div class="kit-h2">{opening}</div>', "kit-h2"), text.widget]
    editors.append(text)
    for i, sub in enumerate(section.subsections, start=1):
        title = FieldEditor(state, f"{base}.{sub.id}.title", "小标题", on_edit,
                            placeholder=f"留空则用“{sub.title}”")
        body = ProseEditor(state, f"{base}.{sub.id}.text", on_edit)
        children += [html(f'<div class="kit-h2">（{cn_number(i)}）{escape(sub.title)}</div>', "kit-h2"),
                     title.widget, body.widget]
        editors += [title, body]
        if sub.breakdown:
            editors += _breakdown(state, on_edit, children)
    if section.table:
        grid = TableGrid(state, state.format.table(section.table), on_edit)
        caption = state.format.table(section.table).caption.replace(" ", "　")
        children += [html(f'<div class="kit-h2">{escape(caption)}</div>', "kit-h2"),
                     grid.widget]
        editors.append(grid)
    return Page(editors, children, section=section.id)


def _breakdown(state: FormState, on_edit: OnEdit, children: list[w.Widget]) -> list[Editor]:
    total = FieldEditor(state, BREAKDOWN_TOTAL, "发布信息总数", on_edit, placeholder="如：44（条）")
    items = ProseEditor(state, BREAKDOWN_ITEMS, on_edit, rows=3, counted=False,
                        placeholder="每行一个栏目和条数，如：\n通知公告：5\n财政信息：2")
    children += [html('<div class="kit-help">本年主动公开信息条数（用于核对正文中的数字，'
                      "不单独印出）：</div>", "kit-help"), total.widget,
                 html('<div class="kit-help">各栏目条数（每行一个，如“通知公告：5”）：</div>',
                      "kit-help"), items.widget]
    return [total, items]


DATE_KEYS = frozenset({"published"})
DATE_PLACEHOLDER = "YYYY-MM-DD，如 2023-01-20"


def date_hint(text: str) -> str:
    """A typed date read back as 年月日 ("2023年1月20日"), or how to type it."""
    try:
        day = date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        return "请按 YYYY-MM-DD 填写，如 2023-01-20"
    if day is None:
        return "按 YYYY-MM-DD 填写"
    return f"即 {day.year}年{day.month}月{day.day}日"


def _text(value: object) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


def _set(widget: w.HTML, value: str) -> None:
    if widget.value != value:
        widget.value = value
