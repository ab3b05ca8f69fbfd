"""Making the county roll-up: summary notebook, HTML, PDF and review.zip for one county-year.

Runs ``notebooks/summary.ipynb`` with papermill and publishes it through the one publishing
path (:mod:`kit.export.document`: HTML, PDF, Word) into ``outputs/<县>/<年>/summary.*``, then
writes ``outputs/<县>/<年>/review.zip`` (:mod:`kit.county.bundle`). ``kit build`` calls
:func:`build_summary` when it has built every township of a county for a year.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from nbformat import NotebookNode

from kit.county.bundle import DOCX, HTML, NOTEBOOK, PDF, TEMPLATE, summary_dir, write_bundle
from kit.county.desk_blocks import unit_word
from kit.county.figures import save_figures
from kit.county.rollup import CountyYear, RollupError, load_county
from kit.county.summary import Summary, summary_title
from kit.export.document import Document, HtmlFailed, publish
from kit.export.docx_fonts import embed_fonts
from kit.export.publish import Publisher
from kit.formats import NoFormatError
from kit.notebook.run import TemplateError, execute_report
from kit.render.word import blocks_docx

NAMES = {"html": HTML, "pdf": PDF, "docx": DOCX}


@dataclass(frozen=True)
class SummaryResult:
    county: str
    year: int
    outputs: tuple[Path, ...] = ()
    error: str | None = None  # Chinese: the roll-up could not be made (no HTML)
    pdf_error: str | None = None  # Chinese: HTML written, PDF not
    errors: int = 0  # 错误 found in the townships' params files
    missing: tuple[str, ...] = ()  # known townships without a file for the year

    @property
    def ok(self) -> bool:
        return self.error is None and self.pdf_error is None


def run_notebook(county: str, year: int, params_dir: Path, out_dir: Path,
                 template: Path = TEMPLATE, timeout: int | None = 600,
                 ) -> tuple[NotebookNode | None, str | None]:
    """Execute the summary template into ``out_dir/summary.ipynb`` through the same runner as
    the reports (readable injected parameters; written atomically, also when a cell fails, so
    the error can be read there). Returns (notebook, None) or (None, why)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    parameters = {"county": county, "year": year, "params_dir": str(params_dir.resolve())}
    try:
        nb, failure = execute_report(template, parameters, out_dir / NOTEBOOK,
                                     cwd=out_dir.resolve(), timeout=timeout)
    except (TemplateError, ValueError) as exc:
        return None, str(exc)
    if failure is None:
        return nb, None
    if not failure.notebook_kept:
        return None, failure.error
    return None, f"汇总笔记本运行到单元格 {failure.cell} 时出错：{failure.error}"


def build_summary(county: str, year: int, params_dir: Path, out_root: Path,
                  formats: Iterable[str] = ("html", "pdf"), publisher: Publisher | None = None,
                  bundle: bool = True) -> SummaryResult:
    """Make ``<out_root>/<县>/<年>/summary.{ipynb,html,pdf,docx}`` and ``review.zip``; never
    raises for a failing step. The notebook is published through the one publishing path
    (:func:`kit.export.document.publish`) with ``publisher`` (one is opened and closed here
    when None)."""
    formats = tuple(formats)
    out_dir = summary_dir(out_root, county, year)
    try:
        data = load_county(params_dir, county, year)
    except (RollupError, NoFormatError) as exc:
        return SummaryResult(county, year, error=str(exc))
    errors, missing = sum(e.errors for e in data.entries), tuple(data.missing)
    nb, failure = run_notebook(county, year, params_dir, out_dir)
    if nb is None:
        for name in (HTML, PDF, DOCX):
            (out_dir / name).unlink(missing_ok=True)
        kept = (out_dir / NOTEBOOK,) if (out_dir / NOTEBOOK).is_file() else ()
        return SummaryResult(county, year, kept, error=failure, errors=errors, missing=missing)
    document = Document(nb, out_dir, summary_title(county, year, unit_word(data)), NAMES, formats,
                        {"docx": lambda _: embed_fonts(summary_docx(data))})
    try:
        with contextlib.ExitStack() as stack:
            own = publisher or stack.enter_context(Publisher())
            published = publish(document, own)
    except HtmlFailed as exc:
        return SummaryResult(county, year, (out_dir / NOTEBOOK,), error=str(exc), errors=errors,
                             missing=missing)
    outputs = [out_dir / NOTEBOOK, *published.outputs]
    outputs.append(save_figures(data, out_root))  # for the 市/省 summary (kit region)
    if bundle:
        outputs.append(write_bundle(county, year, params_dir, out_root, data))
    failed = "；".join(f"汇总 {line}" for line in published.failures) or None
    return SummaryResult(county, year, tuple(outputs), pdf_error=failed, errors=errors, missing=missing)


def summary_docx(data: CountyYear) -> bytes:
    """The roll-up for readers as Word: the same blocks as the summary notebook shows."""
    summary = Summary(data, {})
    return blocks_docx(summary.blocks(), title=summary.title_text, author=data.county,
                       subject=summary.title_text, keywords=f"{data.county}；{data.year}")


def format_summary_result(result: SummaryResult) -> str:
    """What a run printed, in Chinese: files written, missing townships, failures and errors."""
    head = f"[县级汇总] {result.county} {result.year} 年度"
    if result.error:
        kept = f"（出错的笔记本已保留：{result.outputs[0]}）" if result.outputs else ""
        return f"{head}：未生成。{result.error}{kept}"
    lines = [f"{head}：{'、'.join(str(p) for p in result.outputs)}"]
    if result.missing:
        lines.append(f"    缺少 {result.year} 年度参数文件的乡镇：{'、'.join(result.missing)}（已在汇总中列出）。")
    if result.pdf_error:
        lines.append(f"    {result.pdf_error}")
    if result.errors:
        lines.append(f"    各乡镇参数文件共有 {result.errors} 个错误，详见汇总概况表和 review.zip 中的 "
                     "checks.txt。有错误的报告不能发布。")
    return "\n".join(lines)
