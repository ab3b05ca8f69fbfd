"""The county roll-up's HTML on a 390 px phone and a 1366 px desktop, in headless Chromium:
the page never scrolls sideways (roster, overview and summed tables scroll in their own boxes)
and the roster's explanations stay inside the page box."""

from __future__ import annotations

import shutil

import pytest
from county_helpers import FIXTURES

from kit.county.run import build_summary
from kit.export.browser import find_chromium

pytestmark = [pytest.mark.slow, pytest.mark.browser,
              pytest.mark.skipif(shutil.which("chromium") is None, reason="needs chromium")]
MEASURE = """() => ({
  page: document.documentElement.scrollWidth,
  view: window.innerWidth,
  doc: document.querySelector('.kit-summary').getBoundingClientRect().right,
  roster: document.querySelector('.kit-roster').getBoundingClientRect().right,
  wrapped: [...document.querySelectorAll('table.kit-table')].every(t => t.parentElement.classList.contains('kit-table-wrap')),
  marks: document.querySelectorAll('mark').length,
})"""


@pytest.fixture(scope="module")
def summary_html(tmp_path_factory):
    out = tmp_path_factory.mktemp("desk")
    result = build_summary("仿真县", 2022, FIXTURES / "desk" / "params", out, ("html",), bundle=False)
    assert result.error is None, result.error
    return out / "仿真县" / "2022" / "summary.html"


@pytest.mark.parametrize("width", [390, 1366])
def test_no_sideways_page(summary_html, width):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(find_chromium()), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": width, "height": 800})
        page.goto(summary_html.as_uri())
        found = page.evaluate(MEASURE)
        browser.close()
    assert found["page"] <= found["view"], found
    assert found["wrapped"] and 1 <= found["marks"] <= 5, found  # the longest shared passages
    if width == 1366:
        assert found["roster"] <= found["doc"] + 1, found  # the roster stays in the page box
