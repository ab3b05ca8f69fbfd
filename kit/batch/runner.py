"""Building one report: check the params file, run the template, export HTML and PDF.

:func:`build_one` is the unit of work a batch layer (worker processes, incremental skip,
Dask) calls per unit-year: it takes frozen inputs and returns a frozen :class:`JobResult`;
it never raises for a failing report. The only state it shares is a :class:`Publisher`
(exporter objects and one Chromium), passed in or kept once per process.
"""

from __future__ import annotations

import atexit
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from nbformat import NotebookNode

from kit.base.atomic import WriteError, ensure_folder
from kit.base.errors import KitError, user_message
from kit.base.problems import Problem
from kit.batch.companions import companions
from kit.batch.options import BuildOptions, JobResult, Status
from kit.batch.plan import BuildJob
from kit.export.document import Document, HtmlFailed, Maker, PdfSource, Staged, export_html, finish
from kit.export.manifest import Source, remove_files
from kit.export.print_many import MAX_GROUP
from kit.export.publish import Publisher
from kit.notebook.handoff import remove_checks, write_checks
from kit.notebook.run import TemplateError, execute_report
from kit.notebook.warm_kernel import execute_report_warm
from kit.params.model import ReportParams
from kit.params.outputs import NOTEBOOK, OUTPUT_NAMES
from kit.rules.draft import unrewritten
from kit.rules.validate import check_file, load_previous

EVERYTHING = tuple(OUTPUT_NAMES.values())
PUBLISHED_NAMES = {k: v for k, v in OUTPUT_NAMES.items() if k != "notebook"}


_PUBLISHERS: dict[tuple[str | None, str | None], Publisher] = {}


def process_publisher(options: BuildOptions) -> Publisher:
    """One Publisher per process and export settings, closed when the process exits."""
    key = (options.chromium, options.font_family)
    if key not in _PUBLISHERS:
        if not _PUBLISHERS:
            atexit.register(close_publishers)
        _PUBLISHERS[key] = Publisher(options.chromium, options.font_family)
    return _PUBLISHERS[key]


def close_publishers() -> None:
    while _PUBLISHERS:
        _PUBLISHERS.popitem()[1].close()


def build_one(job: BuildJob, options: BuildOptions, publisher: Publisher | None = None,
              ) -> JobResult:
    """Build one unit-year into ``job.out_dir``; every failure is reported in the result."""
    return build_group([job], options, publisher)[0]


def build_group(jobs: Sequence[BuildJob], options: BuildOptions,
                publisher: Publisher | None = None) -> list[JobResult]:
    """Build several unit-years, their PDFs printed together (``Publisher.pdf_many``).

    Each report is checked, run and exported to HTML on its own; then the PDFs of those that
    got that far are printed, up to MAX_GROUP in one Chromium print, and each report's files
    are written. A report's ``seconds`` counts its own steps and an equal share of its print."""
    publisher = publisher or process_publisher(options)
    staged = [_stage(job, options, publisher) for job in jobs]
    ready = [s for s in staged if isinstance(s, _Staged)]
    finished: dict[int, JobResult] = {}
    for at in range(0, len(ready), MAX_GROUP):
        batch = ready[at:at + MAX_GROUP]
        for s, pdf in zip(batch, _print(batch, options, publisher), strict=True):
            finished[id(s)] = s.finish(pdf)
    return [finished[id(s)] if isinstance(s, _Staged) else s for s in staged]


def _print(batch: list[_Staged], options: BuildOptions, publisher: Publisher,
           ) -> list[bytes | Exception | None]:
    """The PDF of each staged report (None when no PDF is asked for), or the error met."""
    if not {"pdf", "pdfa"} & set(options.formats):
        return [None] * len(batch)
    start = time.perf_counter()
    printed: list[bytes | Exception | None]
    try:
        printed = list(publisher.pdf_many([(s.html, s.job.out_dir) for s in batch]))
    except KitError as exc:  # no Chromium: every PDF fails with the same message
        printed = [exc] * len(batch)
    share = (time.perf_counter() - start) / len(batch)
    for s in batch:
        s.seconds += share
    return printed


