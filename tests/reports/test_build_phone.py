"""The published HTML and the portal fragment on a 390 px phone and a 1366 px desktop, in
headless Chromium: the page never scrolls sideways, wide tables scroll inside their own box,
and no label spills out of its cell."""

from __future__ import annotations

import shutil

import pytest
from build_helpers import EXAMPLE, XIALIANG

from kit.export.browser import find_chromium

pytestmark = [pytest.mark.slow, pytest.mark.browser,
              pytest.mark.skipif(shutil.which("chromium") is None, reason="needs chromium")]
MEASURE = """() => ({
  page: document.documentElement.scrollWidth,
  view: window.innerWidth,
  spill: [...document.querySelectorAll('table th')]
    .filter(th => th.scrollWidth > th.clientWidth + 1).map(th => th.textContent.slice(0, 12)),
  boxes: [...document.querySelectorAll('table')].map(t => t.parentElement)
    .map(w => w.scrollWidth > w.clientWidth),
})"""


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(find_chromium()), args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("name", ["report.html", "report.fragment.html"])
@pytest.mark.parametrize("params_file", [XIALIANG, EXAMPLE], ids=["下良镇", "示例镇"])
def test_no_sideways_page_and_no_spilled_label(built, browser, params_file, name, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    try:
        page.goto((built.folder(params_file) / name).as_uri())
        found = page.evaluate(MEASURE)
    finally:
        page.close()
    assert found["page"] <= found["view"], found  # the page itself never scrolls sideways
    assert found["spill"] == [], found
    assert len(found["boxes"]) == 3
    if width == 390 and name == "report.html":
        assert any(found["boxes"])  # Table 三 and 四 scroll inside their own boxes


SWIPED = """() => {
  const wrap = document.querySelector('.kit-table-applications').parentElement;
  wrap.scrollLeft = wrap.scrollWidth;
  const box = wrap.getBoundingClientRect();
  const row = [...wrap.querySelectorAll('tbody tr')].find(r => r.textContent.includes('（一）予以公开'));
  const label = [...row.cells].find(c => c.textContent.includes('（一）予以公开')).getBoundingClientRect();
  const last = row.cells[row.cells.length - 1].getBoundingClientRect();
  const cue = w => getComputedStyle(w, '::before').content;
  return {scrolled: wrap.scrollLeft, inside: label.left >= box.left - 1 && label.right <= box.right + 1,
          lastShown: last.right <= box.right + 1 && last.left >= label.right - 1,
          cues: [...document.querySelectorAll('.kit-table-wrap')].map(cue)};
}"""


@pytest.mark.parametrize("width", [390, 1366])
def test_table_three_swiped_on_a_phone_keeps_its_labels_and_says_it_can_be_swiped(built, browser, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    try:
        page.goto((built.folder(XIALIANG) / "report.html").as_uri())
        found = page.evaluate(SWIPED)
    finally:
        page.close()
    if width == 1366:  # nothing to swipe, nothing said
        assert found["scrolled"] == 0 and set(found["cues"]) == {"none"}, found
        return
    assert found["scrolled"] > 0 and found["inside"] and found["lastShown"], found
    assert all("左右滑动" in cue for cue in found["cues"]), found  # 表二, 表三 and 表四 at 390 px
