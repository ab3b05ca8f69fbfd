"""Where a finding is, as ids: never the Chinese words a reader sees.

A :class:`Place` names the spot by the format's own ids (table, row and column ids of a table
cell; section and subsection ids of prose), by a params key path, or, for a published
document, also by the label *as it was printed* there. The Chinese words ("表三 …，行“…”")
are rendered from it at the edges; code that needs to know the spot (the form's field, the
printed label of a row) reads the ids and never parses words back.

Special section ids, beside the format's own: :data:`TITLE`, :data:`PREAMBLE`,
:data:`SIGNOFF` (落款) and :data:`BODY` (the prose as a whole, when a rule reads all of it).
"""

from __future__ import annotations

from dataclasses import asdict

from kit.base.record import Record, record

TITLE, PREAMBLE, SIGNOFF, BODY = "title", "preamble", "signoff", "body"


@record
class Place(Record):
    """A finding's spot. Every field is optional; the empty place is the whole document."""

    table: str = ""  # format table id, e.g. "applications"
    row: str = ""  # format row id, e.g. "received"
    column: str = ""  # format column id, e.g. "natural"
    section: str = ""  # format section id ("general"), or TITLE / PREAMBLE / SIGNOFF / BODY
    subsection: str = ""  # format subsection id, e.g. "oversight"
    key: str = ""  # params key path, e.g. "tables.applications.received.natural"
    label: str = ""  # published documents: the row label, header or heading as printed
    quote: str = ""  # the words of the text the finding is about, e.g. a prose claim

    def identity(self) -> tuple[str, ...]:
        """What makes two places the same spot (every field: none is a display position)."""
        return (self.table, self.row, self.column, self.section, self.subsection, self.key,
                self.label, self.quote)

    def to_dict(self) -> dict[str, str]:
        """The non-empty fields, for JSON."""
        return {k: v for k, v in asdict(self).items() if v}

    @classmethod
    def from_dict(cls, data: object) -> Place:
        if not isinstance(data, dict):
            return cls()
        names = set(cls.__dataclass_fields__)
        return cls(**{k: str(v) for k, v in data.items() if k in names})

    def with_key(self, key: str, quote: str = "") -> Place:
        """The same spot, for the params key ``key`` (and the text ``quote`` there)."""
        return Place(self.table, self.row, self.column, self.section, self.subsection, key,
                     self.label, quote or self.quote)

    def with_label(self, label: str) -> Place:
        """The same spot as printed under ``label`` in a published document."""
        return Place(self.table, self.row, self.column, self.section, self.subsection, "",
                     label, self.quote)


NOWHERE = Place()
