"""The 同比 sentences of section ``general`` as the clerk accepts or edits them, without a command line.

For each subsection the kit can compare with last year (:mod:`kit.rules.yoy`), the panel
shows the proposed sentence in a text box with 采用 / 取消采用. An accepted sentence is kept
in the report's ``yoy`` entry when the form is saved (as ``kit yoy --accept`` would write it)
and printed at the end of its subsection; editing the box edits the accepted sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as w

from kit.form.state import FormState


class YoyPanel:
    """One row per proposed sentence; :meth:`refresh` follows the figures as they change."""

    def __init__(self, state: FormState, on_change: Callable[[], None]) -> None:
        self.state = state
        self.on_change = on_change
        self.rows: dict[str, tuple[w.Textarea, w.Button, w.HTML]] = {}
        self.body = w.VBox()
        self.widget = w.VBox([w.HTML('<div class="kit-h2">与上年比较（同比）</div><div class="kit-help">'
                                     "根据本年和上年报告中的数字自动生成，可直接采用，也可先修改再采用；"
                                     "采用的句子印在该小节末尾，保存后写入报告。</div>"), self.body])
        self.widget.add_class("kit-yoy")
        self.refresh()

    def refresh(self) -> None:
        proposals = self.state.yoy_suggestions()
        accepted = self.state.yoy
        wanted = [s for s in (*accepted, *proposals) if s in proposals or s in accepted]
        wanted = list(dict.fromkeys(wanted))
        self.widget.layout.display = "" if wanted else "none"
        params = self.state.params
        for sub_id in wanted:
            if sub_id not in self.rows:
                self.rows[sub_id] = self._row(sub_id)
            area, button, status = self.rows[sub_id]
            taken = sub_id in accepted
            text = accepted.get(sub_id) or proposals.get(sub_id, "")
            if not taken and area.value != text:
                area.value = text  # follows the figures until accepted
            button.description = "取消采用" if taken else "采用"
            button.button_style = "" if taken else "success"
            heading = params.place("general", sub_id, short=True) if params is not None else ""
            state_text = "已采用" if taken else "未采用"
            status.value = f"<b>{escape(heading)}</b>　<span>{state_text}</span>"
        self.body.children = [w.VBox([self.rows[s][2], w.HBox([self.rows[s][0], self.rows[s][1]])])
                              for s in wanted]

    def _row(self, sub_id: str) -> tuple[w.Textarea, w.Button, w.HTML]:
        area = w.Textarea(rows=2, layout=w.Layout(width="100%"))
        area.add_class(f"kit-yoy-{sub_id}")
        button = w.Button(description="采用", layout=w.Layout(width="7em", flex="0 0 7em"))
        button.add_class(f"kit-yoy-accept-{sub_id}")
        status = w.HTML()

        def clicked(_: object) -> None:
            taken = sub_id in self.state.yoy
            self.state.set_yoy(sub_id, None if taken else area.value)
            self.on_change()

        def typed(change: dict) -> None:
            if sub_id in self.state.yoy and change["new"].strip():
                self.state.set_yoy(sub_id, change["new"])
                self.on_change()

        button.on_click(clicked)
        area.observe(typed, names="value")
        return area, button, status
