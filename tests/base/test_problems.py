"""Problem records: place, values and fingerprint survive the JSON round trip (the hand-off to
the kernel and ``--json``); the fingerprint ignores words, lines and values."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

from kit.base.place import Place
from kit.base.problems import Problem, error, warning

CELL = Place(table="applications", row="total", column="natural", key="tables.applications.total.natural")


def test_round_trip_keeps_place_values_and_fingerprint():
    found = error("R1", "勾稽关系不成立", file="a.yaml", table="表三", row="（七）总计", column="自然人",
                  line=40, place=CELL, values=(("received", 3), ("amount", Decimal("1.50"))))
    data = json.loads(json.dumps(found.to_dict(), ensure_ascii=False))
    assert data["place"] == {"table": "applications", "row": "total", "column": "natural",
                             "key": "tables.applications.total.natural"}
    assert data["values"] == {"received": 3, "amount": "1.50"}
    assert data["field"] == "tables.applications.total.natural"
    back = Problem.from_dict(data)
    assert back.place == CELL and back.fingerprint == found.fingerprint == data["fingerprint"]
    assert back.where() == "第 40 行，表三，行“（七）总计”，列“自然人”"


def test_fingerprint_is_rule_check_and_place_only():
    one = warning("V-F8", "标题有空格", section="标题", place=Place(section="title"), check="spaces")
    assert replace(one, message="另一种说法", line=3, section="Title").fingerprint == one.fingerprint
    assert replace(one, values=(("n", 2),)).fingerprint == one.fingerprint
    assert replace(one, check="repeated").fingerprint != one.fingerprint
    assert replace(one, rule="V-F7").fingerprint != one.fingerprint
    assert replace(one, place=Place(section="preamble")).fingerprint != one.fingerprint
    printed = one.place.with_label("标 题")
    assert printed.key == "" and replace(one, place=printed).fingerprint != one.fingerprint


def test_control_characters_in_words_are_shown_not_sent():
    found = error("V-F7", "标题\x1b[31m错", place=Place(quote="\x1b"))
    assert "\x1b" not in found.message
