"""The form's action bar: every action a clerk needs is a button, none a command line.

保存 · 发布（生成 HTML、PDF、Word）· 生成草稿 · 开始下一年度, then the message of the last
action, links to the generated files, a folded 详细 part for a technician, and — when 发布 is
refused because the report is still a draft — the list of what to fix, each with a button
that opens the tab where it is.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from html import escape

import ipywidgets as w

from kit.base.problems import Problem
from kit.form.clerk_text import details_html, said

Goto = Callable[[Problem], None]
PUBLISH = "发布：生成 HTML、PDF 和 Word"
DRAFT = "生成草稿（审阅用）"


@contextlib.contextmanager
def busy(button: w.Button, text: str) -> Iterator[None]:
    """While an action runs: its button says so and cannot be clicked again."""
    label, button.description, button.disabled = button.description, text, True
    try:
        yield
    finally:
        if button.description == text:  # unless the action renamed it (开始 → 打开 下一年度)
            button.description = label
        button.disabled = False


def run_busy(button: w.Button, text: str, action: Callable[[], object]) -> None:
    with busy(button, text):
        action()


def _button(text: str, style: str, width: str, tip: str, css: str) -> w.Button:
    button = w.Button(description=text, button_style=style, tooltip=tip,
                      layout=w.Layout(width=width, flex="0 0 auto"))
    button.add_class(css)
    return button


class Actions:
    """Buttons with callbacks, and the places where their outcome is shown."""

    def __init__(self, on_save: Callable[[], object], on_publish: Callable[[], object],
                 on_draft: Callable[[], object], on_next_year: Callable[[], object]) -> None:
        self.status = w.HTML()
        self.status.add_class("kit-status")
        self.save_button = _button("保存", "primary", "6em", "写入本年度报告（原文件先自动备份）",
                                   "kit-act-save")
        self.publish_button = _button(PUBLISH, "success", "17em",
                                      "检查通过、文字都已改写后，生成可发布的报告", "kit-act-publish")
        self.draft_button = _button(DRAFT, "", "11em",
                                    "尚未定稿时看排版效果：每页标注“草稿”，不得发布", "kit-act-draft")
        self.next_button = _button("开始下一年度", "info", "11em",
                                   "新建下一年度的报告，按本年度预填", "kit-act-next")
        for button, action, doing in ((self.save_button, on_save, "正在保存…"),
                                      (self.publish_button, on_publish, "正在生成，请稍候…"),
                                      (self.draft_button, on_draft, "正在生成草稿…"),
                                      (self.next_button, on_next_year, "正在打开…")):
            button.on_click(lambda _, b=button, a=action, d=doing: run_busy(b, d, a))
        self.bar = w.HBox([self.status, self.save_button, self.publish_button, self.draft_button,
                           self.next_button])
        self.bar.add_class("kit-bar")
        self.links = w.HTML()
        self.detail = w.HTML()
        self.refusal = w.VBox(layout=w.Layout(display="none"))
        self.refusal.add_class("kit-refusal")

    def set_next_year(self, year: int, exists: bool) -> None:
        self.next_button.description = f"{'打开' if exists else '开始'} {year} 年度"

    def show_links(self, html: str) -> None:
        if self.links.value != html:
            self.links.value = html

    def show_detail(self, lines: list[str]) -> None:
        self.detail.value = details_html([line for line in lines if line], title="详细")

    def show_refusal(self, problems: list[Problem], where: Callable[[Problem], str], goto: Goto,
                     ) -> None:
        """The problems that keep the report a draft, each with a button to its tab."""
        if not problems:
            self.refusal.children = ()
            self.refusal.layout.display = "none"
            return
        rows: list[w.Widget] = [w.HTML(f"<b>发布前还需处理 {len(problems)} 项：</b>")]
        for problem in problems[:30]:
            button = w.Button(description=f"转到 {where(problem)}",
                              layout=w.Layout(width="auto", flex="0 0 auto"))
            button.add_class("kit-goto")
            button.on_click(lambda _, p=problem: goto(p))
            text = w.HTML(f'<span class="kit-msg-error">{escape(said(problem))}</span>',
                          layout=w.Layout(flex="1 1 20em", min_width="0"))
            rows.append(w.HBox([button, text], layout=w.Layout(align_items="center",
                                                               flex_flow="row wrap")))
        if len(problems) > 30:
            rows.append(w.HTML(f"……另有 {len(problems) - 30} 项，见“检查结果”。"))
        self.refusal.children = rows
        self.refusal.layout.display = ""


