"""The 图解 and the 解读 draft: every number they show is one the report holds (the results'
shares aside, which are checked against their counts), the change from last year is a direction,
the picture is 750 px wide in the kit's fonts, and kit build makes them with the report."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest

from kit.params.loader import load_params
from kit.render.highlights import highlights
from kit.render.jiedu import jiedu_blocks, jiedu_docx
from kit.render.tujie import tujie_svg, tujie_text_html

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "params" / "襄垣县" / "下良镇" / "2021.yaml"
NUMBER = re.compile(r"\d+(?:\.\d+)?")


@pytest.fixture(scope="module")
def years():
    """The example (2021) and a 2022 built on it: more applications, fewer items, results spread."""
    last, _ = load_params(EXAMPLE)
    tables = {t: {r: dict(c) for r, c in rows.items()} for t, rows in last.tables.items()}
    tables["applications"] = {"received": {"natural": 6, "commercial": 2}, "disclosed": {"natural": 3},
                              "partial": {"commercial": 1}, "unable_not_held": {"natural": 2},
                              "carried_forward": {"natural": 1, "commercial": 1}}
    tables["review_litigation"] = {"review": {"upheld": 1}, "litigation_direct": {"pending": 1}}
    now = replace(last, year=2022, tables=tables, breakdown=replace(last.breakdown, total=40, items={"通知公告": 25, "工作动态": 15}))
    return last, now


def _allowed(params, h) -> set[Decimal]:
    prose = {Decimal(n) for n in NUMBER.findall(params.all_prose() + params.display_title)}
    return h.numbers() | prose | {Decimal(params.year)}


FICTIONAL = ROOT / "tests" / "fixtures" / "rollup" / "params" / "虚构县" / "甲镇"


def test_a_fictional_countys_report_too():
    """虚构县甲镇 2022 (the roll-up fixture), with its 2021 report for the directions."""
    now, _ = load_params(FICTIONAL / "2022.yaml")
    last, _ = load_params(FICTIONAL / "2021.yaml")
    h = highlights(now, last)
    svg = tujie_svg(h, now.format)
    numbers = {Decimal(n) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg) for n in NUMBER.findall(t) if "%" not in t}
    assert numbers <= _allowed(now, h), numbers - _allowed(now, h)
    text = "".join(b.text for b in jiedu_blocks(now, last))
    assert {Decimal(n) for n in NUMBER.findall(text)} <= _allowed(now, h)
    assert now.unit.organ in svg and h.received_trend is not None


def test_every_number_of_the_picture_is_the_reports(years):
    last, now = years
    h = highlights(now, last)
    svg = tujie_svg(h, now.format)
    shown = [t for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
    numbers = {Decimal(n) for t in shown for n in NUMBER.findall(t) if "%" not in t}
    assert numbers <= _allowed(now, h), numbers - _allowed(now, h)
    for share in h.shares:  # the only derived figures: each share of the answered applications
        assert share.percent == round(100 * share.count / int(now.value("applications", "total", "total")))
        assert f"{share.label} {share.count}件（{share.percent}%）" in shown
    assert "较上年上升" in svg and "较上年下降" in svg  # applications up, items down: directions, no numbers
    text = tujie_text_html(h)
    for figure in (*h.documents, *h.decisions, *h.requests, *h.cases):
        assert f"{figure.label} {figure.value}" in text
    assert 'alt="' in text and "tujie.png" in text


def test_every_number_of_the_jiedu_is_the_reports(years):
    last, now = years
    blocks = jiedu_blocks(now, last)
    text = "".join(b.text for b in blocks)
    numbers = {Decimal(n) for n in NUMBER.findall(text)}
    assert numbers <= _allowed(now, highlights(now, last)), numbers - _allowed(now, highlights(now, last))
    assert blocks[0].text == f"关于《{now.display_title}》的解读"
    assert "收到申请数量较上年有所上升" in text and "较上年有所下降" in text
    from docx import Document

    doc = Document(BytesIO(jiedu_docx(now, last)))
    assert doc.paragraphs[0].text == blocks[0].text and doc.core_properties.author == now.unit.organ


@pytest.mark.slow
def test_the_picture_printed_in_the_kits_fonts(years, tmp_path):
    import pdfplumber
    from PIL import Image

    from kit.export.publish import Publisher

    last, now = years
    svg = tujie_svg(highlights(now, last), now.format)
    with Publisher() as publisher:
        png, pdf = publisher.graphic(svg)
    image = Image.open(BytesIO(png))
    height = int(re.search(r'height="(\d+)"', svg).group(1))
    assert image.size == (750, height)
    with pdfplumber.open(BytesIO(pdf)) as document:
        assert len(document.pages) == 1
        fonts = {c["fontname"].split("+")[-1] for c in document.pages[0].chars}
        text = document.pages[0].extract_text()
    assert fonts <= {"KitNotoSansSC-Regular", "KitNotoSansSC-Bold"}, fonts  # no fallback, no Type 3
    assert now.unit.organ in text.replace("\n", "")


@pytest.mark.slow
def test_kit_build_makes_them_with_the_report(tmp_path):
    import shutil

    shutil.copytree(ROOT / "params", tmp_path / "params")
    done = subprocess.run([sys.executable, "-m", "kit", "build", str(tmp_path / "params" / "襄垣县" / "下良镇" / "2021.yaml"),
                           "--to", "html,jiedu,tujie", "--out", str(tmp_path / "out")], capture_output=True, text=True,
                          cwd=tmp_path, timeout=300, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stdout + done.stderr
    folder = tmp_path / "out" / "襄垣县" / "下良镇" / "2021"
    assert {p.name for p in folder.iterdir()} >= {"report.html", "jiedu.html", "jiedu.docx", "tujie.png",
                                                   "tujie.svg", "tujie.pdf", "tujie.html"}
    assert (folder / "tujie.png").read_bytes().startswith(b"\x89PNG")
    wrong = subprocess.run([sys.executable, "-m", "kit", "build", "--to", "html,tujiee"], capture_output=True, text=True,
                           cwd=tmp_path, timeout=60, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert wrong.returncode == 2 and "tujie：图解" in wrong.stderr and "Traceback" not in wrong.stderr
