"""``python -m kit build --jobs 2`` over a fictional county: outputs, summary, index, incremental."""

from __future__ import annotations

import re

from batch_helpers import COUNTY, build, make_county, report_dir, state, temp_files, unit_name


def test_parallel_then_incremental(tmp_path):
    params = make_county(tmp_path, 3, (2022, 2023))
    out = tmp_path / "out"
    common = ["--params", str(params), "--out", str(out), "--year", "2023"]

    code, printed, _ = build("--jobs", "2", *common)
    assert code == 0, printed
    for i in (1, 2, 3):
        folder = report_dir(out, i)
        assert sorted(p.name for p in folder.iterdir()) == ["report.html", "report.ipynb"]
        assert state(out, i)["status"] == "ok"
        assert f"[成功] {COUNTY}/{unit_name(i)}/2023" in printed
    assert not report_dir(out, 1, 2022).exists()  # --year 2023
    assert "共 3 份报告：成功 3 份。" in printed
    assert re.search(rf"{COUNTY}\s+{unit_name(2)}\s+2023\s+成功\s+[\d.]+ 秒", printed)  # the table
    index = (out / "index.html").read_text(encoding="utf-8")
    assert _built_rows(index) == 3
    assert f'href="{COUNTY}/{unit_name(1)}/2023/report.html"' in _unquote(index)
    assert not temp_files(out)

    # Nothing changed: every report is skipped, quickly, and the exit code is still 0.
    before = {i: report_dir(out, i).joinpath("report.html").stat().st_mtime_ns for i in (1, 2, 3)}
    code, printed, _ = build("--jobs", "2", *common)
    assert code == 0
    assert printed.count("[跳过]") == 3 and "未改动" in printed
    assert "共 3 份报告：成功 0 份，未改动而跳过 3 份。" in printed
    assert all(report_dir(out, i).joinpath("report.html").stat().st_mtime_ns == t
               for i, t in before.items())

    # This year's file of 基准二镇 and last year's file of 基准三镇 change: those two rebuild.
    this_year = params / COUNTY / unit_name(2) / "2023.yaml"
    this_year.write_text(this_year.read_text(encoding="utf-8") + "# 改动\n", encoding="utf-8")
    last_year = params / COUNTY / unit_name(3) / "2022.yaml"
    last_year.write_text(last_year.read_text(encoding="utf-8") + "# 改动\n", encoding="utf-8")
    code, printed, _ = build("--jobs", "2", *common)
    assert code == 0
    assert f"[跳过] {COUNTY}/{unit_name(1)}/2023" in printed
    assert f"[成功] {COUNTY}/{unit_name(2)}/2023" in printed
    assert f"[成功] {COUNTY}/{unit_name(3)}/2023" in printed

    # A deleted output is rebuilt; --force rebuilds everything (in this process: --jobs 1).
    report_dir(out, 1).joinpath("report.html").unlink()
    code, printed, _ = build("--jobs", "1", *common)
    assert code == 0 and f"[成功] {COUNTY}/{unit_name(1)}/2023" in printed
    assert printed.count("[跳过]") == 2
    code, printed, _ = build("--jobs", "1", "--force", *common)
    assert code == 0 and printed.count("[成功]") == 3 and "[跳过]" not in printed


def test_index_keeps_reports_from_earlier_runs(tmp_path):
    params = make_county(tmp_path, 2)
    out = tmp_path / "out"
    assert build("--params", str(params), "--out", str(out), "--unit", unit_name(1))[0] == 0
    code, printed, _ = build("--params", str(params), "--out", str(out), "--unit", unit_name(2),
                             "--to", "html,pdf")
    assert code == 0, printed
    index = _unquote((out / "index.html").read_text(encoding="utf-8"))
    assert _built_rows(index) == 2
    assert f"{COUNTY}/{unit_name(1)}/2023/report.html" in index
    assert f"{COUNTY}/{unit_name(1)}/2023/report.pdf" not in index
    assert f"{COUNTY}/{unit_name(2)}/2023/report.pdf" in index
    assert "<details><summary" in index and "[警告]" in index  # the warning, expandable
    assert "V-S7" not in index and "report.ipynb" not in index  # no rule codes or notebooks for readers
    assert '<html lang="zh-CN">' in index and "http" not in index.split("<body>")[1]


def _unquote(html: str) -> str:
    from urllib.parse import unquote

    return unquote(html)


def _built_rows(index: str) -> int:
    """Rows of the index's 生成结果 table (the roster above it lists the townships too)."""
    return index.split("<h3>生成结果</h3>", 1)[1].count("<tr><td>基准")
