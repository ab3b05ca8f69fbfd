"""Names that become folder names (county, city, province) are checked like ``kit new``'s:
``kit region ../../x`` and ``kit summary ../外县`` are refused in Chinese and write nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("args", [
    ["region", "../../x", "2022"], ["region", "长治市", "2022", "../外县"], ["summary", "../外县", "2022"],
    ["summary", "襄垣县/../../x", "2022"], ["similar", "../x"], ["users", "../x"], ["region", ".隐藏", "2022"],
])
def test_names_that_lead_out_are_refused(tmp_path, args):
    work = tmp_path / "work"
    shutil.copytree(ROOT / "params", work / "params")
    before = sorted(p for p in tmp_path.rglob("*"))
    done = subprocess.run([sys.executable, "-m", "kit", *args], cwd=work, capture_output=True, text=True,
                          encoding="utf-8", timeout=60)
    assert done.returncode == 2
    assert ("命令行有误" in done.stderr and "params/ 以外" in done.stderr) or "路径字符" in done.stderr
    assert "Traceback" not in done.stderr and " name" not in done.stderr and "county" not in done.stderr
    assert sorted(p for p in tmp_path.rglob("*")) == before  # nothing written anywhere
