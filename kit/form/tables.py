"""A table of the format model as a grid of widgets laid out like the official table.

The grid is built from the table's printed layout (``head`` and ``body`` of
:class:`~kit.formats.spec.LabelCell` / :class:`~kit.formats.spec.ValueCell` with their spans): labels become
read-only cells spanning the same rows and columns, input cells become text boxes, and
computed totals become read-only cells that follow the inputs.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as w

from kit.base.problems import Problem
from kit.form.fields import cell_key
from kit.form.state import FormState
from kit.form.style import mark, messages_html
from kit.formats.grid import Placed, place
from kit.formats.spec import LabelCell, LayoutCell, Table, ValueCell

HINT = "白色格子填写数字（没有则填 0，留空按 0 计）。"
HINT_TOTALS = "蓝色的“总计”格由工具自动计算，不能填写。"
OnEdit = Callable[[str, str], None]


def column_widths(placed: list[Placed]) -> list[str]:
    """CSS track sizes: label columns as wide as their labels need, value columns equal."""
    count = max(c + span for _, _, c, _, span in placed)
    value_cols = {c + j for cell, _, c, _, span in placed if isinstance(cell, ValueCell)
                  for j in range(span)}
    widths = []
    for col in range(count):
        if col in value_cols:
            widths.append("minmax(4.2em, 1fr)")
            continue
        labels = [(cell.text, rs) for cell, _, c, rs, span in placed
                  if isinstance(cell, LabelCell) and c == col and span == 1]
        longest = max((len(text) for text, _ in labels), default=4)
        tall = all(rs > 2 for _, rs in labels)  # a group label beside its items: keep narrow
        widths.append(f"{max(min(longest, 5 if tall else 19), 3) + 1}em")
    return widths


WIDE_COLUMNS = 8  # a grid of this many columns or more keeps its width on a phone and scrolls


class TableGrid:
    """The editable grid of one table; :meth:`refresh` shows totals and problems."""

    def __init__(self, state: FormState, table: Table, on_edit: OnEdit) -> None:
        self.state = state
        self.table = table
        self.inputs: dict[str, w.Text] = {}
        self.last_edited: str | None = None
        self.totals: dict[str, w.HTML] = {}
        lines = (*table.head, *table.body)
        placed = place(lines)
        # grid_area, not grid_row/grid_column: the front end applies grid_area (None) last,
        # and removing that shorthand also removes grid-row and grid-column.
        valued = {id(line) for line in lines if any(isinstance(c, ValueCell) for c in line)}
        left = {id(cell) for line in lines if id(line) in valued for cell in line
                if isinstance(cell, LabelCell) and cell.rowspan == 1}
        children = [self._widget(cell, id(cell) in left, on_edit,
                                 w.Layout(grid_area=f"{r + 1} / {c + 1} / span {rs} / span {cs}"))
                    for cell, r, c, rs, cs in placed]
        self.columns = max(c + cs for _, _, c, _, cs in placed)
        self.places = {cell_key(table.id, cell.row, cell.col): (r, c) for cell, r, c, _, _ in placed
                       if isinstance(cell, ValueCell)}
        # the message of the cell just edited, right under that cell (over the next row)
        self.callout = w.HTML(layout=w.Layout(display="none"))
        self.callout.add_class("kit-callout")
        children.append(self.callout)
        wide = self.columns >= WIDE_COLUMNS  # Table 三 and 四: too wide for a phone
        self.grid = w.GridBox(children, layout=w.Layout(
            grid_template_columns=" ".join(column_widths(placed)), width="100%",
            min_width=f"{self.columns * 3.4:g}em" if wide else None))
        self.grid.add_class("kit-grid")
        self.messages = w.HTML()
        self.messages.add_class("kit-msgs")
        hint = HINT + (HINT_TOTALS if self.totals else "")
        scroller = w.Box([self.grid])  # on a phone: the table keeps its width and scrolls
        scroller.add_class("kit-grid-scroll")
        if wide:
            scroller.add_class("kit-grid-wide")
        self.widget = w.VBox([w.HTML(f'<div class="kit-help">{escape(hint)}</div>'),
                              scroller, self.messages])

    def _widget(self, cell: LayoutCell, left: bool, on_edit: OnEdit, layout: w.Layout,
                ) -> w.DOMWidget:
        """A label, an input box or a computed total, placed by ``layout``."""
        if isinstance(cell, LabelCell):
            label = w.HTML(escape(cell.text), layout=layout)
            label.add_class("kit-gc")
            label.add_class("kit-gl")
            if cell.caption:
                label.add_class("kit-caption")
            elif left:  # a row's own label; headers and group labels stay centred
                label.add_class("kit-left")
            return label
        key = cell_key(self.table.id, cell.row, cell.col)
        row = self.table.row(cell.row)
        if row.computed or row.column(cell.col).computed:
            total = w.HTML(layout=layout)
            total.add_class("kit-gc")
            total.add_class("kit-gt")
            self.totals[key] = total
            return total
        box = w.Text(value=self.state.get(key), continuous_update=True, layout=layout)
        box.add_class("kit-gc")
        box.add_class("kit-gi")
        box.add_class("kit-key-" + key.replace(".", "-"))
        box.observe(lambda change, key=key: self._edited(on_edit, key, change["new"]), names="value")
        self.inputs[key] = box
        return box

    def _edited(self, on_edit: OnEdit, key: str, text: str) -> None:
        self.last_edited = key  # its message shows beside it until another cell is edited
        on_edit(key, text)

    def refresh(self, by_key: dict[str | None, list[Problem]]) -> None:
        """Recompute the totals; mark cells with problems and list them under the grid."""
        for key, total in self.totals.items():
            row_id, col_id = key.split(".")[2:]
            text = self.state.total_text(self.table, row_id, col_id)
            html = escape(text)
            if total.value != html:
                total.value = html
        shown: list[Problem] = []
        waiting: list[Problem] = []
        for key, widget in (*self.inputs.items(), *self.totals.items()):
            problems = by_key.get(key, [])
            pending = self.state.pending(key)
            mark(widget, problems, pending)
            (waiting if pending else shown).extend(problems)
        self._callout(by_key)
        html = messages_html(shown, where=True) + messages_html(waiting, where=True, pending=True)
        if self.messages.value != html:
            self.messages.value = html

    def _callout(self, by_key: dict[str | None, list[Problem]]) -> None:
        """Show the problems of the cell just edited right below it."""
        key = self.last_edited
        problems = by_key.get(key, []) if key is not None else []
        if not problems or key not in self.places:
            self.callout.layout.display = "none"
            return
        row, col = self.places[key]
        area = f"{row + 2} / {col + 1} / span 1 / span {max(self.columns - col, 1)}"
        html = messages_html(problems, pending=self.state.pending(key))
        if self.callout.value != html:
            self.callout.value = html
        if self.callout.layout.grid_area != area:
            self.callout.layout.grid_area = area
        self.callout.layout.display = ""

    def set_value(self) -> None:
        """Show the state's text in every input (after a reload)."""
        for key, box in self.inputs.items():
            box.value = self.state.get(key)
