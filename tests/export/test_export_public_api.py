"""ReportHTMLExporter stands on nbconvert's public API: its filters come from
``default_filters()``, a report without images goes through ``TemplateExporter.from_notebook_node``
(no BeautifulSoup pass), one with images through ``HTMLExporter.from_notebook_node`` unchanged."""

from __future__ import annotations

import inspect

import lxml.html
import nbconvert.exporters.html as nbconvert_html
import pytest
from export_samples import PARAGRAPH, TITLE, display_cell
from nbformat.v4 import new_markdown_cell, new_notebook, new_output

from kit.export import html as kit_html
from kit.export.html import ReportHTMLExporter, has_images

PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


def _report() -> object:
    return new_notebook(cells=[display_cell(f"<h1>{TITLE}</h1><p>{PARAGRAPH}</p>")],
                        metadata={"language_info": {"name": "python"}})


def test_no_private_nbconvert_names_are_used():
    source = inspect.getsource(kit_html)
    for private in ("_nb_metadata", "WidgetsDataTypeFilter", "import bs4", "from bs4"):
        assert private not in source


def test_report_without_images_skips_the_soup_pass(monkeypatch):
    def refuse(*args, **kw):
        raise AssertionError("BeautifulSoup pass run for a report without images")

    monkeypatch.setattr(nbconvert_html, "BeautifulSoup", refuse)
    html, _ = ReportHTMLExporter().from_notebook_node(_report(), resources={"metadata": {"name": TITLE}})
    assert PARAGRAPH in html and '<html lang="zh-CN">' in html
    assert "print(" not in html  # no input, as before


def test_report_with_an_image_goes_through_htmlexporter():
    nb = _report()
    image = display_cell("<p>图解</p>")
    image.outputs = [new_output("display_data", data={"image/png": PNG, "text/plain": "<图>"})]
    nb.cells.append(image)
    assert has_images(nb)
    html, _ = ReportHTMLExporter().from_notebook_node(nb, resources={"metadata": {"name": TITLE}})
    # HTMLExporter's pass gave the image without alt text its placeholder
    assert 'alt="No description has been provided for this image"' in html
    assert PARAGRAPH in html


@pytest.mark.parametrize(("cell", "found"), [
    (new_markdown_cell("![图](a.png)"), True),
    (new_markdown_cell("正文<IMG src='a.png'>"), True),
    (display_cell('<p>图<img src="data:image/png;base64,AAAA" alt="图"></p>'), True),
    (new_markdown_cell("表二 主动公开政府信息情况"), False),
    (display_cell("<table><tr><td>0</td></tr></table>"), False),
])
def test_has_images(cell, found):
    assert has_images(new_notebook(cells=[cell])) is found


def test_same_text_either_way():
    """The fast path and HTMLExporter's own export print the same report."""
    nb = _report()
    exporter = ReportHTMLExporter()
    fast, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": TITLE}})
    full, _ = nbconvert_html.HTMLExporter.from_notebook_node(exporter, nb, resources={"metadata": {"name": TITLE}})
    assert _shape(fast) == _shape(full)


def _shape(html: str) -> tuple[str, list[tuple[str, tuple[str, ...]]]]:
    """The text and every element with its classes (attribute order and tabindex aside)."""
    tree = lxml.html.fromstring(html)
    body = tree.find("body")
    return (" ".join(body.text_content().split()),
            [(e.tag, tuple(sorted(e.get("class", "").split()))) for e in body.iter()])
