"""Fault injection through the real command line: hostile and broken input never gives a
traceback, always a Chinese message and the right exit code, and never changes or half-writes
a file it was not asked to write.

Each case builds its input in a fresh copy of ``params/`` and runs ``python -m kit …`` as a
user would. Batch faults (killed workers, Ctrl-C, Dask worker death, a dead Chromium) are in
tests/batch and tests/export; form saves under faults in tests/form/test_form_save_faults.py.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
UNIT = Path("襄垣县") / "下良镇"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
CJK = re.compile("[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Case:
    name: str
    prepare: Callable[[Path], list[str]]  # params folder → command arguments
    code: int
    says: str  # a phrase the output must contain


def _file(params: Path) -> Path:
    return params / UNIT / "2021.yaml"


def _replace(params: Path, old: str, new: str) -> None:
    path = _file(params)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _check(params: Path) -> list[str]:
    return ["check", str(_file(params))]


def huge_number(params: Path) -> list[str]:
    _replace(params, "licensing: {decisions: 0}", "licensing: {decisions: " + "9" * 5000 + "}")
    return _check(params)


def escapes_in_name(params: Path) -> list[str]:
    _replace(params, "name: 下良镇", 'name: "\\e[2J\\e[31m红\\e]0;pwned\\a镇"')
    return _check(params)


def escapes_in_prose(params: Path) -> list[str]:
    _replace(params, "year: 2021\n", 'year: 2021\ncontact: "电话\\e[31m 123\\u202e"\n')
    return _check(params)


def folder_named_like_a_file(params: Path) -> list[str]:
    folder = params / "襄垣县" / "上良镇" / "2021.yaml"
    folder.mkdir(parents=True)
    return ["check", str(folder)]


def oversized_file(params: Path) -> list[str]:
    path = _file(params)
    path.write_text(path.read_text(encoding="utf-8") + "# " + "填" * 600_000 + "\n", encoding="utf-8")
    return _check(params)


def tab_indentation(params: Path) -> list[str]:
    _replace(params, "  kind: 镇\n", "\tkind: 镇\n")
    return _check(params)


def gbk_file(params: Path) -> list[str]:
    path = _file(params)
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    return _check(params)


def duplicate_key(params: Path) -> list[str]:
    _replace(params, "year: 2021\n", "year: 2021\nyear: 2022\n")
    return _check(params)


def python_tag(params: Path) -> list[str]:
    _replace(params, "year: 2021\n", "year: !!python/object/apply:os.system ['echo pwned']\n")
    return _check(params)


def deep_nesting(params: Path) -> list[str]:
    path = _file(params)
    path.write_text("a: " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    return _check(params)


def traversal_name(params: Path) -> list[str]:
    _replace(params, "name: 下良镇", "name: ../../etc")
    return _check(params)


def symlink_outside(params: Path) -> list[str]:
    target = params.parent / "elsewhere.yaml"
    target.write_text("year: 2021\n", encoding="utf-8")
    link = params / "襄垣县" / "外镇" / "2021.yaml"
    link.parent.mkdir()
    link.symlink_to(target)
    return ["check", str(params)]


def binary_garbage(params: Path) -> list[str]:
    _file(params).write_bytes(bytes(range(256)) * 4)
    return _check(params)


def stray_name(params: Path) -> list[str]:
    (params / UNIT / "2021a.yaml").write_text("year: 2021\n", encoding="utf-8")
    return ["check", str(params)]


def empty_folder(params: Path) -> list[str]:
    folder = params.parent / "empty"
    folder.mkdir()
    return ["check", str(folder)]


def new_bad_year(params: Path) -> list[str]:
    return ["new", "襄垣县/下良镇", "2021a", "--params", str(params)]


def new_future_year(params: Path) -> list[str]:
    return ["new", "襄垣县/下良镇", "99999", "--params", str(params)]


def new_traversal(params: Path) -> list[str]:
    return ["new", "../下良镇", "2022", "--params", str(params)]


def new_existing(params: Path) -> list[str]:
    return ["new", "襄垣县/下良镇", "2021", "--params", str(params)]


def unknown_option(params: Path) -> list[str]:
    return ["check", "--zzz"]


def unknown_command(params: Path) -> list[str]:
    return ["publish"]


CASES = [
    Case("a 5,000-digit number", huge_number, 1, "位的数字"),
    Case("terminal escapes in a name", escapes_in_name, 1, "\\x1b"),
    Case("terminal escapes in prose", escapes_in_prose, 0, "控制字符"),
    Case("a folder named 2021.yaml", folder_named_like_a_file, 1, "文件夹"),
    Case("a 1.8 MB params file", oversized_file, 1, "MB"),
    Case("Tab indentation", tab_indentation, 1, "Tab"),
    Case("a GBK-encoded file", gbk_file, 1, "UTF-8"),
    Case("a duplicate key", duplicate_key, 1, "重复"),
    Case("a !!python tag", python_tag, 1, "标签"),
    Case("50,000 nested brackets", deep_nesting, 1, "嵌套"),
    Case("../ in a unit name", traversal_name, 1, ".."),
    Case("a symlink to a file outside", symlink_outside, 1, "缺少必填项"),
    Case("binary garbage", binary_garbage, 1, "UTF-8"),
    Case("a 2021a.yaml beside the year files", stray_name, 0, "2021a.yaml"),
    Case("a folder without params files", empty_folder, 2, "没有找到参数文件"),
    Case("kit new with year 2021a", new_bad_year, 2, "四位数字"),
    Case("kit new with year 99999", new_future_year, 2, "四位数字"),
    Case("kit new with ../ in the county", new_traversal, 1, ".."),
    Case("kit new over an existing file", new_existing, 1, "不会覆盖"),
    Case("an unknown option", unknown_option, 2, "不认识的参数"),
    Case("an unknown command", unknown_command, 2, "可选"),
]


def snapshot(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fault(case: Case, params_copy: Path):
    args = case.prepare(params_copy)
    before = snapshot(params_copy.parent)
    run = subprocess.run([sys.executable, "-m", "kit", *args], capture_output=True, text=True,
                         timeout=120, cwd=params_copy.parent, env={**os.environ, "COLUMNS": "100"})
    printed = run.stdout + run.stderr
    assert run.returncode == case.code, printed
    assert "Traceback" not in printed and "Error:" not in printed, printed
    assert CJK.search(printed) and case.says in printed, printed
    assert not CONTROL.search(printed.replace("\n", "").replace("\t", "")), repr(printed)
    assert snapshot(params_copy.parent) == before  # nothing written, nothing half-written
