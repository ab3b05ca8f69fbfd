"""YAML alias bombs (a few KB of text, billions of values once aliases are expanded) in a params
file or county.yaml: refused in Chinese within seconds and well under 500 MB."""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 500 * 2**20


def bomb(levels: int = 9, key: str = "x") -> str:
    lines = ['a0: &a0 ["哈哈哈哈哈哈哈哈哈哈"]']
    for n in range(1, levels + 1):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]")
    return "\n".join(lines) + f"\n{key}: *a{levels}\n"


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT * 4, LIMIT * 4))  # address space: generous, still finite


@pytest.mark.parametrize("where", ["params", "county"])
def test_alias_bombs_are_refused(tmp_path, where):
    shutil.copytree(ROOT / "params", tmp_path / "params")
    target = tmp_path / "params" / "襄垣县" / ("county.yaml" if where == "county" else "下良镇/2021.yaml")
    target.write_text(bomb(), encoding="utf-8")
    assert target.stat().st_size < 8_000
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "kit", "check", "params"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60, preexec_fn=_limited)
    assert time.monotonic() - start < 10
    assert "别名" in done.stdout + done.stderr and "Traceback" not in done.stderr
    assert "MemoryError" not in done.stdout + done.stderr
    assert done.returncode == 1


def test_ordinary_aliases_still_read():
    from kit.params.yamlsource import expanded_size, parse

    doc, problems = parse("a: &x [1, 2]\nb: *x\n", "f.yaml")
    assert doc is not None and not problems and doc.data == {"a": [1, 2], "b": [1, 2]}
    import yaml

    assert expanded_size(yaml.compose(bomb(6))) > 10**6


def test_a_wrong_county_yaml_is_reported_and_judges_no_deadline(tmp_path):
    """kit check names the bad key; kit lint does not fall back to 1月31日 (the county's own
    deadline, unreadable now, may be later) and so calls nothing late."""
    shutil.copytree(ROOT / "params", tmp_path / "params")
    (tmp_path / "params" / "襄垣县" / "county.yaml").write_text("deadline: 02-20\ndeadlnes: {}\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "kit", "check", "params"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 1 and "P-COUNTY" in done.stdout and "deadlnes" in done.stdout
    page = tmp_path / "report.txt"
    text = (ROOT.parent / "shared" / "reference" / "xialiang-2021.txt").read_text(encoding="utf-8")
    page.write_text(text + "\n襄垣县下良镇人民政府\n2022年2月10日\n", encoding="utf-8")
    lint = subprocess.run([sys.executable, "-m", "kit", "lint", str(page)], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60)
    assert "没有找到发布日期" not in lint.stdout  # the date was read…
    assert "晚于截止日期" not in lint.stdout, lint.stdout  # …and not judged against 1月31日
