"""Row labels printed with another list mark ("1、申请人…" for "1.申请人…") are the same rows:
a punctuation deviation (V-F5 warning), not the 2019 format's single （六）其他处理 row and
so not a mix of formats (V-F1)."""

from __future__ import annotations

import re
from pathlib import Path

from kit.reading.published import check_published

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "xialiang-2021.txt"


def test_items_numbered_with_a_dunhao_are_the_same_rows(tmp_path):
    text = REFERENCE.read_text(encoding="utf-8")
    varied = re.sub(r"\t(\d)\. ", r"\t\1、", text)  # every "1. " item as "1、"
    assert varied != text
    page = tmp_path / "page.txt"
    page.write_text(varied, encoding="utf-8")
    checked = check_published(page)
    assert checked.report.layout == "2021"
    rules = {p.rule for p in checked.problems}
    assert "V-F1" not in rules and not any(p.rule == "V-F4" and p.is_error for p in checked.problems)
    assert "V-F5" in rules  # said, as a punctuation deviation
    rows = [r.official for r in checked.report.tables["applications"].rows]
    assert "other_no_correction" in rows and "other_processing" not in rows
