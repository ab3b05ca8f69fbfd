"""A page holding two reports: the first is checked and the second is named, not read into it."""

from __future__ import annotations

from pathlib import Path

from kit.reading.published import check_published

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "xialiang-2021.txt"


def test_the_second_report_is_named(tmp_path):
    text = REFERENCE.read_text(encoding="utf-8")
    second = text.replace("下良镇", "上良镇").replace("2021", "2022")
    page = tmp_path / "two.txt"
    page.write_text(text + "\n\n" + second, encoding="utf-8")
    result = check_published(page)
    assert result.report is not None and result.report.unit.name == "下良镇" and result.report.year == 2021
    two = [p for p in result.problems if p.check == "two-reports"]
    assert len(two) == 1 and "第二份报告" in two[0].message and "上良镇 2022" in two[0].message
    assert "上良镇" not in " ".join(result.report.section("other").text)  # nothing of it read as the first's
    alone = tmp_path / "one.txt"
    alone.write_text(text, encoding="utf-8")
    assert not [p for p in check_published(alone).problems if p.check == "two-reports"]
