"""Hostile or broken files given to ``kit lint``: each is reported in Chinese as that file's
problem (never the catch-all 工具内部出错), the good files of the same folder are still
checked, and none takes more than 10 s or 500 MB."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pikepdf
import pytest

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT.parent / "shared" / "reference" / "xialiang-2021.txt"


def _pdf(encrypted: bool = False) -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    out = io.BytesIO()
    pdf.save(out, encryption=pikepdf.Encryption(user="u", owner="o") if encrypted else False)
    return out.getvalue()


def _docx_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b"\0" * (110 * 2**20) + b"</w:document>")
    return out.getvalue()


def _span_bomb() -> str:
    cell = '<td rowspan="100" colspan="100">1</td>'
    rows = "".join(f"<tr>{cell * 20}</tr>" for _ in range(100))
    return f"<html><body><h1>襄垣县下良镇2021年政府信息公开工作年度报告</h1><table>{rows}</table></body></html>"


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    shutil.copy(REFERENCE, root / "a-good.txt")
    (root / "b-encrypted.pdf").write_bytes(_pdf(encrypted=True))
    whole = _pdf()
    (root / "c-truncated.pdf").write_bytes(whole[: len(whole) // 2])
    (root / "d-eof-only.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (root / "e-noise.pdf").write_bytes(b"%PDF-1.4\n" + os.urandom(20_000))
    (root / "f-bomb.docx").write_bytes(_docx_bomb())
    (root / "g-spans.html").write_text(_span_bomb(), encoding="utf-8")
    (root / "h-2018.txt").write_text(REFERENCE.read_text(encoding="utf-8").replace("2021", "2018"), encoding="utf-8")
    shutil.copy(REFERENCE, root / "z-good-too.txt")
    return root


# runs kit lint and prints the peak memory (KB) of that run alone, on its last line of stderr
_MEASURED = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)")


def _lint(*args: str, cwd: Path) -> tuple[subprocess.CompletedProcess, float]:
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", _MEASURED, sys.executable, "-m", "kit", "lint", "--jobs", "1", *args],
                          cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=120)
    return done, time.monotonic() - start


def _peak_kb(done: subprocess.CompletedProcess) -> int:
    return int(done.stderr.strip().splitlines()[-1])


def test_a_folder_with_bad_files_reports_each_and_checks_the_good_ones(folder):
    done, seconds = _lint(str(folder), cwd=folder)
    out = done.stdout + "\n".join(done.stderr.splitlines()[:-1])
    assert "Traceback" not in out and "工具内部出错" not in out, out
    for name, says in (("b-encrypted.pdf", "已加密"), ("c-truncated.pdf", "已损坏或不完整"),
                       ("d-eof-only.pdf", "已损坏或不完整"), ("e-noise.pdf", "已损坏或不完整"),
                       ("f-bomb.docx", "解压后"), ("g-spans.html", "超过 20000 格")):
        line = next((ln for ln in out.splitlines() if name in ln and says in ln), None)
        assert line is not None, (name, out)
    assert out.count("a-good.txt（2021 年度") == 1 and out.count("z-good-too.txt（2021 年度") == 1
    assert "h-2018.txt" in out  # a year without an official format is that file's problem
    assert seconds < 30  # the whole folder; each file well under 10 s
    assert _peak_kb(done) < 500 * 1024


@pytest.mark.parametrize("target", ["/dev/zero", "fifo.html", "sparse.pdf"])
def test_devices_pipes_and_huge_files_are_refused_at_once(tmp_path, target):
    path = Path(target) if target.startswith("/") else tmp_path / target
    if target == "fifo.html":
        os.mkfifo(path)
    elif target == "sparse.pdf":
        with path.open("wb") as handle:
            handle.truncate(3 * 2**30)  # 3 GB, no data on disk
    done, seconds = _lint(str(path), cwd=tmp_path)
    assert seconds < 10 and done.returncode == 1 and _peak_kb(done) < 500 * 1024
    assert ("不是普通文件" in done.stdout or "超过 50 MB" in done.stdout), done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_a_document_that_takes_too_long_is_given_up(tmp_path, monkeypatch):
    """A reader stuck on a pathological file: the file is reported as too slow, in Chinese."""
    import kit.reading.published as published

    def stuck(path, year=None, level=None):
        time.sleep(30)

    monkeypatch.setattr(published, "read_published", stuck)
    monkeypatch.setattr(published, "READ_SECONDS", 1)
    (tmp_path / "slow.pdf").write_bytes(b"%PDF-1.4\n")
    start = time.monotonic()
    result = published.check_published(tmp_path / "slow.pdf")
    assert time.monotonic() - start < 5
    assert result.report is None and "读取超过 1 秒" in result.problems[0].message


def test_similar_goes_on_past_the_bad_files(folder):
    done = subprocess.run([sys.executable, "-m", "kit", "similar", "--published", str(folder)], cwd=folder,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    out = done.stdout + done.stderr
    assert "Traceback" not in out and "工具内部出错" not in out, out
    assert "b-encrypted.pdf" in done.stderr and "已加密" in done.stderr
    assert "比较了 1 份已发布的年报" in done.stdout  # the two good copies of one report, once
