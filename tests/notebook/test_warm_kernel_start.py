"""A warm kernel that dies while starting (a port taken between choosing and binding it) is
started once more, instead of failing the worker's first report."""

from __future__ import annotations

import socket

from jupyter_client.manager import AsyncKernelManager

from kit.notebook.warm_kernel import WarmKernel


def test_a_kernel_that_dies_while_starting_is_started_again(monkeypatch, tmp_path):
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    port = busy.getsockname()[1]
    starts = []
    real = AsyncKernelManager.start_kernel

    async def start(self, **kw):  # the first kernel gets the busy port, as in the race
        starts.append(kw)
        if len(starts) == 1:
            kw = {**kw, "extra_arguments": [*kw.get("extra_arguments", []),
                                            f"--IPKernelApp.iopub_port={port}"]}
        return await real(self, **kw)

    monkeypatch.setattr(AsyncKernelManager, "start_kernel", start)
    monkeypatch.setattr(WarmKernel, "first_try", 8.0)  # the hung kernel is given up sooner
    kernel = WarmKernel()
    try:
        kernel.wait_ready()
        kernel.reset(tmp_path)  # the second kernel works
    finally:
        kernel.close()
        busy.close()
    assert len(starts) == 2
