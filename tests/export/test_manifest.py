"""The outputs manifest (kit.export.manifest): a file is current only when it was made from the
params file as it is now; a publish removes what the same source did not make."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kit.export.manifest import Source, current, manifest_path, settle

NAMES = ("report.html", "report.pdf", "report.docx")


def _write(folder: Path, *names: str) -> list[Path]:
    paths = []
    for name in names:
        (folder / name).write_text(name, encoding="utf-8")
        paths.append(folder / name)
    return paths


def _params(tmp_path: Path, text: str = "a: 1\n") -> Path:
    path = tmp_path / "params" / "县" / "镇" / "2023.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_files_of_the_same_source_stay_and_the_others_go(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    params = _params(tmp_path)
    settle(out, NAMES, _write(out, "report.html", "report.pdf", "report.docx"), Source(params))
    assert current(out, NAMES).names == set(NAMES)
    # the same params, only html asked for: the pdf and docx of that same source stay current
    settle(out, NAMES, _write(out, "report.html"), Source(params))
    assert current(out).names == set(NAMES)
    # a number changed: the new html is current, the old pdf and docx are removed
    _params(tmp_path, "a: 2\n")
    assert current(out).changed and not current(out).names
    settle(out, NAMES, _write(out, "report.html"), Source(params))
    assert current(out).names == {"report.html"} and not current(out).changed
    assert sorted(p.name for p in out.iterdir()) == ["report.html"]  # the folder: published files only
    assert manifest_path(out) == tmp_path / ".kit-outputs" / "out.json"


def test_a_draft_never_stands_beside_the_final(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    params = _params(tmp_path)
    settle(out, NAMES, _write(out, "report.html", "report.docx"), Source(params, draft=True))
    assert current(out).draft
    settle(out, NAMES, _write(out, "report.html"), Source(params, draft=False))
    assert not (out / "report.docx").exists() and not current(out).draft


def test_a_file_replaced_by_hand_or_unknown_is_not_current_and_is_removed(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    params = _params(tmp_path)
    settle(out, NAMES, _write(out, "report.html", "report.pdf"), Source(params))
    (out / "report.pdf").write_text("另一个文件，长度不同", encoding="utf-8")
    _write(out, "report.docx")  # dropped in under an output name, never recorded
    assert current(out).names == {"report.html"}
    settle(out, NAMES, _write(out, "report.html"), Source(params))
    assert not (out / "report.pdf").exists() and not (out / "report.docx").exists()


def test_the_previous_years_file_is_a_source_too(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    params = _params(tmp_path)
    settle(out, NAMES, _write(out, "report.html"), Source(params))
    (params.parent / "2022.yaml").write_text("a: 0\n", encoding="utf-8")  # 同比 sentences change
    assert current(out).changed


def test_a_summary_run_keeps_nothing_it_did_not_make(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    names = ("summary.html", "summary.pdf", "summary.docx")
    settle(out, names, _write(out, *names), Source())
    assert current(out).names == set(names)
    settle(out, names, _write(out, "summary.html", "summary.pdf"), Source())
    assert not (out / "summary.docx").exists()
    assert current(out).names == {"summary.html", "summary.pdf"}


def test_no_manifest_means_nothing_is_current(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    _write(out, "report.html")
    assert current(out).names == frozenset()
    manifest_path(out).parent.mkdir()
    manifest_path(out).write_text("{不是 JSON", encoding="utf-8")
    assert current(out).names == frozenset()


def test_a_locked_stale_file_is_said_in_chinese(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    params = _params(tmp_path)
    [pdf] = _write(out, "report.pdf")
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(pdf)],
                                                        capture_output=True).returncode:
        pytest.skip("this file system has no immutable flag")
    try:
        note = settle(out, NAMES, _write(out, "report.html"), Source(params))
    finally:
        subprocess.run(["chattr", "-i", str(pdf)], capture_output=True)
    assert "旧的 report.pdf 无法删除" in note and "请解除锁定后删除" in note
    assert current(out).names == {"report.html"}
