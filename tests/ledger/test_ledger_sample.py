"""The README's sample register: committed as tests/fixtures/make_ledger_sample.py writes it, and
its flow (kit new → ledger import → --apply → kit check) leaves no arithmetic error; last year's
register reconciles the carried-over applications one by one."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from ledger_helpers import filled
from openpyxl import load_workbook

from kit.formats import format_for_year
from kit.ledger.compute import compute
from kit.ledger.workbook import read_register
from kit.rules.validate import check_file

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "fixtures" / "ledger" / "下良镇2022台账（示例）.xlsx"


def _generator():
    spec = importlib.util.spec_from_file_location("make_ledger_sample", ROOT / "tests" / "fixtures" / "make_ledger_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cells(path: Path) -> dict[str, list[tuple]]:
    book = load_workbook(path)
    return {name: [tuple(c.value for c in row) for row in book[name].iter_rows()] for name in book.sheetnames}


def test_the_committed_sample_is_what_the_generator_writes(tmp_path):
    made = _generator().write(tmp_path / "sample.xlsx")
    assert _cells(SAMPLE) == _cells(made), "re-run tests/fixtures/make_ledger_sample.py"


def test_the_readme_flow(tmp_path):
    shutil.copytree(ROOT / "params", tmp_path / "params")

    def kit(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "kit", *args], capture_output=True, text=True, cwd=tmp_path,
                              timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})

    assert kit("new", "襄垣县/下良镇", "2022").returncode == 0
    preview = kit("ledger", "import", str(SAMPLE))
    assert preview.returncode == 0 and "台账将改动 26 个数字" in preview.stdout, preview.stdout + preview.stderr
    assert "答复用了 34 个工作日" in preview.stdout  # A2022-07, late on purpose
    assert kit("ledger", "import", str(SAMPLE), "--apply").returncode == 0
    params, problems = check_file(tmp_path / "params" / "襄垣县" / "下良镇" / "2022.yaml")
    arithmetic = [p for p in problems if p.is_error and p.rule[0] == "R"]
    assert arithmetic == [] and params.value("applications", "received", "total") == 12
    # the prose carried over from 2021 still says 0 applications: the clerk rewrites it
    assert [p.rule for p in problems if p.is_error] == ["V-N10"]


def test_last_years_register_reconciles_the_carried_over_applications(tmp_path):
    fmt = format_for_year(2023)
    last = filled(tmp_path / "2022.xlsx", "虚构县", "甲镇", 2022, {"依申请公开": [
        ["K1", date(2022, 12, 20), "自然人", "", None, None, "", ""],  # open at the year's end
        ["K2", date(2022, 12, 21), "自然人", "", None, None, "", ""],  # open, but forgotten this year
        ["K3", date(2022, 11, 1), "自然人", "", "（一）予以公开", date(2022, 11, 9), "", ""]]})
    this = filled(tmp_path / "2023.xlsx", "虚构县", "甲镇", 2023, {"依申请公开": [
        ["K1", date(2022, 12, 20), "自然人", "", "（一）予以公开", date(2023, 1, 5), "", ""],
        ["K3", date(2022, 11, 1), "自然人", "", "（一）予以公开", date(2023, 1, 9), "", ""]]})  # answered in 2022 by last year's
    computed = compute(read_register(this), fmt, 2023, today=date(2024, 2, 1), last_register=read_register(last))
    carry = {p.check: p.message for p in computed.problems if p.rule == "L-CARRY"}
    assert "上年台账第 3 行的申请“K2”" in carry["missing"]
    assert "本年台账第 3 行的申请“K3”计为上年结转" in carry["extra"]
    assert computed.carried == {"K1": 2, "K3": 3}
