"""The one publishing path: an executed notebook → HTML → PDF → Word (and the other formats).

The report (:mod:`kit.batch.runner`), the county summary (:mod:`kit.county.run`) and the
region summary (:mod:`kit.county.region_run`) all publish through here:

1. :func:`export_html` makes the HTML of the notebook (and writes it when asked); when that
   fails nothing of the document is left that would look current, and the KitError says why;
2. the PDF is printed: one by one in :func:`publish`, or a batch's reports together
   (:meth:`kit.export.publish.Publisher.pdf_many`) between the two steps;
3. :func:`finish` writes the PDF and every other format in the order of
   :data:`kit.params.outputs.FORMATS`; a format that fails leaves no file and one Chinese
   line in :attr:`Published.failures`, and the others are still written; then the folder's
   manifest (:mod:`kit.export.manifest`) records them and removes any earlier file of the
   document that was not made from the same source, so nothing stale is left beside them.

Every exception becomes words through :func:`kit.base.errors.user_message`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from nbformat import NotebookNode

from kit.base.atomic import write_bytes, write_text
from kit.base.errors import KitError, user_message
from kit.export.errors import KitExportError
from kit.export.manifest import Source, remove_files, settle
from kit.export.publish import Publisher
from kit.params.outputs import FORMATS, LABELS

PdfSource = Callable[[], bytes]  # the document's PDF (raises the error met when printing it)
Maker = Callable[[PdfSource], bytes | str]  # a format's content, given the PDF where it needs it
PRINTED = ("pdf", "pdfa")  # formats that need the printed PDF


class HtmlFailed(KitError):
    """The HTML could not be made or written: nothing else of the document was published."""


@dataclass
class Document:
    """What to publish: the executed notebook, where, under which names, in which formats."""

    nb: NotebookNode
    folder: Path
    title: str
    names: Mapping[str, str]  # format → file name in ``folder`` ("html", "pdf", "docx", …)
    formats: tuple[str, ...] = ("html", "pdf")
    makers: Mapping[str, Maker] = field(default_factory=dict)  # formats other than html and pdf
    source: Source = field(default_factory=Source)  # what the files are made from (a report: its params file)

    def path(self, fmt: str) -> Path:
        return self.folder / self.names[fmt]

    @property
    def needs_pdf(self) -> bool:
        return any(f in self.formats for f in PRINTED)

    def remove(self, formats: tuple[str, ...]) -> str:
        """A failed step leaves no earlier file of these formats that would look current; what
        cannot be removed (locked, immutable) is said in the returned Chinese text."""
        return remove_files(self.folder, [self.names[f] for f in formats if f in self.names])


@dataclass
class Staged:
    """A document exported to HTML, waiting for its PDF."""

    document: Document
    html: str
    outputs: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class Published:
    outputs: tuple[Path, ...]
    failures: tuple[str, ...] = ()  # Chinese, one line per format that was not written

    @property
    def ok(self) -> bool:
        return not self.failures


def export_html(document: Document, publisher: Publisher) -> Staged:
    """The document's HTML, written when ``"html"`` is among its formats; HtmlFailed otherwise."""
    try:
        html = publisher.html(document.nb, document.folder, document.title)
        written = [write_text(document.path("html"), html)] if "html" in document.formats else []
    except Exception as exc:
        stuck = document.remove(tuple(document.names))
        raise HtmlFailed(f"导出 HTML 失败：{user_message(exc)}{stuck}") from exc
    return Staged(document, html, written)


def finish(staged: Staged, pdf: bytes | Exception | None) -> Published:
    """Write the PDF (``pdf``: its bytes, or the error met printing it) and the other formats."""
    document = staged.document

    def pdf_bytes() -> bytes:
        if isinstance(pdf, Exception):
            raise pdf
        if pdf is None:
            raise KitExportError("PDF 未能排版。请再生成一次。")
        return pdf

    makers: dict[str, Maker] = {"pdf": lambda source: source(), **document.makers}
    outputs, failures = list(staged.outputs), []
    for fmt in _order(document.formats):
        if fmt not in makers:
            continue
        path = document.path(fmt)
        try:
            content = makers[fmt](pdf_bytes)
            outputs.append(write_text(path, content) if isinstance(content, str) else write_bytes(path, content))
        except Exception as exc:
            stuck = document.remove((fmt,))
            failures.append(f"{LABELS.get(fmt, fmt)} 未生成：{user_message(exc)}{stuck}")
    try:
        stale = settle(document.folder, document.names.values(), outputs, document.source)
    except Exception as exc:  # the files are written; only their record failed
        stale = f"发布记录未能写入：{user_message(exc)}"
    if stale:
        failures.append(stale)
    return Published(tuple(outputs), tuple(failures))


def publish(document: Document, publisher: Publisher) -> Published:
    """HTML, then the PDF printed on its own, then the other formats; raises HtmlFailed only."""
    staged = export_html(document, publisher)
    pdf: bytes | Exception | None = None
    if document.needs_pdf:
        try:
            pdf = publisher.pdf_bytes(staged.html, document.folder)
        except Exception as exc:  # every format that needs it says why
            pdf = exc
    return finish(staged, pdf)


def _order(formats: tuple[str, ...]) -> list[str]:
    """The formats after html, in the kit's order (unknown ones last, as given)."""
    known = [f for f in FORMATS if f in formats and f != "html"]
    return known + [f for f in formats if f not in FORMATS]
