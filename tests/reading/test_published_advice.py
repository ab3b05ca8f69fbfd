"""Advice for a report already on the web: a wrong printed total is for the publishing unit to
correct and publish again (never "delete the cell", a params file's advice); lint and import
take the params folder under the same option names."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kit.reading.published import check_published

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT.parent / "shared" / "reference" / "xialiang-2021.txt"
HEAD = "一、本年新收政府信息公开申请数量\t\t"


def test_a_wrong_printed_total_is_for_the_unit_to_correct(tmp_path):
    text = REFERENCE.read_text(encoding="utf-8")
    line = next(li for li in text.splitlines() if li.startswith(HEAD))
    cells = line[len(HEAD):].split("\t")
    cells[6] = "5"
    page = tmp_path / "page.txt"
    page.write_text(text.replace(line, HEAD + "\t".join(cells)), encoding="utf-8")
    problems = check_published(page).problems
    assert [p.rule for p in problems if p.is_error] == ["R3"]  # one wrong total: one error, not two
    [total] = [p for p in problems if p.check == "stated-total"]
    assert total.rule == "R3" and "印出的总计 5 与本行各项之和 0 不一致" in total.message
    assert "重新发布" in total.message and "删除" not in total.message


def test_lint_and_import_take_both_option_names():
    for command in ("lint", "import"):
        helped = subprocess.run([sys.executable, "-m", "kit", command, "--help"], capture_output=True, text=True,
                                timeout=60).stdout
        assert "--params" in helped and "--params-dir" in helped, command
