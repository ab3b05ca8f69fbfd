"""Findings as data: ``kit check --json`` and ``kit lint --json`` give every finding a ``place``
(ids, never words) and a ``fingerprint`` that survives edits elsewhere and moves with the finding."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "params" / "襄垣县" / "下良镇" / "2021.yaml"
REFERENCE = ROOT.parent / "shared" / "reference" / "xialiang-2021.txt"
RECEIVED = "received: {natural: 0, commercial: 0,"
MANAGEMENT = "政府信息严格按照“三审三校”制度上传信息"


def _json(*args: str, cwd: Path) -> object:
    done = subprocess.run([sys.executable, "-m", "kit", *args, "--json"], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    return json.loads(done.stdout)


def _check(tmp_path: Path, text: str) -> dict[str, dict]:
    target = tmp_path / "params" / "襄垣县" / "下良镇" / "2021.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    data = _json("check", str(target), cwd=tmp_path)
    problems = next(iter(data["files"].values()))
    return {p["fingerprint"]: p for p in problems}


def _lint(tmp_path: Path, text: str) -> dict[str, dict]:
    target = tmp_path / "xialiang.txt"
    target.write_text(text, encoding="utf-8")
    [doc] = _json("lint", str(target), cwd=tmp_path)
    return {p["fingerprint"]: p for p in doc["problems"]}


def _wrong_cell(text: str, column: str) -> str:
    """Three applications received in ``column`` that were never answered (R1 there)."""
    assert RECEIVED in text
    return text.replace(RECEIVED, RECEIVED.replace(f"{column}: 0", f"{column}: 3"))


def test_check_json_carries_places_values_and_unique_fingerprints(tmp_path):
    found = _check(tmp_path, _wrong_cell(EXAMPLE.read_text(encoding="utf-8"), "natural"))
    r1 = {p["place"]["column"]: p for p in found.values() if p["rule"] == "R1"}
    assert set(r1) == {"natural", "total"}  # the column and its 总计
    assert r1["natural"]["place"] == {"table": "applications", "row": "total", "column": "natural",
                                      "key": "tables.applications.total.natural"}
    assert r1["natural"]["values"] == {"received": 3, "answered": 0, "carried_forward": 0}
    claim = next(p for p in found.values() if p["rule"] == "V-N10")
    assert claim["place"] == {"table": "applications", "row": "received", "column": "total",
                              "section": "body", "quote": "收到政府信息公开申请 0 件"}
    oversight = next(p for p in found.values() if p["rule"] == "V-S2")
    assert oversight["place"] == {"section": "general", "subsection": "oversight"}
    # two V-F8 checks of the one title (spaces, 年度 twice) are two findings, not one
    assert len([p for p in found.values() if p["rule"] == "V-F8"]) == 2
    assert all(len(f) == 16 for f in found)


def test_edits_elsewhere_keep_every_fingerprint(tmp_path):
    base = _wrong_cell(EXAMPLE.read_text(encoding="utf-8"), "natural")
    before = _check(tmp_path, base)
    edited = base.replace("fees: {amount: 0}", "fees: {amount: 1.5}")  # an unrelated cell
    edited = edited.replace(MANAGEMENT, "本年度，" + MANAGEMENT)  # and an unrelated paragraph
    assert edited.count("amount: 1.5") == 1 and edited.count("本年度，" + MANAGEMENT) == 1
    after = _check(tmp_path, edited)
    assert set(after) == set(before)
    assert len(before) >= 6


def test_moving_the_wrong_cell_changes_only_its_fingerprint(tmp_path):
    base = EXAMPLE.read_text(encoding="utf-8")
    before = _check(tmp_path, _wrong_cell(base, "natural"))
    after = _check(tmp_path, _wrong_cell(base, "commercial"))
    gone, new = set(before) - set(after), set(after) - set(before)
    assert [before[f]["place"]["column"] for f in gone] == ["natural"]
    assert [after[f]["place"]["column"] for f in new] == ["commercial"]
    assert {before[f]["rule"] for f in gone} == {after[f]["rule"] for f in new} == {"R1"}


def _printed_wrong_cell(text: str, column: int) -> str:
    """The received row as printed, with 2 in the ``column``-th number (0-based)."""
    head = "一、本年新收政府信息公开申请数量\t\t"
    line = next(li for li in text.splitlines() if li.startswith(head))
    numbers = line[len(head):].split("\t")
    numbers[column] = "2"
    numbers[6] = "2"  # its 总计, so that only R1 (not the stated total) is wrong
    return text.replace(line, head + "\t".join(numbers))


def test_lint_json_fingerprints_survive_edits_and_follow_the_printed_row(tmp_path):
    text = REFERENCE.read_text(encoding="utf-8")
    before = _lint(tmp_path, _printed_wrong_cell(text, 0))
    r1 = {p["place"]["column"]: p for p in before.values() if p["rule"] == "R1"}
    # a published document names the row as it printed it, and has no params keys
    assert r1["natural"]["place"] == {"table": "applications", "row": "total", "column": "natural",
                                      "label": "(七) 总计"}
    edited = _printed_wrong_cell(text.replace(MANAGEMENT, "本年度，" + MANAGEMENT), 0)
    assert set(_lint(tmp_path, edited)) == set(before)
    moved = _lint(tmp_path, _printed_wrong_cell(text, 1))
    gone, new = set(before) - set(moved), set(moved) - set(before)
    assert {before[f]["place"]["column"] for f in gone} == {"natural"}
    assert {moved[f]["place"]["column"] for f in new} == {"commercial"}
