"""Copy detection: the light edit of a neighbour is flagged, and nothing else is."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

from county_helpers import FIXTURES

from kit.county.rollup import load_county
from kit.county.similar import (
    LAST_YEAR,
    NEIGHBOUR,
    ProseDoc,
    county_copies,
    normalize,
    prose_doc,
    shared_passages,
    similar_pairs,
)
from kit.county.summary import open_summary

DESK = FIXTURES / "desk" / "params"
COUNTY = "仿真县"


def test_the_light_edit_is_the_only_pair():
    pairs = county_copies(load_county(DESK, COUNTY, 2022))
    assert [(p.first.unit, p.second.unit, p.kind) for p in pairs] == [("东关镇", "西河乡", NEIGHBOUR)]
    assert 0.9 < pairs[0].ratio < 1
    assert county_copies(load_county(DESK, COUNTY, 2021)) == []


def test_names_figures_and_punctuation_do_not_hide_a_copy():
    assert normalize("东关镇全年发布信息70条。", ("东关镇",)) == normalize("西河乡全年发布信息 34 条", ("西河乡",))
    assert normalize("（一）ＡＢ１２") == "一AB"


def test_own_previous_year_copy_is_flagged_and_threshold_applies():
    data = load_county(DESK, COUNTY, 2022)
    this_year = {e.unit: e.params for e in data.entries}
    last = prose_doc(load_county(DESK, COUNTY, 2021).entries[0].params)  # 东关镇 2021
    copy = ProseDoc(COUNTY, "东关镇", 2022, last.paragraphs)
    others = [prose_doc(p) for u, p in this_year.items() if u not in ("东关镇", "西河乡")]
    pairs = similar_pairs([last, copy, *others], 0.8)
    assert [(p.kind, p.first.year, p.second.year) for p in pairs] == [(LAST_YEAR, 2021, 2022)]
    assert pairs[0].describe() == "东关镇 2022 年度与其 2021 年度报告"
    assert similar_pairs([last, copy], 1.01) == []


def test_two_years_apart_or_different_townships_across_years_are_not_compared():
    doc = prose_doc(load_county(DESK, COUNTY, 2021).entries[0].params)
    assert similar_pairs([doc, replace(doc, year=2023)], 0.5) == []
    assert similar_pairs([doc, replace(doc, unit="某镇", year=2022)], 0.5) == []


def test_preamble_and_stock_sentences_are_left_out():
    params = load_county(DESK, COUNTY, 2022).entries[0].params
    doc = prose_doc(params)
    assert params.preamble.splitlines()[0] not in doc.paragraphs
    assert "本年度未收取信息处理费。" not in doc.paragraphs  # 12 characters once blanked: stock
    assert doc.paragraphs[0].startswith("东关镇坚持以公开促落实")


def test_shared_passages_cover_the_copied_text_only():
    pair = county_copies(load_county(DESK, COUNTY, 2022))[0]
    left, right = shared_passages(pair)
    first = "".join(t for t, flag in left[0] if not flag)
    assert first == "东关镇"  # only the name differs in the first paragraph
    changed = "".join(t for t, flag in right[3] if not flag)
    assert "十七" in changed


def test_summary_section_highlights_and_cli(tmp_path):
    html = open_summary(COUNTY, 2022, DESK).copies().html
    assert "东关镇与西河乡（2022 年度）：相似度 98%" in html
    assert 1 <= html.count("<mark>") <= 5 and "<mark>坚持以公开促落实" in html  # the longest passages
    assert "的文字彼此相同" in html and "最长的 5 处相同文字" in html
    assert html.count("坚持以公开促落实") == 1  # each shared passage once, not both full texts
    clean = open_summary(COUNTY, 2021, DESK).copies().html
    assert "未发现内容雷同" in clean and "<mark>" not in clean
    run = subprocess.run([sys.executable, "-m", "kit", "similar", COUNTY, "--params", str(DESK), "--json"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    assert [(p["first"]["unit"], p["second"]["unit"]) for p in json.loads(run.stdout)] == [("东关镇", "西河乡")]
    text = subprocess.run([sys.executable, "-m", "kit", "similar", COUNTY, "2021", "--params", str(DESK)],
                          capture_output=True, text=True, timeout=120)
    assert text.returncode == 0 and "没有发现相似度达到阈值的报告" in text.stdout
    bad = subprocess.run([sys.executable, "-m", "kit", "similar", COUNTY, "--threshold", "3"],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "0.5 到 1 之间" in bad.stderr and "Traceback" not in bad.stderr


def test_published_documents_are_compared_too(tmp_path):
    from kit.render.fragment import fragment_html

    data = load_county(DESK, COUNTY, 2022)
    for entry in data.entries:
        if entry.params is not None:
            page = f'<html><head><meta charset="utf-8"></head><body><div id="zoom">{fragment_html(entry.params)}</div></body></html>'
            (tmp_path / f"{entry.unit}.html").write_text(page, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kit", "similar", "--published", str(tmp_path), "--json"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stdout + run.stderr
    assert [(p["first"]["unit"], p["second"]["unit"]) for p in json.loads(run.stdout)] == [("东关镇", "西河乡")]
