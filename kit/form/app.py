"""The clerk's app: the drafting form as a web page without code (Voilà), in Chinese.

``python -m kit app`` (:mod:`kit.cli.app`) starts Voilà on ``notebooks/app.ipynb``, whose one
cell calls :func:`clerk_app`. The server tells the kernel where the params and the outputs
are through environment variables; generated files open through Voilà's allow-listed file
route (``voila/files/…``, relative to the served folder), nothing else on disk is served.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from kit.form.report_form import ReportForm

#: Set by ``python -m kit app`` for the kernel of the app's notebook.
PARAMS_VAR, OUT_VAR, SERVED_VAR = "KIT_APP_PARAMS", "KIT_APP_OUTPUTS", "KIT_APP_SERVED"
FILES_ROUTE = "voila/files/"
#: Files the app may serve, relative to the served folder (the outputs folder): a report's
#: HTML, PDF and Word, nothing else (no params, notebooks or anything a clerk did not make).
ALLOWED = (r"[^/]+/[^/]+/\d{4}/report\.(html|pdf|docx)", r"[^/]+/[^/]+/\d{4}/report-pdfa\.pdf",
           r"[^/]+/[^/]+/\d{4}/jiedu\.(html|docx)", r"[^/]+/[^/]+/\d{4}/tujie\.(png|pdf)")
DENIED = (r".*(^|/)\..*",)  # hidden files and folders, whatever their name


def report_file_handler(base: type) -> type:
    """Voilà's allow-listed file handler, serving a file only when it is what its name says: a
    report.pdf a PDF, a report.docx a Word file, a report.html the kit's own page (the 解读 and
    图解 beside it alike: jiedu.html/.docx, tujie.png/.pdf; a params file
    copied there under such a name is refused), and never through a symbolic link."""
    from tornado.web import HTTPError

    class ReportFileHandler(base):
        def validate_absolute_path(self, root: str, absolute_path: str) -> str | None:
            path = super().validate_absolute_path(root, absolute_path)
            if path is None:
                return None
            if os.path.islink(path) or not _is_what_it_says(Path(path)):
                raise HTTPError(403, "not a report file")
            return path

    return ReportFileHandler


def _is_what_it_says(path: Path) -> bool:
    import zipfile

    with path.open("rb") as handle:
        head = handle.read(4096)
    if path.suffix == ".pdf":
        return head.startswith(b"%PDF")
    if path.suffix == ".png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if path.suffix == ".docx":
        try:
            with zipfile.ZipFile(path) as archive:
                return "word/document.xml" in archive.namelist()
        except (zipfile.BadZipFile, OSError):
            return False
    return path.suffix == ".html" and b'name="generator" content="kit_report"' in head


def file_href(served: Path):
    """The address of a generated file under ``served``, relative to the app's page."""
    def href(file: Path) -> str:
        relative = Path(os.path.relpath(file.resolve(), served.resolve())).as_posix()
        return FILES_ROUTE + quote(relative)
    return href


def clerk_app(params_dir: str | Path | None = None, out_root: str | Path | None = None,
              ) -> ReportForm:
    """The form, configured from the server's environment (or the arguments)."""
    params = Path(params_dir or os.environ.get(PARAMS_VAR) or "params")
    out = Path(out_root or os.environ.get(OUT_VAR) or params.resolve().parent / "outputs")
    served = Path(os.environ.get(SERVED_VAR) or out)
    form = ReportForm(params_dir=params, out_root=out, href=file_href(served))
    form.widget.add_class("kit-app")
    return form
