"""Worker processes for a batch: a few long-lived workers, resilient to one of them dying.

Each worker is a spawned process (no forked Chromium or kernel threads) that keeps its own
Publisher and warm kernel for all the reports it builds. A worker takes a group of jobs at
a time, whose PDFs it prints together (:func:`kit.batch.records.group_size`), at most one
group in flight, so when a worker dies (killed, out of memory) the jobs that were running
are known. They are retried one at a time on a fresh pool: a job that kills its worker
again is reported failed and the batch carries on.

Ctrl-C reaches only the main process (workers ignore SIGINT); it stops the workers with
SIGTERM, on which a worker removes its reports' temp files and exits; then it re-raises.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.util
import os
import signal
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from types import FrameType

import psutil

from kit.base.errors import user_message
from kit.batch.incremental import Fingerprint, clean_temp
from kit.batch.options import BuildOptions, JobResult
from kit.batch.plan import BuildJob
from kit.batch.records import group_size, lost_result

STOP_GRACE = 10.0  # seconds a worker gets to unwind after SIGTERM before SIGKILL
PR_SET_PDEATHSIG = 1  # linux/prctl.h
Todo = list[tuple[BuildJob, Fingerprint]]


_current: list[BuildJob] = []  # the reports this worker is building


def _init_worker(options: BuildOptions) -> None:
    # In the worker only: the main process hands out jobs without loading nbconvert & co.
    from kit.batch.job import close_process_resources, warm_up

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _on_term)
    _die_with_parent()
    # Close Chromium and the kernel when the worker exits normally; multiprocessing runs its
    # finalizers before thread pools shut down (atexit would be too late for the browser thread).
    multiprocessing.util.Finalize(None, close_process_resources, exitpriority=10)
    warm_up(options)


def _die_with_parent() -> None:
    """Linux: SIGTERM to this worker when the batch's main process ends in any way, SIGKILL
    included (its kernel and Chromium go with it, see _on_term); nowhere else, nothing."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() == 1:  # the parent died before prctl: go now
            os.kill(os.getpid(), signal.SIGTERM)


def _on_term(signum: int, frame: FrameType | None) -> None:
    """SIGTERM (Ctrl-C in the main process, or a pool broken by another worker's death): stop
    at once. Nothing is raised into whatever code was running (an exception inside the
    kernel client's event loop would only be printed there); the reports' temp files are
    removed, the kernel and Chromium killed, and the worker exits. Finished files are whole:
    every output is written to a temp file first and renamed."""
    for job in _current:
        clean_temp(job.out_dir)
    for child in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            child.kill()
    os._exit(128 + signum)


def _work(group: Todo, options: BuildOptions) -> list[JobResult]:
    from kit.batch.job import run_group

    global _current
    _current = [job for job, _ in group]
    try:
        return run_group(group, options)
    finally:
        _current = []


def _next_group(queue: deque[tuple[BuildJob, Fingerprint]], suspects: set[BuildJob],
                workers: int) -> Todo:
    """The jobs the next free worker takes: a suspect alone, else a group (records.group_size)."""
    if queue[0][0] in suspects:
        return [queue.popleft()]
    group: Todo = []
    for _ in range(group_size(len(queue), workers)):
        if not queue or queue[0][0] in suspects:
            break
        group.append(queue.popleft())
    return group


def run_in_pool(todo: Todo, options: BuildOptions, workers: int,
                done: Callable[[JobResult], None]) -> None:
    """Build ``todo`` on ``workers`` processes, calling ``done`` per finished report."""
    queue = deque(todo)
    suspects: set[BuildJob] = set()  # were running when a worker died
    in_flight: dict[Future[list[JobResult]], Todo] = {}
    pool = _new_pool(workers, options)

    def running_suspect() -> bool:
        return any(job in suspects for group in in_flight.values() for job, _ in group)

    try:
        while queue or in_flight:
            # A suspect runs alone, so that a second death names the culprit.
            while (queue and len(in_flight) < workers and not running_suspect()
                   and not (queue[0][0] in suspects and in_flight)):
                group = _next_group(queue, suspects, workers)
                in_flight[pool.submit(_work, group, options)] = group
            finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            if any(isinstance(f.exception(), BrokenProcessPool) for f in finished):
                wait(in_flight)  # a broken pool fails every other future at once
                finished = set(in_flight)
            crashed: Todo = []
            for future in finished:
                group = in_flight.pop(future)
                error = future.exception()
                if isinstance(error, BrokenProcessPool):
                    crashed.extend(group)
                elif error is not None:
                    for job, fp in group:
                        done(lost_result(job, fp, user_message(error, f"kit build {job.name}"), rerun=False))
                else:
                    for result in future.result():
                        done(result)
            if crashed:
                pool.shutdown(wait=True)
                for job, fp in reversed(crashed):
                    clean_temp(job.out_dir)
                    if job in suspects:
                        done(lost_result(job, fp, "生成这份报告的工作进程意外退出（可能内存不足或被终止）。"))
                    else:
                        suspects.add(job)
                        queue.appendleft((job, fp))
                pool = _new_pool(workers, options)
    except BaseException:
        _stop(pool)
        for group in in_flight.values():
            for job, _ in group:
                clean_temp(job.out_dir)
        raise
    pool.shutdown(wait=True)


def _new_pool(workers: int, options: BuildOptions) -> ProcessPoolExecutor:
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                               initargs=(options,))


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now: SIGTERM (they unwind and clean up), SIGKILL if they linger."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(STOP_GRACE)
        if process.is_alive():
            process.kill()
            process.join()
