"""A batch owns what it starts: killed (even with SIGKILL, the main process alone), its workers,
kernels and Chromium go too; SIGTERM (a closed terminal) ends it like Ctrl-C, with its table
and 已中断; a second batch into the same outputs folder says why it does not start."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import psutil
import pytest
from batch_helpers import make_county, start_build, wait_for_line

pytestmark = pytest.mark.slow
UNITS = 6


def _descendants(pid: int) -> list[psutil.Process]:
    return psutil.Process(pid).children(recursive=True)


def _gone(processes: list[psutil.Process], limit: float = 20) -> list[psutil.Process]:
    _, alive = psutil.wait_procs(processes, timeout=limit)
    return [p for p in alive if p.status() != psutil.STATUS_ZOMBIE]


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def test_sigkill_of_the_main_process_takes_every_worker_kernel_and_browser(tmp_path):
    params = make_county(tmp_path, UNITS)
    proc = start_build("--jobs", "2", "--to", "html,pdf", "--params", str(params), "--out", str(tmp_path / "out"))
    try:
        wait_for_line(proc, "[成功]")
        started = _descendants(proc.pid)
        assert len(started) >= 4  # two workers, their kernels and browsers
        os.kill(proc.pid, signal.SIGKILL)  # the main process only: nothing reaches the others
        proc.wait()
        assert _gone(started) == []
    finally:
        _stop(proc)


def test_sigterm_is_an_interruption_with_its_table(tmp_path):
    params = make_county(tmp_path, UNITS)
    proc = start_build("--jobs", "2", "--params", str(params), "--out", str(tmp_path / "out"))
    try:
        wait_for_line(proc, "[成功]")
        started = _descendants(proc.pid)
        proc.send_signal(signal.SIGTERM)
        rest, err = proc.communicate(timeout=90)
        assert proc.returncode == 130, err
        assert "已中断" in err and "报告索引" in rest
        assert _gone(started) == []
    finally:
        _stop(proc)


def test_a_second_batch_into_the_same_outputs_says_why(tmp_path):
    params = make_county(tmp_path, UNITS)
    out = tmp_path / "out"
    first = start_build("--jobs", "1", "--force", "--params", str(params), "--out", str(out))
    try:
        wait_for_line(first, "开始生成")
        time.sleep(0.5)
        second = start_build("--jobs", "1", "--force", "--params", str(params), "--out", str(out))
        printed, err = second.communicate(timeout=60)
        assert second.returncode == 1 and "另一个 kit build 正在向" in err, printed + err
        assert "工具内部出错" not in err
    finally:
        _stop(first)


def test_a_worker_killed_from_outside_costs_nothing_and_prints_nothing(tmp_path):
    """kill -9 of one pool worker (not the main process, not the resource tracker): the batch
    rebuilds what that worker held, finishes, and the console shows no Python traceback."""
    params = make_county(tmp_path, UNITS)
    proc = start_build("--jobs", "2", "--params", str(params), "--out", str(tmp_path / "out"))
    try:
        wait_for_line(proc, "[成功]")
        workers = [p for p in psutil.Process(proc.pid).children()
                   if "spawn_main" in " ".join(p.cmdline()) and "resource_tracker" not in " ".join(p.cmdline())]
        assert workers
        os.kill(workers[0].pid, signal.SIGKILL)
        rest, err = proc.communicate(timeout=180)
        assert "Traceback" not in err and "Error" not in err, err
        assert f"共 {UNITS} 份报告" in rest
    finally:
        _stop(proc)
