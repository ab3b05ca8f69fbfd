"""``python -m kit build --scheduler tcp://…``: the same batch on a Dask cluster on loopback."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from batch_helpers import COUNTY, REPO, build, make_county, report_dir, state, unit_name

DASK = str(Path(sys.executable).parent / "dask")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def cluster(tmp_path) -> Iterator[str]:
    """A scheduler and one worker process (one thread), started here and stopped in the end."""
    from distributed import Client

    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = tmp_path / "dask-logs"
    logs.mkdir()
    procs = [subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--no-dashboard"], cwd=REPO, stdout=subprocess.DEVNULL,
                              stderr=(logs / "scheduler.log").open("w"))]
    try:
        procs.append(subprocess.Popen([DASK, "worker", address, "--nworkers", "1", "--nthreads", "1",
                                       "--host", "127.0.0.1", "--no-dashboard",
                                       "--local-directory", str(tmp_path / "dask-worker")],
                                      cwd=REPO, stdout=subprocess.DEVNULL,
                                      stderr=(logs / "worker.log").open("w")))
        with Client(address, timeout="30s") as client:
            client.wait_for_workers(1, timeout=60)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.mark.slow
def test_build_on_a_dask_cluster(tmp_path, cluster):
    params = make_county(tmp_path, 2)
    out = tmp_path / "out"
    common = ["--scheduler", cluster, "--params", str(params), "--out", str(out)]
    code, printed, err = build("--to", "html,pdf", *common)
    assert code == 0, (printed, err)
    for i in (1, 2):
        folder = report_dir(out, i)
        assert sorted(p.name for p in folder.iterdir()) == ["report.html", "report.ipynb", "report.pdf"]
        assert state(out, i)["status"] == "ok"
        assert f"[成功] {COUNTY}/{unit_name(i)}/2023" in printed
    assert "共 2 份报告：成功 2 份。" in printed
    assert (out / "index.html").is_file()

    # Incremental skips work the same way; the cluster is not even needed for them.
    code, printed, _ = build("--to", "html,pdf", *common)
    assert code == 0 and printed.count("[跳过]") == 2
