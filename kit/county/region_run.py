"""Making the summary above the county: ``<out>/<市或省>/<年>/region.{ipynb,html,pdf,docx}``.

The figures come from the county roll-ups (:mod:`kit.county.figures`); the notebook written
beside the HTML holds the same parts as display outputs, so reviewers can open it in Jupyter.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook, new_output

from kit.base.atomic import write_text
from kit.county.region import RegionYear, load_region, region_blocks, region_title
from kit.export.document import Document, publish
from kit.export.docx_fonts import embed_fonts
from kit.export.publish import Publisher
from kit.render.report_html import blocks_html
from kit.render.word import blocks_docx

DOC = '<div class="kit-doc kit-summary">{}</div>'
NOTEBOOK, HTML, PDF, DOCX = "region.ipynb", "region.html", "region.pdf", "region.docx"
NAMES = {"html": HTML, "pdf": PDF, "docx": DOCX}


@dataclass(frozen=True)
class RegionResult:
    data: RegionYear
    outputs: tuple[Path, ...]
    pdf_error: str | None = None


def region_notebook(data: RegionYear) -> nbformat.NotebookNode:
    html = blocks_html(region_blocks(data), DOC)
    source = (f"# {region_title(data.name, data.year)}：由 python -m kit region {data.name} {data.year} "
              "根据各县（区）汇总生成，请勿在此填写。")
    cell = new_code_cell(source, execution_count=1,
                         outputs=[new_output("display_data", data={"text/html": html, "text/plain": "<汇总>"})])
    nb = new_notebook(cells=[cell])
    nb.metadata.update({"language_info": {"name": "python"}, "title": region_title(data.name, data.year)})
    return nb


def build_region(name: str, year: int, params_dir: Path, out_root: Path, counties: list[str] | None = None,
                 formats: Iterable[str] = ("html", "pdf"), today: date | None = None,
                 publisher: Publisher | None = None) -> RegionResult:
    """Write the region's files through the one publishing path; RegionError / RollupError /
    NoFormatError (Chinese) when it cannot be made at all; a format that fails is said in
    ``pdf_error`` and leaves no file."""
    formats = tuple(formats)
    data = load_region(params_dir, name, year, counties, out_root, today)
    folder = out_root / name / str(year)
    nb = region_notebook(data)
    notebook = write_text(folder / NOTEBOOK, nbformat.writes(nb))
    title = region_title(name, year)
    document = Document(nb, folder, title, NAMES, formats, {"docx": lambda _: embed_fonts(blocks_docx(
        region_blocks(data), title=title, author=name, subject=title, keywords=f"{name}；{year}"))})
    with contextlib.ExitStack() as stack:
        published = publish(document, publisher or stack.enter_context(Publisher()))
    return RegionResult(data, (notebook, *published.outputs), "；".join(published.failures) or None)
