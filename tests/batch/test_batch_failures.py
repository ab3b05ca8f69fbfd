"""Keep going: a report whose notebook raises, and a worker process that dies mid-report."""

from __future__ import annotations

import subprocess
import sys

import nbformat
from batch_helpers import (
    COUNTY,
    broken_template,
    build,
    make_county,
    report_dir,
    state,
    temp_files,
    unit_name,
)

# The kernel's parent is the worker process: this cell kills the worker for 基准二镇.
KILL_WORKER = (f'if unit == "{unit_name(2)}":\n'
               "    import os, signal\n"
               "    os.kill(os.getppid(), signal.SIGKILL)\n"
               "    import time; time.sleep(30)")


def test_a_failing_report_is_kept_and_named_while_the_others_finish(tmp_path):
    params = make_county(tmp_path, 3)
    out = tmp_path / "out"
    template = broken_template(tmp_path, f'assert unit != "{unit_name(2)}", "模板故意出错"')
    code, printed, _ = build("--jobs", "2", "--template", str(template), "--params", str(params),
                             "--out", str(out))
    assert code == 1
    for i in (1, 3):
        assert (report_dir(out, i) / "report.html").is_file()
    failed = report_dir(out, 2)
    assert sorted(p.name for p in failed.iterdir()) == ["report.ipynb"]
    kept = nbformat.read(failed / "report.ipynb", as_version=4)
    assert any("papermill-error-cell-tag" in c.metadata.get("tags", []) for c in kept.cells)
    assert any(o.get("ename") == "AssertionError" for c in kept.cells for o in c.get("outputs", []))
    cell = f'In [4] assert unit != "{unit_name(2)}", "模板故意出错"'
    assert f"[失败] {COUNTY}/{unit_name(2)}/2023" in printed
    table = printed.split("县      乡镇")[1]  # the summary table names unit, year, cell and error
    row = next(line for line in table.splitlines() if unit_name(2) in line)
    assert "2023" in row and "失败" in row and cell in row and "AssertionError: 模板故意出错" in row
    assert "共 3 份报告：成功 2 份，生成出错 1 份。" in printed
    assert state(out, 2)["status"] == "failed" and state(out, 2)["failed_cell"] == cell
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "失败" in index and "模板故意出错" in index

    # The next run retries the failed report only; it still fails, the others are skipped.
    code, printed, _ = build("--jobs", "2", "--template", str(template), "--params", str(params),
                             "--out", str(out))
    assert code == 1 and printed.count("[跳过]") == 2 and f"[失败] {COUNTY}/{unit_name(2)}" in printed


def test_a_killed_worker_fails_its_report_and_the_batch_carries_on(tmp_path):
    params = make_county(tmp_path, 3)
    out = tmp_path / "out"
    template = broken_template(tmp_path, KILL_WORKER)
    code, printed, _ = build("--jobs", "2", "--template", str(template), "--params", str(params),
                             "--out", str(out))
    assert code == 1
    assert f"[失败] {COUNTY}/{unit_name(2)}/2023" in printed
    assert "工作进程意外退出" in printed
    assert printed.count("[成功]") == 2
    for i in (1, 3):
        assert (report_dir(out, i) / "report.html").is_file() and state(out, i)["status"] == "ok"
    assert not (report_dir(out, 2) / "report.html").exists()
    assert state(out, 2)["status"] == "failed" and "意外退出" in state(out, 2)["error"]
    assert not temp_files(out)


def test_a_killed_worker_leaves_no_traceback_on_the_console(tmp_path):
    """Run as a user would (a subprocess): the other worker is stopped by the broken pool and
    exits quietly; nothing but the kit's own Chinese lines reaches the console."""
    params = make_county(tmp_path, 3)
    template = broken_template(tmp_path, KILL_WORKER)
    run = subprocess.run([sys.executable, "-m", "kit", "build", "--no-progress", "--jobs", "2",
                          "--template", str(template), "--params", str(params),
                          "--out", str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert run.returncode == 1 and "工作进程意外退出" in run.stdout
    for noise in ("Traceback", "Exception in callback", "resource_tracker", "Error"):
        assert noise not in run.stderr, run.stderr


def test_a_killed_worker_in_a_group_fails_only_its_own_report(tmp_path):
    """Workers take several reports at a time (printed together): when one of them kills its
    worker, the others of its group are built again, one by one, and succeed."""
    params = make_county(tmp_path, 5)
    out = tmp_path / "out"
    template = broken_template(tmp_path, KILL_WORKER)
    code, printed, _ = build("--jobs", "2", "--to", "html,pdf", "--template", str(template),
                             "--params", str(params), "--out", str(out))
    assert code == 1
    assert printed.count("[成功]") == 4 and f"[失败] {COUNTY}/{unit_name(2)}/2023" in printed
    for i in (1, 3, 4, 5):
        assert (report_dir(out, i) / "report.pdf").is_file() and state(out, i)["status"] == "ok"
    assert not (report_dir(out, 2) / "report.pdf").exists()
    assert not temp_files(out)
