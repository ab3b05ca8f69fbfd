"""The 解读 in the form: a draft made from the report's figures (kit.render.jiedu) that the
clerk rewrites, kept in the report's ``jiedu`` entry and published beside it (--to jiedu).
Numbers the report does not hold are flagged as the clerk types (rule V-J1)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w

from kit.form.state import FormState

PLACEHOLDER = "留空则发布时按报告的数字自动生成解读；点“按报告生成草稿”后可在此修改。"


def jiedu_part(state: FormState, editor: Any, html: Callable[[str, str], w.HTML]) -> list[w.Widget]:
    """The widgets that show the 解读 ``editor`` (a ProseEditor of the ``jiedu`` field), with
    its 按报告生成草稿 button."""
    button = w.Button(description="按报告生成草稿", icon="magic", layout=w.Layout(width="12em"))
    button.add_class("kit-jiedu-draft")
    note = html("", "kit-help")

    def draft(_: object) -> None:
        from kit.render.jiedu import draft_text

        params = state.params
        if params is None:
            note.value = "表单中有无法读取的内容，请先改正标红的格子。"
            return
        if editor.area.value.strip() and not note.value.startswith("再点"):
            note.value = "再点一次将用草稿替换已写的解读。"
            return
        editor.area.value = draft_text(params, state.previous)
        note.value = "已按报告生成草稿。请改写后保存；解读中只能写报告中有的数字。"

    button.on_click(draft)
    head = html('<div class="kit-h2">解读（随报告发布）</div><div class="kit-help">'
                "发布时与报告一同生成网页版和 Word 版（生成时选择“解读”）。</div>", "kit-h2")
    return [head, w.HBox([button, note]), editor.widget]
