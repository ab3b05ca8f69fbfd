"""Worker processes for a batch: a few long-lived workers, resilient to one of them dying.

Each worker is a spawned process (no forked Chromium or kernel threads) that keeps its own
Publisher and warm kernel for all the reports it builds. At most one job per worker is in
flight, so when a worker dies (killed, out of memory) the jobs that were running are known.
They are retried one at a time on a fresh pool: a job that kills its worker again is
reported failed and the batch carries on.

Ctrl-C reaches only the main process (workers ignore SIGINT); it stops the workers with
SIGTERM, which unwinds the report in progress so its temp files are removed, then re-raises.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.util
import os
import signal
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from types import FrameType

from kit.build.incremental import Fingerprint, clean_temp
from kit.build.job import close_process_resources, lost_result, run_job, warm_up
from kit.build.plan import BuildJob
from kit.build.runner import BuildOptions, JobResult

STOP_GRACE = 10.0  # seconds a worker gets to unwind after SIGTERM before SIGKILL
Todo = list[tuple[BuildJob, Fingerprint]]


class WorkerTerminated(BaseException):
    """Raised in a worker by SIGTERM while it builds a report."""


_busy = False


def _init_worker(options: BuildOptions) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _on_term)
    # Close Chromium and the kernel when the worker exits normally; multiprocessing runs its
    # finalizers before thread pools shut down (atexit would be too late for the browser thread).
    multiprocessing.util.Finalize(None, close_process_resources, exitpriority=10)
    global _busy
    _busy = True  # SIGTERM during warm-up unwinds like during a report
    try:
        warm_up(options)
    except WorkerTerminated:
        close_process_resources()
        os._exit(128 + signal.SIGTERM)
    finally:
        _busy = False


def _on_term(signum: int, frame: FrameType | None) -> None:
    if _busy:
        raise WorkerTerminated
    close_process_resources()
    os._exit(128 + signum)


def _work(job: BuildJob, options: BuildOptions, fp: Fingerprint) -> JobResult:
    global _busy
    _busy = True
    try:
        return run_job(job, options, fp)
    except WorkerTerminated:
        clean_temp(job.out_dir)
        close_process_resources()
        os._exit(128 + signal.SIGTERM)
    finally:
        _busy = False


def run_in_pool(todo: Todo, options: BuildOptions, workers: int,
                done: Callable[[JobResult], None]) -> None:
    """Build ``todo`` on ``workers`` processes, calling ``done`` per finished report."""
    queue = deque(todo)
    suspects: set[BuildJob] = set()  # were running when a worker died
    in_flight: dict[Future[JobResult], tuple[BuildJob, Fingerprint]] = {}
    pool = _new_pool(workers, options)
    try:
        while queue or in_flight:
            # A suspect runs alone, so that a second death names the culprit.
            while (queue and len(in_flight) < workers
                   and not any(job in suspects for job, _ in in_flight.values())
                   and not (queue[0][0] in suspects and in_flight)):
                job, fp = queue.popleft()
                in_flight[pool.submit(_work, job, options, fp)] = (job, fp)
            finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            if any(isinstance(f.exception(), BrokenProcessPool) for f in finished):
                wait(in_flight)  # a broken pool fails every other future at once
                finished = set(in_flight)
            crashed = []
            for future in finished:
                job, fp = in_flight.pop(future)
                error = future.exception()
                if isinstance(error, BrokenProcessPool):
                    crashed.append((job, fp))
                elif error is not None:
                    done(lost_result(job, fp, f"工具内部出错（{type(error).__name__}: {error}）。",
                                     rerun=False))
                else:
                    done(future.result())
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
        for job, _ in in_flight.values():
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
