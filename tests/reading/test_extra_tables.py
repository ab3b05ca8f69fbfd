"""A table of the report's own (not one of the three official tables), such as a
信息处理费收取情况 table under section 六: its words count as that section's text."""

from __future__ import annotations

from pathlib import Path

from kit.reading.published import check_published, read_published

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT.parent / "shared" / "reference" / "xialiang-2021.txt"


def test_a_fee_stated_in_a_table_of_its_own_is_seen(tmp_path):
    text = REFERENCE.read_text(encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text(text, encoding="utf-8")
    assert "V-S6a" in {p.rule for p in check_published(plain).problems}
    with_table = tmp_path / "fee-table.txt"
    with_table.write_text(text.rstrip() + "\n\n项目\t信息处理费收取情况\n收取金额（元）\t0\n", encoding="utf-8")
    result = check_published(with_table)
    assert "V-S6a" not in {p.rule for p in result.problems}
    report = read_published(with_table)
    assert any("信息处理费收取情况" in t for t in report.section("other").text)
    # the official tables are read as before
    plain_report = read_published(plain)
    for table_id in ("proactive", "applications", "review_litigation"):
        assert [r.cells for r in report.tables[table_id].rows] == [r.cells for r in plain_report.tables[table_id].rows]
