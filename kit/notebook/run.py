"""Run the template notebook for one unit-year with papermill's Python API.

The parameters are injected by the kit (readable Chinese, checked types), then papermill
executes the notebook. The executed notebook is always written atomically to its final
place, also when a cell failed: papermill's error marker cells stay in it, so opening
``report.ipynb`` shows where and why it stopped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

import nbformat
import papermill
from nbformat import NotebookNode
from papermill.exceptions import PapermillExecutionError

from kit.base.atomic import WriteError, atomic_target
from kit.base.errors import KitError, user_message
from kit.notebook.parameters import inject_parameters
from kit.notebook.template import DEFAULT_TEMPLATE, KERNEL

#: A report's kernel logs only errors and keeps no input history: IPython's history is an
#: SQLite file shared by every kernel of the user, written after each cell (and at each
#: reset of a warm kernel), which a batch of reports does not need.
QUIET_IPYKERNEL = ["--IPKernelApp.log_level=ERROR", "--HistoryManager.enabled=False"]


@dataclass(frozen=True)
class CellFailure:
    """Why a run stopped: which cell (prompt and last line; '' if none) and the error."""

    cell: str
    error: str
    notebook_kept: bool = False  # the executed notebook, with papermill's error markers, was written


class TemplateError(KitError):
    """The template notebook is missing or unreadable (Chinese message naming the fix)."""


def load_template(path: Path) -> NotebookNode:
    """The template notebook, read once per process (and again when the file changes)."""
    try:
        stat = path.stat()
    except OSError as exc:
        msg = f"找不到模板笔记本 {path}。请检查 --template 参数，默认模板是 {DEFAULT_TEMPLATE}。"
        raise TemplateError(msg) from exc
    return _read_template(path.resolve(), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _read_template(path: Path, mtime_ns: int, size: int) -> NotebookNode:
    try:
        return nbformat.read(path, as_version=4)
    except Exception as exc:
        msg = f"模板笔记本 {path} 无法读取（{type(exc).__name__}: {exc}）。请恢复该文件。"
        raise TemplateError(msg) from exc


Execute = Callable[[NotebookNode, Path], None]  # run papermill on a notebook into a path


def execute_report(template: Path, parameters: dict[str, object], out_path: Path, *,
                   cwd: Path, kernel_name: str = KERNEL, timeout: int | None = None,
                   execute: Execute | None = None, on_abort: Callable[[], None] | None = None,
                   ) -> tuple[NotebookNode | None, CellFailure | None]:
    """Execute the template with ``parameters``; write the executed notebook to ``out_path``.

    ``execute`` runs papermill (default: a fresh kernel per notebook); ``on_abort`` is called
    when the run ends other than by finishing or by a cell error (e.g. to drop a warm kernel).
    Returns ``(notebook, None)`` on success and ``(None, failure)`` when a cell raised or
    the kernel could not run. Raises TemplateError and ParameterError before starting.
    """
    nb = inject_parameters(load_template(template), parameters)
    if execute is None:
        execute = partial(_fresh_kernel, kernel_name=kernel_name, cwd=cwd, timeout=timeout)
    failure: CellFailure | None = None
    try:
        with atomic_target(out_path, suffix=".ipynb") as tmp:
            try:
                execute(nb, tmp)
            except PapermillExecutionError as exc:  # papermill wrote tmp with its error markers
                failure = CellFailure(_describe_cell(exc.exec_count, exc.source),
                                      f"{exc.ename}: {exc.evalue}".rstrip(": "), notebook_kept=True)
            executed = nbformat.read(tmp, as_version=4)
            # papermill records the input notebook itself when given a node; name the template.
            executed.metadata.setdefault("papermill", {})["input_path"] = str(template)
            nbformat.write(executed, tmp)
    except WriteError as exc:  # the output place is blocked (a file or folder in the way)
        return None, CellFailure("", str(exc))
    except OSError as exc:  # a full disk, a read-only folder: said in Chinese
        if on_abort is not None:
            on_abort()
        return None, CellFailure("", f"笔记本无法运行：{user_message(exc)}")
    except Exception as exc:  # the kernel died, did not start, or timed out: nothing written
        if on_abort is not None:
            on_abort()
        first = str(exc).strip().splitlines()
        return None, CellFailure("", f"笔记本无法运行（{type(exc).__name__}: {first[0] if first else ''}）。"
                                     "请确认已运行 ./dev.sh setup（Jupyter 内核 python3）后重试。")
    except BaseException:  # interrupted
        if on_abort is not None:
            on_abort()
        raise
    return (None, failure) if failure else (executed, None)


#: Seconds a fresh kernel gets to answer before it is started once more, then the last try's.
#: A kernel that lost one of its ports to another process between jupyter_client choosing it
#: and the kernel binding it prints "Address already in use" and hangs instead of exiting.
START_TRIES = (20, 60)


def _fresh_kernel(nb: NotebookNode, out: Path, *, kernel_name: str, cwd: Path,
                  timeout: int | None) -> None:
    for start_timeout in START_TRIES:
        try:
            papermill.execute_notebook(
                nb, str(out), kernel_name=kernel_name, language="python", cwd=str(cwd),
                progress_bar=False, request_save_on_cell_execute=False,
                shutdown_kernel="immediate", execution_timeout=timeout,
                start_timeout=start_timeout,
                # ipykernel 7 warns on every start that it uses TCP without encryption.
                extra_arguments=QUIET_IPYKERNEL if kernel_name.startswith("python") else [])
            return
        except RuntimeError as exc:  # jupyter_client: "Kernel didn't respond in N seconds"
            if "didn't respond" not in str(exc) or start_timeout == START_TRIES[-1]:
                raise


def _describe_cell(exec_count: int | None, source: str) -> str:
    """``In [3] report = open_report(...)``: the prompt and the cell's last line."""
    lines = [line for line in source.splitlines() if line.strip()]
    last = lines[-1].strip() if lines else ""
    return f"In [{exec_count}] {last}" if exec_count is not None else last
