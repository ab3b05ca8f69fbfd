"""Output faults in ``python -m kit build``: something in the way of the report's files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "params" / "襄垣县" / "下良镇" / "2021.yaml"


def build(out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kit", "build", "--no-progress", "--jobs", "1",
                           "--no-rollup", "--out", str(out), *args, str(EXAMPLE)],
                          capture_output=True, text=True, timeout=300, cwd=REPO)


@pytest.mark.slow
def test_a_file_where_the_report_folder_should_be(tmp_path):
    out = tmp_path / "outputs"
    blocker = out / "襄垣县" / "下良镇" / "2021"
    blocker.parent.mkdir(parents=True)
    blocker.write_text("别人的文件", encoding="utf-8")
    run = build(out)
    printed = run.stdout + run.stderr
    assert run.returncode == 1 and "Traceback" not in printed
    assert f"{blocker} 是一个文件" in printed and "请删除或改名这个文件" in printed
    assert "补做" not in printed  # a rerun alone cannot fix it
    assert blocker.read_text(encoding="utf-8") == "别人的文件"


@pytest.mark.slow
@pytest.mark.browser
def test_a_folder_where_the_pdf_should_be(tmp_path):
    out = tmp_path / "outputs"
    folder = out / "襄垣县" / "下良镇" / "2021"
    (folder / "report.pdf").mkdir(parents=True)
    (folder / "report.pdf" / "旧文件.txt").write_text("保留", encoding="utf-8")
    run = build(out, "--to", "html,pdf")
    printed = run.stdout + run.stderr
    assert run.returncode == 1 and "Traceback" not in printed and "[部分完成]" in printed
    assert "已有一个同名的文件夹" in printed and "请删除或改名这个文件夹" in printed
    assert (folder / "report.html").is_file() and (folder / "report.ipynb").is_file()
    assert (folder / "report.pdf" / "旧文件.txt").read_text(encoding="utf-8") == "保留"
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no temp file left
