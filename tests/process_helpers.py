"""Counting a server's processes in tests."""

from __future__ import annotations

import psutil


def running_kernels(pid: int) -> int:
    """The ipykernel processes under ``pid`` that are alive (a just-ended one may linger as a
    zombie until reaped, or be gone by the time it is read: neither counts)."""
    count = 0
    for child in psutil.Process(pid).children(recursive=True):
        try:
            if child.status() != psutil.STATUS_ZOMBIE and "ipykernel" in " ".join(child.cmdline()):
                count += 1
        except psutil.Error:
            continue
    return count
