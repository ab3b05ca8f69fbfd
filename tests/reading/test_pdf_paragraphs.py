"""A paragraph broken by a PDF's page ("…专题工 / 作会议…") is read as one paragraph; one
that ends at a page's foot, or a page that starts with an indented line or a heading, stays
apart."""

from __future__ import annotations

from pathlib import Path

from reading_helpers import PUBLISHED

from kit.params.loader import load_params
from kit.reading.document import Para
from kit.reading.readers import read_document

REPO = Path(__file__).resolve().parents[2]


def _squeezed(text: str) -> str:
    return "".join(text.split())


def test_every_paragraph_of_the_example_is_read_whole_from_its_pdf():
    params, _ = load_params(REPO / "params" / "襄垣县" / "下良镇" / "2021.yaml")
    assert params is not None
    wanted = [_squeezed(line) for sid, body in params.sections.items()
              for prose in (body, *body.subsections.values())
              for line in prose.text.splitlines() if line.strip()]
    document = read_document(PUBLISHED / "xialiang.pdf")
    read = [_squeezed(p.text) for p in document.pieces if isinstance(p, Para)]
    assert [w for w in wanted if w not in read] == []  # each one whole, none cut at a page
    assert not any(r.endswith("专题工") for r in read)
