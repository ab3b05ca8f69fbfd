"""Table builders: an official table filled with a report's values, as data.

:func:`build_table` returns a :class:`BuiltTable` (values plus the format's
table model). ``.frame`` gives it as a pandas DataFrame; ``_repr_html_``
renders the official layout (through :mod:`kit.render.table_html`), so the same
object displays live in a notebook and in exports.
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.formats.spec import Table
from kit.params.cells import format_cell
from kit.params.model import Number, ReportParams
from kit.render.table_html import render_table


@dataclass(frozen=True)
class BuiltTable:
    table: Table
    values: dict[tuple[str, str], Number]  # (row id, column id) → value, computed totals included

    def text(self, row_id: str, col_id: str) -> str:
        """The printed cell: 0 rather than blank, fixed decimals for amounts."""
        column = self.table.row(row_id).column(col_id)
        return format_cell(self.values[(row_id, col_id)], column)

    @property
    def frame(self):  # -> pandas.DataFrame
        import pandas as pd  # lazy: only notebooks ask for a DataFrame (pandas costs ~0.3 s)

        """Rows by their label path, columns by label; cells a row lacks (Table 二) are empty."""
        columns: list[str] = []
        for row in self.table.rows:
            for col in row.columns:
                label = self.table.column_place(row, col.id)
                if label not in columns:
                    columns.append(label)
        data = {row.place: {self.table.column_place(row, c.id): self.values[(row.id, c.id)]
                            for c in row.columns} for row in self.table.rows}
        frame = pd.DataFrame.from_dict(data, orient="index", columns=columns).astype(object)
        frame.index.name = self.table.title
        return frame

    def _repr_html_(self) -> str:
        return render_table(self)


def build_table(params: ReportParams, table_id: str) -> BuiltTable:
    table = params.format.table(table_id)
    values = {(row.id, col.id): params.value(table_id, row.id, col.id)
              for row in table.rows for col in row.columns}
    return BuiltTable(table, values)


def build_tables(params: ReportParams) -> dict[str, BuiltTable]:
    return {t.id: build_table(params, t.id) for t in params.format.tables}