class _Staged:
    """A report run and exported to HTML, waiting for its PDF."""

    def __init__(self, job: BuildJob, options: BuildOptions, problems: list[Problem],
                 staged: Staged, seconds: float) -> None:
        self.job, self.options, self.problems = job, options, problems
        self.staged, self.seconds = staged, seconds

    @property
    def html(self) -> str:
        return self.staged.html

    def finish(self, pdf: bytes | Exception | None) -> JobResult:
        """Write the PDF and the other outputs (:func:`kit.export.document.finish`)."""
        start = time.perf_counter()
        published = finish(self.staged, pdf)
        seconds = self.seconds + time.perf_counter() - start
        status: Status = "ok" if published.ok else "partial"
        return JobResult(self.job, status, (self.job.out_dir / NOTEBOOK, *published.outputs),
                         tuple(self.problems), seconds=seconds, draft=self.options.draft,
                         error="；".join(published.failures) or None)


def report_document(job: BuildJob, options: BuildOptions, params: ReportParams, nb: NotebookNode,
                    publisher: Publisher | None = None) -> Document:
    """The report as a document of the one publishing path: report.html, .pdf, -pdfa.pdf,
    .docx and .fragment.html from the executed notebook and the params."""

    def pdfa(pdf: PdfSource) -> bytes:
        from kit.export.pdfa import archival_copy  # lazy, as the others: only when asked for

        return archival_copy(pdf(), params.display_title, params.unit.organ)

    def docx(_: PdfSource) -> bytes:
        from kit.export.docx_fonts import embed_fonts
        from kit.render.word import report_docx

        return embed_fonts(report_docx(params, draft=options.draft))

    def fragment(_: PdfSource) -> str:
        from kit.render.fragment import fragment_html

        return fragment_html(params, draft=options.draft)

    makers: dict[str, Maker] = {"pdfa": pdfa, "docx": docx, "fragment": fragment}
    if any(f.startswith(("jiedu", "tujie")) for f in options.formats):
        makers |= companions(params, load_previous(job.params_path), publisher)
    return Document(nb, job.out_dir, params.display_title, PUBLISHED_NAMES, tuple(options.formats), makers,
                    Source(job.params_path, options.draft))


def _stage(job: BuildJob, options: BuildOptions, publisher: Publisher) -> JobResult | _Staged:
    """Check, run and export to HTML: a final result if the report stops here."""
    start = time.perf_counter()

    def result(status: Status, outputs: Iterable[Path] = (), **kw: object) -> JobResult:
        return JobResult(job, status, tuple(outputs), tuple(problems),
                         seconds=time.perf_counter() - start, draft=options.draft,
                         **kw)  # type: ignore[arg-type]

    params, problems = check_file(job.params_path)
    errors = [p for p in problems if p.is_error]
    if params is None or (errors and not options.draft):
        stuck = remove_files(job.out_dir, EVERYTHING)
        return result("invalid", error=f"参数文件有 {len(errors)} 个错误，未生成报告。{stuck}")
    marks = unrewritten(problems)
    if marks and not options.draft:
        stuck = remove_files(job.out_dir, EVERYTHING)  # no earlier output may pass for this year's
        return result("draft", error=f"报告仍是草稿：{len(marks)} 处文字尚未按本年度改写，未生成报告。{stuck}")
    parameters: dict[str, object] = {"county": job.county, "unit": job.unit, "year": job.year,
                                     "params_dir": str(job.params_dir.resolve())}
    if options.draft:
        parameters["draft"] = True
    notebook = job.out_dir / NOTEBOOK
    try:
        ensure_folder(job.out_dir)
        write_checks(job.out_dir, job.params_path, problems)  # the kernel validates no more
        run = execute_report_warm if options.reuse_kernel else execute_report
        nb, failure = run(options.template, parameters, notebook, cwd=job.out_dir.resolve(),
                          kernel_name=options.kernel_name, timeout=options.timeout)
    except (TemplateError, WriteError, ValueError) as exc:
        return result("failed", error=user_message(exc))
    finally:
        remove_checks(job.out_dir)
    if nb is None or failure is not None:
        kept = failure is not None and failure.notebook_kept
        stuck = remove_files(job.out_dir, EVERYTHING[1:] if kept else EVERYTHING)
        return result("failed", [notebook] if kept else [],
                      error=(failure.error if failure else "笔记本未运行完。") + stuck,
                      failed_cell=(failure.cell or None) if failure else None)

    try:
        staged = export_html(report_document(job, options, params, nb, publisher), publisher)
    except HtmlFailed as exc:
        return result("partial", [notebook], error=str(exc))
    return _Staged(job, options, problems, staged, time.perf_counter() - start)
