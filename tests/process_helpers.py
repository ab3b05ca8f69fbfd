"""A server's processes in tests: waiting until it serves, counting its kernels, stopping it."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request
from contextlib import suppress
from pathlib import Path

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


def wait_until_serving(url: str, proc: subprocess.Popen, seconds: float, log: Path, what: str) -> None:
    """Until ``url`` answers; RuntimeError with the server's log when it exits or does not
    answer in ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{what} did not start:\n" + log.read_text(encoding="utf-8", errors="replace")) from None
            time.sleep(0.2)


def stop_group(proc: subprocess.Popen, seconds: float) -> None:
    """Stop a server started in its own session, then anything of its group still running
    (the kernels it started)."""
    proc.terminate()
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=seconds)
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
