"""Prose that looks like HTML, script or a Markdown link stays text: notebook, HTML, browser, PDF."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator

import nbformat
import pytest
from bs4 import BeautifulSoup
from build_helpers import EXAMPLE, HOSTILE, XIALIANG

pytestmark = pytest.mark.slow

LITERALS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[点我](javascript:alert(1))",
    '<a href="javascript:alert(2)">链接</a> & <b>粗体</b>',
    "<style>body{display:none}</style>样式也只是文字。",
    "<svg onload=alert(4)>",
    "</div></main><script>alert(5)</script>",
    '</title><script>alert("title")</script>',
    "{{ 7*7 }} {% raw %} ${alert(3)}",
]
ALLOWED_SCHEMES = ("file:", "data:", "about:")


def test_notebook_outputs_show_the_text_escaped(built):
    nb = nbformat.read(built.folder(HOSTILE) / "report.ipynb", as_version=4)
    report_cells = [c for c in nb.cells if c.cell_type == "code"
                    and "review-only" not in c.metadata.get("tags", [])]
    html = "".join(o["data"]["text/html"] for c in report_cells
                   for o in c.outputs if "text/html" in o.get("data", {}))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "[点我](javascript:alert(1))" in html
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(["script", "img", "svg", "iframe", "style", "a", "b"])
    text = soup.get_text()
    for literal in LITERALS:
        assert literal in text


def test_html_has_the_text_and_no_executable_element(built):
    html = (built.folder(HOSTILE) / "report.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.body is not None
    assert not soup.find_all(["script", "iframe", "img", "svg", "object", "embed", "a"])
    assert not soup.body.find_all("style")
    assert not [tag for tag in soup.find_all(True) if any(a.startswith("on") for a in tag.attrs)]
    text = soup.body.get_text()
    for literal in LITERALS:
        assert literal in text, literal
    assert soup.title is not None and '<script>alert("title")</script>' in soup.title.get_text()


def test_pdf_prints_the_text(built):
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    text = subprocess.run(["pdftotext", str(built.folder(HOSTILE) / "report.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    for literal in ("<script>alert(1)</script>", "<imgsrc=xonerror=alert(1)>",
                    "[点我](javascript:alert(1))"):
        assert literal in flat


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=chromium)
        yield instance
        instance.close()


@pytest.mark.browser
def test_chromium_fires_no_dialog_and_shows_the_text(built, browser):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto((built.folder(HOSTILE) / "report.html").as_uri(), wait_until="load")
    page.wait_for_timeout(300)
    shown = page.inner_text("body")
    page.close()
    assert dialogs == []
    for literal in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                    "[点我](javascript:alert(1))", "<svg onload=alert(4)>"):
        assert literal in shown


@pytest.mark.browser
@pytest.mark.parametrize("params_file", [XIALIANG, EXAMPLE, HOSTILE], ids=["下良镇", "示例镇", "注入镇"])
def test_html_requests_nothing_from_another_host(built, browser, params_file):
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((built.folder(params_file) / "report.html").as_uri(), wait_until="networkidle")
    page.evaluate("() => document.fonts.ready.then(() => true)")
    visible = page.is_visible("h1.kit-title")
    context.close()
    foreign = [url for url in requests if not url.startswith(ALLOWED_SCHEMES)]
    assert foreign == []
    assert visible
