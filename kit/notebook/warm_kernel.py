"""Run the template notebook on a kernel kept alive across reports (one per worker thread).

Starting a kernel and importing pandas and the kit in it costs about 1 s per report; a batch
of 40 townships pays it once per worker instead. Before each report the kernel's namespace
is reset (``InteractiveShell.reset(new_session=True)``: user variables, ``In``/``Out`` and the
prompt counter start afresh), its working folder is set, and warnings shown once are shown
again. Imported modules stay loaded, which is the point.

Execution still goes through ``papermill.execute_notebook`` (a papermill engine that hands
nbclient the live kernel), so the executed notebook is the one papermill writes: same cell
metadata, same execution counts, same error marker cells when a cell raises. After anything
other than a cell error (timeout, dead kernel, interrupt) the kernel is discarded and the next
report starts a fresh one. :func:`kit.notebook.run.execute_report` remains the plain path.
"""

from __future__ import annotations

import atexit
import contextlib
import threading
from pathlib import Path
from typing import Any

import papermill
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync
from nbformat import NotebookNode
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines
from papermill.log import logger
from papermill.utils import merge_kwargs, remove_args

from kit.notebook.run import KERNEL, QUIET_IPYKERNEL, START_TRIES, CellFailure, execute_report

ENGINE = "kit-warm"
START_TIMEOUT = 60
# After the imports, gc.freeze() moves every object so far into the permanent generation:
# the collection each reset runs (IPython clears the output cache with gc.collect()) then
# walks only what the reports themselves made, not pandas, jinja2 and the kit.
PRELOAD_CODE = """\
try:
    import kit.notebook.report
except Exception:
    pass
import gc as _kit_gc
_kit_gc.freeze()
del _kit_gc
"""
RESET_CODE = """\
get_ipython().reset(new_session=True)
get_ipython().kernel.execution_count = 0
import os as _kit_os, warnings as _kit_warnings
_kit_os.chdir({cwd!r})
getattr(_kit_warnings, "_filters_mutated", lambda: None)()
_kit_warnings.onceregistry.clear()
del _kit_os, _kit_warnings
"""


class WarmKernel:
    """One kernel and its client, started once and reset between notebooks."""

    start_tries = START_TRIES  # seconds to answer, per start (the same as a fresh kernel's)

    def __init__(self, kernel_name: str = KERNEL) -> None:
        """Start the kernel process and ask it to import the kit; does not wait for either."""
        self.kernel_name = kernel_name
        self._run_sync = run_sync
        self._ready = False
        self._start()

    def _start(self) -> None:
        self.km = AsyncKernelManager(kernel_name=self.kernel_name)
        extra = QUIET_IPYKERNEL if self.kernel_name.startswith("python") else []
        self._run_sync(self.km.start_kernel)(extra_arguments=extra)
        self.kc: Any = self.km.client()
        self.kc.start_channels()
        if self.kernel_name.startswith("python"):  # queued until the kernel is up; reply not awaited
            self.kc.execute(PRELOAD_CODE, silent=True, store_history=False)

    def wait_ready(self) -> None:
        """Wait until the kernel answers; one that does not within the first of
        :attr:`start_tries` is stopped and started once more. jupyter_client picks free ports and the kernel binds
        them a moment later, so another process can take one in between: that kernel prints
        "Address already in use" and then hangs instead of exiting."""
        if self._ready:
            return
        for timeout in self.start_tries:
            try:
                self._run_sync(self.kc.wait_for_ready)(timeout=timeout)
            except Exception:
                self.close()
                if timeout == self.start_tries[-1]:
                    raise
                self._start()  # new ports
                continue
            except BaseException:
                self.close()
                raise
            self._ready = True
            return

    def reset(self, cwd: Path) -> None:
        """A fresh namespace and prompt counter, working in ``cwd``; raises if the kernel is gone."""
        self.wait_ready()
        msg_id = self.kc.execute(RESET_CODE.format(cwd=str(cwd)), silent=True, store_history=False)
        while True:
            reply = self._run_sync(self.kc.get_shell_msg)(timeout=START_TIMEOUT)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        if reply["content"]["status"] != "ok":
            msg = f"kernel reset failed: {reply['content'].get('evalue', '')}"
            raise RuntimeError(msg)

    def close(self) -> None:
        try:
            self.kc.stop_channels()
        finally:
            if self._run_sync(self.km.is_alive)():
                self._run_sync(self.km.shutdown_kernel)(now=True)


_LOCAL = threading.local()
_ALL: list[WarmKernel] = []


def thread_kernel(kernel_name: str) -> WarmKernel:
    """This thread's warm kernel for ``kernel_name``, started on first use."""
    kernels: dict[str, WarmKernel] = _LOCAL.__dict__.setdefault("kernels", {})
    if kernel_name not in kernels:
        if not _ALL:
            atexit.register(close_kernels)
        kernels[kernel_name] = WarmKernel(kernel_name)
        _ALL.append(kernels[kernel_name])
    return kernels[kernel_name]


def discard_kernel(kernel_name: str) -> None:
    """Shut this thread's kernel down at once (after a timeout, a dead kernel or an interrupt)."""
    kernel = _LOCAL.__dict__.get("kernels", {}).pop(kernel_name, None)
    if kernel is not None:
        _ALL.remove(kernel)
        with contextlib.suppress(Exception):  # already dead: nothing left to stop
            kernel.close()


def close_kernels() -> None:
    while _ALL:
        kernel = _ALL.pop()
        with contextlib.suppress(Exception):
            kernel.close()
    _LOCAL.__dict__.pop("kernels", None)


def execute_report_warm(template: Path, parameters: dict[str, object], out_path: Path, *,
                        cwd: Path, kernel_name: str = KERNEL, timeout: int | None = None,
                        ) -> tuple[NotebookNode | None, CellFailure | None]:
    """Like :func:`kit.notebook.run.execute_report`, on this thread's warm kernel."""

    def execute(nb: NotebookNode, out: Path) -> None:
        kernel = thread_kernel(kernel_name)
        kernel.reset(cwd)
        papermill.execute_notebook(
            nb, str(out), engine_name=ENGINE, warm_kernel=kernel, kernel_name=kernel_name,
            language="python", progress_bar=False, request_save_on_cell_execute=False,
            execution_timeout=timeout)

    return execute_report(template, parameters, out_path, cwd=cwd, kernel_name=kernel_name,
                          timeout=timeout, execute=execute,
                          on_abort=lambda: discard_kernel(kernel_name))


class WarmEngine(NBClientEngine):
    """papermill's nbclient engine, on a kernel that is already running."""

    @classmethod
    def execute_managed_notebook(cls, nb_man: Any, kernel_name: str, log_output: bool = False,
                                 stdout_file: Any = None, stderr_file: Any = None,
                                 start_timeout: int = 60, execution_timeout: int | None = None,
                                 warm_kernel: WarmKernel | None = None, **kwargs: Any) -> Any:
        assert warm_kernel is not None
        kwargs = remove_args(["input_path", "timeout", "startup_timeout"], **kwargs)
        final = merge_kwargs(kwargs, timeout=execution_timeout, startup_timeout=start_timeout,
                             kernel_name=kernel_name, log=logger, log_output=log_output,
                             stdout_file=stdout_file, stderr_file=stderr_file)
        client = PapermillNotebookClient(nb_man, km=warm_kernel.km, **final)
        client.kc = warm_kernel.kc  # nbclient keeps a client it did not create
        return client.execute()


papermill_engines.register(ENGINE, WarmEngine)
