"""The words of a place: a finding's :class:`~kit.base.place.Place` and how a reader names it.

Every rule that makes a :class:`~kit.base.problems.Problem` passes one of these as its
``**where``: the ids (``place``) and the Chinese words rendered from them by the format
(``table``, ``row``, ``column``, ``section``). The words are made here and only here, so that
no code needs to read them back.
"""

from __future__ import annotations

from kit.base.place import BODY, PREAMBLE, SIGNOFF, TITLE, Place
from kit.formats.spec import ReportFormat, Table

SPECIAL_WORDS = {TITLE: "标题", PREAMBLE: "导语", SIGNOFF: "落款", BODY: "正文"}


def cell_key(table_id: str, row_id: str, col_id: str) -> str:
    """The params key path of a table cell."""
    return f"tables.{table_id}.{row_id}.{col_id}"


def at_cell(table: Table, row_id: str, col_id: str, label: str = "") -> dict[str, object]:
    """One cell of a table; ``label``: the row label as a published document printed it."""
    row = table.row(row_id)
    place = Place(table=table.id, row=row_id, column=col_id, key=cell_key(table.id, row_id, col_id))
    return {"table": table.caption, "row": label or row.place,
            "column": table.column_place(row, col_id),
            "place": place.with_label(label) if label else place}


def at_table(table: Table, column: str = "") -> dict[str, object]:
    """A table as a whole; ``column``: a header as printed (published documents)."""
    return {"table": table.caption, "column": column, "place": Place(table=table.id, label=column)}


def at_row(table: Table, row_id: str = "", label: str = "") -> dict[str, object]:
    """A row of a table, by its id, or by the ``label`` a published document printed."""
    words = label or (table.row(row_id).place if row_id else "")
    return {"table": table.caption, "row": words, "place": Place(table=table.id, row=row_id, label=label)}


def at_section(fmt: ReportFormat, section_id: str, sub_id: str = "", heading: str = "",
               key: str = "", label: str = "", quote: str = "") -> dict[str, object]:
    """A section or subsection (or TITLE, PREAMBLE, SIGNOFF, BODY); ``heading``: the words of the
    subsection heading as the report gives it (default the format's own)."""
    if section_id in SPECIAL_WORDS or not section_id:
        words = SPECIAL_WORDS.get(section_id, "")
    else:
        section = fmt.section(section_id)
        words = section.full_heading + ((heading or section.numbered(sub_id)) if sub_id else "")
    place = Place(section=section_id, subsection=sub_id, key=key, label=label, quote=quote)
    return {"section": label or words, "place": place}


def at_key(key: str) -> dict[str, object]:
    """A params key path (a problem of the file, not of a place in the report)."""
    return {"place": Place(key=key)}
