"""The portal fragment: body only, inline styles, sanitised, bordered tables, text in order."""

from __future__ import annotations

import sys
from pathlib import Path

from bs4 import BeautifulSoup

from kit.params.loader import load_params
from kit.render.fragment import fragment_html

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS / "reports"))
from build_helpers import FIXTURES, HOSTILE, XIALIANG, normalize  # noqa: E402
from test_build_reference import missing_in_order, reference_tokens  # noqa: E402


def fragment(path: Path) -> str:
    params, _ = load_params(path)
    assert params is not None
    return fragment_html(params)


def test_no_style_blocks_scripts_or_classes_and_every_table_bordered():
    html = fragment(XIALIANG)
    assert "<style" not in html and "<script" not in html and "class=" not in html
    assert "var(--" not in html and "<html" not in html and "<body" not in html
    soup = BeautifulSoup(html, "html.parser")
    tables = soup.find_all("table")
    assert len(tables) == 3
    for table in tables:
        assert "border" in table["style"] and "collapse" in table["style"]
        assert all("border: 1px solid" in cell["style"] for cell in table.find_all(["th", "td"]))
    assert soup.find("th", attrs={"rowspan": "22"}).get_text() == "三、本年度办理结果"
    assert soup.find("h1")["style"].count("font-size") == 1


def test_the_reference_text_in_order():
    tokens, header = reference_tokens((FIXTURES / "xialiang-2021.txt").read_text(encoding="utf-8"))
    text = normalize(BeautifulSoup(fragment(XIALIANG), "html.parser").get_text())
    assert missing_in_order(tokens, text) == []
    assert all(label in text for label in header)


def test_hostile_prose_stays_text():
    html = fragment(HOSTILE)
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(["script", "img", "iframe", "svg", "a", "style"])
    assert not any(attr.startswith("on") for tag in soup.find_all(True) for attr in tag.attrs)
    assert "&lt;script&gt;" in html and "javascript:" not in str(soup.find_all(href=True))
