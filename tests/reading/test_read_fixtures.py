"""Every table cell of every published-report fixture is recovered exactly, whatever the wrapper:
three CMS pages (one GBK), python-docx Word files with merged cells, the kit's PDFs, plain text."""

from __future__ import annotations

import pytest
from reading_helpers import CASES, PUBLISHED, expected_tables

from kit.reading.published import as_json, check_published


@pytest.fixture(scope="module")
def results():
    return {name: as_json(check_published(PUBLISHED / name)) for name in CASES}


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_cell_recovered(results, name):
    got = results[name]
    want = expected_tables(name)
    assert got["year"] == CASES[name].source.year
    assert got["layout"] == CASES[name].layout
    assert got["tables"]["review_litigation"] == want["review_litigation"]
    for table_id in ("proactive", "applications"):
        rows = [(r["official"], r["cells"]) for r in got["tables"][table_id]]
        assert [o for o, _ in rows] == [o for o, _ in want[table_id]], table_id
        assert rows == want[table_id], table_id


def test_numbers_are_not_all_zero():
    """The 虚构县 fixtures print real figures, so recovering 0s by accident would fail."""
    want = expected_tables("jiazhen-2022.pdf")
    assert sum(sum(c for c in cells if c) for _, cells in want["applications"]) > 20
    assert any(want["review_litigation"])


def test_unit_and_title_from_the_document(results):
    assert results["xialiang-trs-gbk.html"]["unit"] == "襄垣县下良镇"
    assert results["jiazhen-2022.pdf"]["unit"] == "虚构县甲镇"
