"""从台账导入, in the form (JupyterLab, the app and the county's desk alike): choose the register
(.xlsx, .xls or .csv), see its problems and every figure it would change, then 采用 — the
figures go into the form's fields (not the file: 保存 writes them, as any edit), a figure the
clerk already entered and the register contradicts only when 以台账为准 is ticked.

A register naming another unit or year (its 说明 sheet) is refused, and one with errors is
never taken: its rows with an error count nowhere, so its figures would be incomplete.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from html import escape
from pathlib import Path

import ipywidgets as w

from kit.base.errors import KitError
from kit.form.fields import BREAKDOWN_ITEMS, BREAKDOWN_TOTAL, cell_key, number_text
from kit.form.state import FormState
from kit.ledger.apply import changes
from kit.ledger.compute import Computed, compute
from kit.ledger.workbook import read_register

SUFFIXES = (".xlsx", ".xls", ".csv")
SHOWN = 60  # changes listed before "…等"


class LedgerPanel:
    """A folded panel: upload, what the register says, 采用."""

    def __init__(self, state: FormState, on_change: Callable[[], None]) -> None:
        self.state, self.on_change = state, on_change
        self.computed: Computed | None = None
        self.upload = w.FileUpload(accept=",".join(SUFFIXES), multiple=False, description="选择台账文件",
                                   layout=w.Layout(width="12em"))
        self.upload.add_class("kit-ledger-upload")
        self.upload.observe(lambda _: self._uploaded(), names="value")
        self.overwrite = w.Checkbox(description="以台账为准（表单中已填、与台账不同的数字也改为台账的）",
                                    indent=False, layout=w.Layout(width="auto"))
        self.take = w.Button(description="采用台账的数字", button_style="success", layout=w.Layout(width="12em"),
                             disabled=True)
        self.take.add_class("kit-ledger-take")
        self.take.on_click(lambda _: self.apply())
        self.result = w.HTML()
        self.result.add_class("kit-ledger-result")
        help_text = w.HTML('<div class="kit-help">用 <code>python -m kit ledger template</code> 生成的台账'
                           "（依申请公开登记台账等）填好后在这里选择，工具据此算出表二、表三、表四和一（一）"
                           "的条数，先列出将要改动的数字，点“采用”后填入表单，保存后才写入报告。</div>")
        body = w.VBox([help_text, w.HBox([self.upload, self.take, self.overwrite]), self.result])
        self.widget = w.Accordion(children=[body], selected_index=None)
        self.widget.set_title(0, "从台账导入（依申请公开登记台账等）")
        self.widget.add_class("kit-ledger")

    def _uploaded(self) -> None:
        files = self.upload.value
        if not files:
            return
        item = files[0]
        self.load(str(item["name"]), bytes(item["content"]))

    def load(self, name: str, content: bytes) -> None:
        """Read a register the clerk chose and show what it would change."""
        self.computed, self.take.disabled = None, True
        suffix = Path(name).suffix.lower()
        if suffix not in SUFFIXES:
            self._say(f"“{name}”不是台账文件。请选择 .xlsx、.xls 或 .csv 文件。")
            return
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"ledger{suffix}"
            path.write_bytes(content)
            try:
                register = read_register(path)
            except KitError as exc:
                self._say(str(exc).replace(str(path.name), name))
                return
        state = self.state
        unit, county = state.path.parent.name, state.path.parent.parent.name
        named = (str(register.meta.get("县") or county), str(register.meta.get("单位") or unit),
                 str(register.meta.get("年度") or state.year).removesuffix(".0"))
        if named != (county, unit, str(state.year)):
            self._say(f"这份台账是{named[0]}{named[1]} {named[2]} 年度的，与正在填写的{county}{unit} {state.year} 年度"
                      "报告不符，未采用。请选择本单位本年度的台账。")
            return
        params = state.params
        if params is None or not register.tables:
            self._say("表单中有无法读取的内容，请先改正标红的格子再导入台账。" if params is None else
                      f"“{name}”中没有找到台账表格。请用 python -m kit ledger template 生成的台账填写。")
            return
        computed = compute(register, state.format, state.year, state.previous)
        errors = [p for p in computed.problems if p.is_error]
        found = changes(params, computed)
        lines = [f"<li>{escape(p.format())}</li>" for p in sorted(computed.problems, key=lambda p: not p.is_error)]
        text = ""
        if lines:
            text += f"<p>台账中的问题（{len(errors)} 个错误，{len(lines) - len(errors)} 个提示）：</p><ul>{''.join(lines)}</ul>"
        if errors:
            text += "<p><b>台账有错误，有错误的行未计入，算出的数字不完整，不能采用。请改正台账后重新选择。</b></p>"
        elif not found:
            text += "<p>表单中的数字与台账一致，无需改动。</p>"
        else:
            rows = "".join(f"<li>{'≠ ' if c.conflict else ''}{escape(c.where)}：{_text(c.before)} → {c.after}</li>"
                           for c in found[:SHOWN])
            more = f"<li>……等共 {len(found)} 个</li>" if len(found) > SHOWN else ""
            text += (f"<p>台账将改动 {len(found)} 个数字（标“≠”的是表单中已填、与台账不同的，只有勾选“以台账为准”"
                     f"才会改）：</p><ul>{rows}{more}</ul>")
            self.computed, self.take.disabled = computed, False
        self.result.value = text

    def apply(self) -> None:
        """Put the register's figures into the form's fields."""
        params = self.state.params
        if self.computed is None or params is None:
            return
        found = changes(params, self.computed)
        counts = [c for c in found if c.table == "breakdown"]
        with_counts = bool(counts) and (self.overwrite.value or not any(c.conflict for c in counts))
        taken = [c for c in found if c.table != "breakdown" and (not c.conflict or self.overwrite.value)]
        for change in taken:
            self.state.set(cell_key(change.table, change.row, change.column), number_text(change.after))
        new = self.computed.breakdown
        if with_counts and new is not None:  # 一（一）'s counts go together
            self.state.set(BREAKDOWN_TOTAL, str(new.total or 0))
            self.state.set(BREAKDOWN_ITEMS, "\n".join(f"{k}：{v}" for k, v in new.items.items()))
            taken += counts
        kept = len(found) - len(taken)
        self.computed, self.take.disabled = None, True
        self._say(f"已把台账的 {len(taken)} 个数字填入表单"
                  f"{f'（{kept} 个表单中已填的不同数字未改）' if kept else ''}。请核对后点“保存”。")
        self.on_change()

    def _say(self, text: str) -> None:
        self.result.value = f"<p>{escape(text)}</p>"


def _text(value: object) -> str:
    return "（空）" if value is None else str(value)

