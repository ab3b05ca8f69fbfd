"""Commands given wrong values (issue: hostile files and pages): a Chinese message naming the
fix, nothing written, never an internal error."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT.parent / "shared" / "reference" / "xialiang-2021.txt"


def kit(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kit", *args], cwd=cwd, capture_output=True,
                          env={**os.environ, **env}, timeout=120)


def _work(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "params", tmp_path / "params")
    (tmp_path / "x.txt").write_text(REFERENCE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "y.txt").write_text(REFERENCE.read_text(encoding="utf-8").replace("2021", "2099"), encoding="utf-8")
    return tmp_path


@contextlib.contextmanager
def mounted_tmpfs(path: Path, options: str) -> Iterator[None]:
    """A tmpfs at ``path`` (as root; skipped elsewhere), unmounted afterwards."""
    import pytest

    path.mkdir(exist_ok=True)
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)],
                                           capture_output=True).returncode != 0:
        pytest.skip("needs root to mount a tmpfs")
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def test_import_of_a_year_without_a_format_writes_nothing(tmp_path):
    work = _work(tmp_path)
    done = kit("import", "y.txt", cwd=work)
    text = done.stdout.decode("utf-8") + done.stderr.decode("utf-8")
    assert done.returncode == 1 and "年度 2099 不在" in text and "--year" in text
    assert not (work / "params" / "襄垣县" / "下良镇" / "2099.yaml").exists()


def test_import_into_a_file_instead_of_a_folder(tmp_path):
    work = _work(tmp_path)
    done = kit("import", "x.txt", "--params-dir", "x.txt", "--province", "山西省", "--city", "长治市", cwd=work)
    text = done.stdout.decode("utf-8") + done.stderr.decode("utf-8")
    assert done.returncode == 1 and "是文件而不是文件夹" in text and "工具内部出错" not in text


def test_jobs_must_be_positive(tmp_path):
    work = _work(tmp_path)
    for command in (["build", "--jobs", "-1", "params"], ["lint", "--jobs", "0", "x.txt"]):
        done = kit(*command, cwd=work)
        assert done.returncode == 2 and "应为正整数" in done.stderr.decode("utf-8")
        assert "开始生成" not in done.stdout.decode("utf-8")
    assert not (work / "outputs").exists()


def test_an_ascii_only_terminal_still_gets_the_chinese_messages(tmp_path):
    work = _work(tmp_path)
    done = kit("check", "params", cwd=work, PYTHONIOENCODING="ascii")
    assert done.returncode == 0 and "共检查 1 个文件" in done.stdout.decode("utf-8")
    assert b"UnicodeEncodeError" not in done.stderr


def test_an_immutable_old_pdf_is_named_and_the_table_printed(tmp_path):
    """A report.pdf set immutable (chattr +i) can be neither replaced nor removed: the report
    says so in Chinese and the batch still ends with its table."""
    if shutil.which("chattr") is None:
        import pytest

        pytest.skip("needs chattr (e2fsprogs)")
    work = _work(tmp_path)
    first = kit("build", "--no-progress", "--no-rollup", "--to", "html,pdf", "params", cwd=work)
    assert first.returncode == 0, first.stderr.decode("utf-8")
    pdf = work / "outputs" / "襄垣县" / "下良镇" / "2021" / "report.pdf"
    if subprocess.run(["chattr", "+i", str(pdf)], capture_output=True).returncode != 0:
        import pytest

        pytest.skip("this file system has no immutable flag")
    try:
        done = kit("build", "--no-progress", "--no-rollup", "--force", "--to", "html,pdf", "params", cwd=work)
        out = done.stdout.decode("utf-8") + done.stderr.decode("utf-8")
        assert done.returncode == 1 and "部分完成" in out and "无法写入" in out and "工具内部出错" not in out
        assert "共 1 份报告" in out  # the table
    finally:
        subprocess.run(["chattr", "-i", str(pdf)], capture_output=True)


def test_a_file_named_like_an_option_and_a_file_of_nuls(tmp_path):
    work = _work(tmp_path)
    (work / "-rf.html").write_text(REFERENCE.read_text(encoding="utf-8"), encoding="utf-8")
    done = kit("lint", "-rf.html", cwd=work)
    assert done.returncode == 2 and "./-rf.html" in done.stderr.decode("utf-8")
    assert kit("lint", "./-rf.html", cwd=work).returncode == 0
    (work / "nul.txt").write_bytes(b"\0" * 4096)
    nul = kit("lint", "nul.txt", cwd=work)
    text = nul.stdout.decode("utf-8")
    assert nul.returncode == 1 and "没有可读的文字" in text and "--year" not in text


def test_a_full_disk_is_named_in_chinese_and_the_table_printed(tmp_path):
    """A batch into an outputs folder on a nearly full file system (a 700 KB tmpfs): every
    report that cannot be written says 磁盘已满 in Chinese, and the table is printed."""
    import sys as _sys

    _sys.path.insert(0, str(ROOT / "bench"))
    from fake_county import write_county

    disk = tmp_path / "disk"
    with mounted_tmpfs(disk, "size=700k"):
        write_county(tmp_path / "params", 6, (2023,))
        done = kit("build", "--no-progress", "--jobs", "2", "--to", "html,pdf", "--params", "params",
                   "--out", str(disk / "out"), cwd=tmp_path)
        out = done.stdout.decode("utf-8") + done.stderr.decode("utf-8")
        assert done.returncode == 1 and "磁盘已满" in out and "共 6 份报告" in out
        for english in ("Errno", "No space left", "OSError", "工具内部出错", "Traceback"):
            assert english not in out, out


def test_import_into_a_read_only_params_folder(tmp_path):
    """A params folder on a read-only file system (a read-only tmpfs; root ignores file modes)."""
    work = _work(tmp_path)
    frozen = tmp_path / "frozen"
    with mounted_tmpfs(frozen, "ro,size=1m"):
        done = kit("import", "x.txt", "--params-dir", str(frozen), "--province", "山西省", "--city", "长治市", cwd=work)
        text = done.stdout.decode("utf-8") + done.stderr.decode("utf-8")
        assert done.returncode == 1 and "只读" in text and "工具内部出错" not in text and "Errno" not in text, text
