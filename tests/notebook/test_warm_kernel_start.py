"""A kernel that hangs while starting (a port taken between choosing and binding it) is
started once more, instead of failing the report: the warm kernel of a worker, and the fresh
kernel papermill starts (the form's export, --fresh-kernels)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from jupyter_client.manager import AsyncKernelManager

from kit.notebook import run
from kit.notebook.warm_kernel import WarmKernel

pytestmark = pytest.mark.slow  # each waits for a hung kernel to be given up (8 s)
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def starts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dict]]:
    """Kernel starts, the first one given a busy iopub port (as in the race), so it hangs."""
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    port = busy.getsockname()[1]
    seen: list[dict] = []
    real = AsyncKernelManager.start_kernel

    async def start(self, **kw):
        seen.append(kw)
        if len(seen) == 1:
            kw = {**kw, "extra_arguments": [*kw.get("extra_arguments", []),
                                            f"--IPKernelApp.iopub_port={port}"]}
        return await real(self, **kw)

    monkeypatch.setattr(AsyncKernelManager, "start_kernel", start)
    monkeypatch.setattr(run, "START_TRIES", (8, 60))  # the hung kernel is given up sooner
    monkeypatch.setattr(WarmKernel, "start_tries", (8, 60))
    yield seen
    busy.close()


def test_a_kernel_that_dies_while_starting_is_started_again(starts, tmp_path):
    kernel = WarmKernel()
    try:
        kernel.wait_ready()
        kernel.reset(tmp_path)  # the second kernel works
    finally:
        kernel.close()
    assert len(starts) == 2


def test_a_fresh_kernel_that_hangs_while_starting_is_started_again(starts, tmp_path):
    nb, failure = run.execute_report(
        REPO / "notebooks" / "report.ipynb",
        {"county": "襄垣县", "unit": "下良镇", "year": 2021, "params_dir": str(REPO / "params")},
        tmp_path / "report.ipynb", cwd=tmp_path)
    assert failure is None and nb is not None and len(starts) == 2
