"""Numbers as people write them in a published Table 三: Chinese numerals are read as numbers
(not glued onto the row label) and named; negative and fractional counts are named as not
counts, not left for the sums to betray."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT.parent / "shared" / "reference" / "xialiang-2021.txt"
RECEIVED = "一、本年新收政府信息公开申请数量\t\t"
CARRIED = "二、上年结转政府信息公开申请数量\t\t"


def _row(text: str, head: str, cells: list[str]) -> str:
    line = next(li for li in text.splitlines() if li.startswith(head))
    return text.replace(line, head + "\t".join(cells))


def _lint(tmp_path: Path, text: str) -> dict:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "kit", "lint", str(page), "--json"], capture_output=True,
                          text=True, timeout=60)
    [doc] = json.loads(done.stdout)
    return doc


def test_chinese_numerals_are_read_and_named(tmp_path):
    text = _row(REFERENCE.read_text(encoding="utf-8"), RECEIVED, ["六", "二", "0", "0", "0", "0", "八"])
    doc = _lint(tmp_path, text)
    row = next(r for r in doc["tables"]["applications"] if r["official"] and "本年新收" in r["official"])
    assert row["label"] == "一、本年新收政府信息公开申请数量" and row["cells"][:2] == [6, 2] and row["cells"][6] == 8
    digits = [p for p in doc["problems"] if p["rule"] == "V-F6" and p["check"] == "digits"]
    assert len(digits) == 1 and "“六”" in digits[0]["message"] and "阿拉伯数字" in digits[0]["message"]


def test_negative_and_fractional_counts_are_named(tmp_path):
    text = _row(REFERENCE.read_text(encoding="utf-8"), CARRIED, ["-6", "6.5", "0", "0", "0", "0", "0.5"])
    doc = _lint(tmp_path, text)
    whole = [p for p in doc["problems"] if p["rule"] == "V-F6" and p["check"] == "whole"]
    assert len(whole) == 1 and whole[0]["severity"] == "错误"
    assert "自然人（-6）" in whole[0]["message"] and "商业企业（6.5）" in whole[0]["message"]
