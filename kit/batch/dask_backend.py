"""Building on a Dask distributed cluster: ``python -m kit build --scheduler tcp://HOST:PORT``.

Each report is one task, :func:`kit.batch.batch.run_job` submitted with ``pure=False``; results are
handled as they complete, with the same progress, summary, state files and index as a local
run. Every worker process keeps its own Publisher (one Chromium) and warm kernel. Paths are
made absolute before sending, so the workers must see the same filesystem (a shared disk)
and have the kit installed; start them with ``--nthreads 1`` (one report at a time each).
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable

from distributed import Client, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from kit.base.errors import internal_error, user_message
from kit.batch.errors import SchedulerUnavailable
from kit.batch.incremental import Fingerprint
from kit.batch.job import close_process_resources, run_job
from kit.batch.options import BuildOptions, JobResult
from kit.batch.plan import BuildJob
from kit.batch.records import lost_result

CONNECT_TIMEOUT = "20s"


class CloseOnTeardown(WorkerPlugin):
    """Closes a worker's Chromium and kernel when the worker shuts down (registered once)."""

    name = "kit-build-close"
    idempotent = True  # a second batch on the same cluster must not close the first one's browser

    def teardown(self, worker: object) -> None:
        close_process_resources()


def absolute_job(job: BuildJob) -> BuildJob:
    return dataclasses.replace(job, params_path=job.params_path.resolve(),
                               out_dir=job.out_dir.resolve())


def absolute_options(options: BuildOptions) -> BuildOptions:
    return dataclasses.replace(options, params_dir=options.params_dir.resolve(),
                               template=options.template.resolve(),
                               out_root=options.out_root.resolve())


LOST = ("KilledWorker", "CommClosedError", "CancelledError", "FutureCancelledError")


def run_on_dask(address: str, todo: list[tuple[BuildJob, Fingerprint]], options: BuildOptions,
                done: Callable[[JobResult], None]) -> None:
    """Run ``todo`` on the cluster at ``address``, calling ``done`` per finished report."""
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        internal_error(exc, f"Dask 调度器 {address}")  # the log keeps what the connection said
        msg = (f"无法连接 Dask 调度器 {address}。"
               "请确认调度器已启动（dask scheduler），并检查地址和端口；或去掉 --scheduler 在本机生成。")
        raise SchedulerUnavailable(msg) from exc
    with client:
        client.register_plugin(CloseOnTeardown(), name=CloseOnTeardown.name)
        if not client.scheduler_info().get("workers"):
            print(f"调度器 {address} 上还没有工作进程，等待 dask worker 加入……"
                  f"（在各台机器上运行 dask worker {address} --nthreads 1）", file=sys.stderr, flush=True)
        sendable = absolute_options(options)
        futures = {client.submit(run_job, absolute_job(job), sendable, fp, pure=False): (job, fp)
                   for job, fp in todo}
        try:
            for future in as_completed(futures):
                job, fp = futures[future]
                try:
                    result = future.result()
                except Exception as exc:  # KilledWorker, lost connection, an import error there
                    why = "工作进程中途退出或失去连接" if type(exc).__name__ in LOST else user_message(exc)
                    done(lost_result(job, fp, f"Dask 工作进程未能完成这份报告：{why}。"))
                else:
                    done(dataclasses.replace(result, job=job))
        except BaseException:
            client.cancel(list(futures))
            raise
