"""A build that covers a whole county also makes its roll-up, and skips it when nothing changed."""

import contextlib
import io
import shutil
import zipfile
from pathlib import Path

from kit.cli.main import main

ROLLUP = Path(__file__).resolve().parents[1] / "fixtures" / "rollup" / "params"


def build(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["build", "--to", "html", "--jobs", "1", "--no-progress", *args])
    return code, out.getvalue()


def test_whole_county_build_makes_rollup_once(tmp_path):
    params = tmp_path / "params"
    shutil.copytree(ROLLUP, params)
    outputs = tmp_path / "outputs"
    code, text = build("--params", str(params), "--out", str(outputs), "--year", "2022")
    assert code == 0, text
    summary = outputs / "虚构县" / "2022" / "summary.html"
    assert summary.is_file() and "[县级汇总] 虚构县 2022" in text
    said = text.index("[县级汇总] 正在生成 虚构县 2022 年度汇总")  # said before the seconds it takes
    assert said < text.index("[县级汇总] 虚构县 2022 年度：")
    with zipfile.ZipFile(outputs / "虚构县" / "2022" / "review.zip") as bundle:
        names = set(bundle.namelist())
    assert {"甲镇/report.html", "乙乡/report.html", "summary.html", "checks.json"} <= names
    index = (outputs / "index.html").read_text(encoding="utf-8")
    assert "2022 年度县级汇总" in index and "2022/summary.html" in index and "review.zip" in index
    first = summary.stat().st_mtime_ns

    code, text = build("--params", str(params), "--out", str(outputs), "--year", "2022")
    assert code == 0 and "县级汇总" not in text  # every report skipped: the roll-up is current
    assert summary.stat().st_mtime_ns == first


def test_part_of_a_county_makes_no_rollup(tmp_path):
    params = tmp_path / "params"
    shutil.copytree(ROLLUP, params)
    outputs = tmp_path / "outputs"
    code, text = build("--params", str(params), "--out", str(outputs), "--year", "2022",
                       "--unit", "甲镇")
    assert code == 0, text
    assert not (outputs / "虚构县" / "2022").exists()


def test_no_rollup_flag(tmp_path):
    params = tmp_path / "params"
    shutil.copytree(ROLLUP, params)
    outputs = tmp_path / "outputs"
    code, text = build("--params", str(params), "--out", str(outputs), "--year", "2022", "--no-rollup")
    assert code == 0, text
    assert not (outputs / "虚构县" / "2022").exists()


def test_a_county_with_an_erroring_township_skips_its_rollup_when_nothing_changed(tmp_path):
    params = tmp_path / "params"
    shutil.copytree(ROLLUP, params)
    broken = params / "虚构县" / "乙乡" / "2022.yaml"
    text = broken.read_text(encoding="utf-8")
    broken.write_text(text.replace("received: {natural: 3", "received: {natural: 4", 1), encoding="utf-8")
    outputs = tmp_path / "outputs"
    code, printed = build("--params", str(params), "--out", str(outputs), "--year", "2022")
    assert code == 1 and "[跳过] 虚构县/乙乡/2022" in printed and "[县级汇总] 虚构县 2022" in printed
    summary = outputs / "虚构县" / "2022" / "summary.html"
    first = summary.stat().st_mtime_ns

    code, printed = build("--params", str(params), "--out", str(outputs), "--year", "2022")
    assert code == 1 and "[跳过] 虚构县/乙乡/2022" in printed  # still refused: still has errors
    assert "县级汇总" not in printed and summary.stat().st_mtime_ns == first

    broken.write_text(text, encoding="utf-8")  # fixed: the report and the roll-up are made anew
    code, printed = build("--params", str(params), "--out", str(outputs), "--year", "2022")
    assert code == 0 and "[县级汇总] 虚构县 2022" in printed and summary.stat().st_mtime_ns != first
