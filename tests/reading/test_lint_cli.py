"""python -m kit lint and python -m kit import through the real command line."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

from PIL import Image
from reading_helpers import CASES, PUBLISHED

from kit.params.loader import load_params


def kit(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kit", *args], capture_output=True, text=True,
                          timeout=300, cwd=cwd)


def test_json_shape_and_exit_code():
    run = kit("lint", str(PUBLISHED / "jiazhen-2022.pdf"), str(PUBLISHED / "jiazhen-2022-blank.html"), "--json")
    assert run.returncode == 1, run.stderr  # the blank cells are errors
    clean, blank = json.loads(run.stdout)
    assert set(clean) == {"file", "unit", "year", "layout", "level", "level_from", "tables", "problems"}
    assert clean["unit"] == "虚构县甲镇" and clean["year"] == 2022 and clean["layout"] == "2021"
    first = clean["tables"]["applications"][0]
    assert first == {"label": "一、本年新收政府信息公开申请数量", "official": "一、本年新收政府信息公开申请数量",
                     "cells": [6, 2, 0, 0, 0, 0, 8]}
    assert len(clean["tables"]["review_litigation"]) == 15
    assert not [p for p in clean["problems"] if p["severity"] == "错误"]
    problem = next(p for p in blank["problems"] if p["rule"] == "V-F6")
    assert {"rule", "severity", "message", "where", "table", "row", "column", "section"} <= set(problem)
    row = next(r for r in blank["tables"]["applications"] if r["official"] == "（一）予以公开")
    assert row["cells"][0] is None  # blank, not 0


def test_folder_of_fixtures_and_clean_exit_code(tmp_path):
    for name in ("xialiang-trs-gbk.html", "xialiang.txt", "xialiang.docx"):
        (tmp_path / name).write_bytes((PUBLISHED / name).read_bytes())
    run = kit("lint", str(tmp_path))
    assert run.returncode == 0, run.stdout
    assert "共检查 3 份文档：0 个错误" in run.stdout and "Traceback" not in run.stdout + run.stderr


def test_unreadable_documents_say_what_to_do(tmp_path):
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    scan = tmp_path / "scan.pdf"
    Image.new("RGB", (300, 400), "white").save(scan, "PDF")
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("word/document.xml", "<not-xml")
    empty = tmp_path / "empty.html"
    empty.write_text("", encoding="utf-8")
    run = kit("lint", str(doc), str(scan), str(broken), str(empty), str(tmp_path / "none.html"))
    assert run.returncode == 1 and "Traceback" not in run.stdout + run.stderr
    assert "找不到" in run.stdout
    run = kit("lint", str(doc), str(scan), str(broken), str(empty))
    out = run.stdout
    assert run.returncode == 1 and "Traceback" not in out + run.stderr
    assert "另存为” Word 文档（.docx）" in out
    assert "没有文字层（是扫描件或图片）" in out
    assert "Word 文件已损坏" in out or "无法" in out
    assert "文件是空的" in out


def test_import_writes_the_params_file_and_never_overwrites(tmp_path):
    root = tmp_path / "params"
    asked = kit("import", str(PUBLISHED / "jiazhen-2022.html"), "--params-dir", str(root))
    assert asked.returncode == 1 and "--province" in asked.stdout and not root.exists()
    run = kit("import", str(PUBLISHED / "jiazhen-2022.html"), "--params-dir", str(root),
              "--province", "示例省", "--city", "示例市")
    assert run.returncode == 0, run.stdout + run.stderr
    path = root / "虚构县" / "甲镇" / "2022.yaml"
    imported, problems = load_params(path)
    assert imported is not None
    source = CASES["jiazhen-2022.html"].source
    for table in source.format.tables:
        for row in table.rows:
            for col in row.columns:
                assert imported.value(table.id, row.id, col.id) == source.value(table.id, row.id, col.id)
    assert imported.preamble == source.preamble
    assert imported.subsection("general", "on_request").text == source.subsection("general", "on_request").text
    assert problems == []
    again = kit("import", str(PUBLISHED / "jiazhen-2022.html"), "--params-dir", str(root))
    assert again.returncode == 1 and "已存在，不会覆盖" in again.stdout
    nxt = kit("new", "虚构县/甲镇", "2023", "--params", str(root))
    assert nxt.returncode == 0, nxt.stdout + nxt.stderr


def test_import_lists_and_leaves_out_what_could_not_be_read(tmp_path):
    root = tmp_path / "params"
    run = kit("import", str(PUBLISHED / "jiazhen-2022-blank.html"), "--params-dir", str(root),
              "--province", "示例省", "--city", "示例市")
    assert run.returncode == 0, run.stdout
    assert "2 个格子无法读取" in run.stdout and "予以公开" in run.stdout
    text = (root / "虚构县" / "甲镇" / "2022.yaml").read_text(encoding="utf-8")
    line = next(ln for ln in text.splitlines() if ln.strip().startswith("disclosed:"))
    assert "natural" not in line and "未能读取：自然人" in line
    assert "licensing: {}" in text and "未能读取：本年处理决定数量" in text


def test_parallel_lint_gives_the_same_findings():
    from kit.reading.published import check_many

    files = [PUBLISHED / n for n in ("jiazhen-2022.html", "defect-late.html", "jiazhen-2022-blank.html",
                                     "xialiang.txt", "defect-notice-60.html")]
    serial = check_many(files, jobs=1)
    parallel = check_many(files, jobs=2)
    assert [[p.format() for p in r.problems] for r in serial] == [[p.format() for p in r.problems] for r in parallel]
    assert [r.file for r in parallel] == [str(f) for f in files]
