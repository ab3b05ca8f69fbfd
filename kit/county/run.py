"""Making the county roll-up: summary notebook, HTML, PDF and review.zip for one county-year.

Runs ``notebooks/summary.ipynb`` with papermill, exports it with the kit's HTML exporter and
prints it with :class:`kit.export.pdf.PdfPrinter`, into ``outputs/<县>/<年>/summary.*``, then
writes ``outputs/<县>/<年>/review.zip`` (:mod:`kit.county.bundle`). ``kit build`` calls
:func:`build_summary` when it has built every township of a county for a year.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nbformat import NotebookNode

from kit.base.atomic import write_bytes, write_text
from kit.county.bundle import DOCX, HTML, NOTEBOOK, PDF, TEMPLATE, summary_dir, write_bundle
from kit.county.figures import save_figures
from kit.county.rollup import CountyYear, RollupError, load_county
from kit.county.summary import Summary, summary_title
from kit.export.html import ReportHTMLExporter
from kit.export.pdf import PdfPrinter
from kit.formats import NoFormatError
from kit.notebook.run import TemplateError, execute_report
from kit.render.word import blocks_docx


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
                  formats: Iterable[str] = ("html", "pdf"), printer: Any = None,
                  bundle: bool = True) -> SummaryResult:
    """Make ``<out_root>/<县>/<年>/summary.{ipynb,html,pdf}`` and ``review.zip``; never raises
    for a failing step. ``printer`` is a :class:`kit.export.pdf.PdfPrinter` (or a
    :class:`kit.export.publish.Publisher`) to reuse; when None and "pdf" is in ``formats``, one is
    opened and closed here."""
    formats = tuple(formats)
    out_dir = summary_dir(out_root, county, year)
    try:
        data = load_county(params_dir, county, year)
    except (RollupError, NoFormatError) as exc:
        return SummaryResult(county, year, error=str(exc))
    base = {"errors": sum(e.errors for e in data.entries), "missing": tuple(data.missing)}
    nb, failure = run_notebook(county, year, params_dir, out_dir)
    if nb is None:
        for name in (HTML, PDF):
            (out_dir / name).unlink(missing_ok=True)
        kept = (out_dir / NOTEBOOK,) if (out_dir / NOTEBOOK).is_file() else ()
        return SummaryResult(county, year, kept, error=failure, **base)
    outputs = [out_dir / NOTEBOOK]
    title = summary_title(county, year)
    try:
        html, _ = ReportHTMLExporter().from_notebook_node(
            nb, resources={"metadata": {"name": title, "path": str(out_dir)}})
        outputs.append(write_text(out_dir / HTML, html))
    except Exception as exc:
        for name in (HTML, PDF):
            (out_dir / name).unlink(missing_ok=True)
        return SummaryResult(county, year, tuple(outputs), **base,
                             error=f"导出汇总 HTML 失败（{type(exc).__name__}: {exc}）。")
    pdf_error = None
    if "pdf" in formats:
        try:
            outputs.append(_print(html, out_dir / PDF, printer))
        except Exception as exc:  # KitExportError / BrowserUnavailable carry Chinese messages
            (out_dir / PDF).unlink(missing_ok=True)
            pdf_error = f"汇总 PDF 未生成：{exc}"
    if "docx" in formats:
        try:
            outputs.append(write_bytes(out_dir / DOCX, summary_docx(data)))
        except Exception as exc:  # WriteError carries a Chinese message
            (out_dir / DOCX).unlink(missing_ok=True)
            pdf_error = (pdf_error + "；" if pdf_error else "") + f"汇总 Word 未生成：{exc}"
    outputs.append(save_figures(data, out_root))  # for the 市/省 summary (kit region)
    if bundle:
        outputs.append(write_bundle(county, year, params_dir, out_root, data))
    return SummaryResult(county, year, tuple(outputs), pdf_error=pdf_error, **base)


def summary_docx(data: CountyYear) -> bytes:
    """The roll-up for readers as Word: the same blocks as the summary notebook shows."""
    summary = Summary(data, {})
    return blocks_docx(summary.blocks(), title=summary.title_text, author=data.county,
                       subject=summary.title_text, keywords=f"{data.county}；{data.year}")


def _print(html: str, path: Path, printer: Any) -> Path:
    if printer is not None and hasattr(printer, "print_html"):  # a PdfPrinter
        return printer.print_html(html, path, base_url=path.parent)
    if printer is not None:  # a kit.export.publish.Publisher
        return printer.write_pdf(html, path)
    with PdfPrinter() as own:
        return own.print_html(html, path, base_url=path.parent)


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
