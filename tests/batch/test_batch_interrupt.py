"""An interrupted batch (Ctrl-C, or everything killed) leaves only whole files; the next run
completes exactly what is missing."""

from __future__ import annotations

import os
import signal
import time

import pytest
from batch_helpers import (
    COUNTY,
    assert_complete,
    build,
    make_county,
    report_dir,
    start_build,
    state,
    temp_files,
    unit_name,
    wait_for_line,
)

UNITS = 6


def _interrupt(tmp_path, sig: int) -> tuple:
    params = make_county(tmp_path, UNITS)
    out = tmp_path / "out"
    proc = start_build("--jobs", "2", "--params", str(params), "--out", str(out))
    try:
        early = wait_for_line(proc, "[成功]")
        os.killpg(proc.pid, sig)  # the whole process group, as a terminal's Ctrl-C does
        rest, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return params, out, proc.returncode, "".join(early) + rest, err


def _wait_for_orphans(folder, limit: float = 60.0) -> None:
    """Until no process works in ``folder`` any more (a kernel runs in its report's folder)."""
    import psutil

    def working() -> list:
        found = []
        for proc in psutil.process_iter(["cwd"]):
            cwd = proc.info.get("cwd") or ""
            if cwd.startswith(str(folder)):
                found.append(proc)
        return found

    end = time.monotonic() + limit
    while (left := working()) and time.monotonic() < end:
        psutil.wait_procs(left, timeout=1)
    assert not working(), "processes of the killed batch are still running"


def _finished(out) -> set[int]:
    return {i for i in range(1, UNITS + 1) if (s := state(out, i)) and s["status"] == "ok"}


def _resume(params, out, finished: set[int]) -> None:
    code, printed, _ = build("--jobs", "2", "--params", str(params), "--out", str(out))
    assert code == 0, printed
    skipped = {i for i in range(1, UNITS + 1) if f"[跳过] {COUNTY}/{unit_name(i)}/2023" in printed}
    rebuilt = {i for i in range(1, UNITS + 1) if f"[成功] {COUNTY}/{unit_name(i)}/2023" in printed}
    assert skipped == finished and rebuilt == set(range(1, UNITS + 1)) - finished
    assert not temp_files(out)
    for i in range(1, UNITS + 1):
        assert_complete(report_dir(out, i))
        assert (report_dir(out, i) / "report.html").is_file()


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_and_the_next_run_completes_the_rest(tmp_path):
    params, out, code, printed, err = _interrupt(tmp_path, signal.SIGINT)
    assert code == 130, (printed, err)
    assert "已中断" in err and "再次运行同一命令" in err
    assert not temp_files(out)  # workers unwound and removed their temp files
    finished = _finished(out)
    assert 1 <= len(finished) < UNITS
    for i in range(1, UNITS + 1):
        assert_complete(report_dir(out, i))
    assert (out / "index.html").is_file()
    _resume(params, out, finished)


@pytest.mark.slow
def test_a_killed_batch_leaves_no_partial_outputs(tmp_path):
    params, out, code, _, _ = _interrupt(tmp_path, signal.SIGKILL)
    assert code == -signal.SIGKILL
    _wait_for_orphans(tmp_path)  # kernels notice their parent is gone and exit
    for i in range(1, UNITS + 1):
        assert_complete(report_dir(out, i))  # outputs under their final names are whole
    assert all(p.name.startswith(".") for p in temp_files(out))  # at most hidden temp files
    finished = _finished(out)
    assert finished and all((report_dir(out, i) / "report.html").is_file() for i in finished)
    _resume(params, out, finished)
