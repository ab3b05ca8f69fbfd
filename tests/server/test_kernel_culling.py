"""A page that went away without closing its kernel (a crashed tab, a lost network) does not
keep it: the server shuts idle kernels down (600 s by default; 3 s here)."""

from __future__ import annotations

import time

import pytest
from desk_server import desk_server
from test_desk_security import A, kernel_of, kernels, signed_in

pytestmark = pytest.mark.slow


def test_an_abandoned_kernel_is_culled(tmp_path):
    with desk_server(tmp_path, KIT_DESK_IDLE="3") as server:
        clerk = signed_in(server, A)
        kernel_of(clerk)  # the page ran; no browser keeps a connection to its kernel
        assert kernels(server) == 1
        end = time.monotonic() + 30
        while kernels(server) and time.monotonic() < end:
            time.sleep(0.5)
        assert kernels(server) == 0
