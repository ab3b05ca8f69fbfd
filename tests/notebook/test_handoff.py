"""Each report is validated once per build: the build hands its checks to the kernel."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import nbformat
import pytest

import kit.notebook.report as report_module
from kit.base.problems import warning
from kit.cli.main import main
from kit.notebook.handoff import HANDOFF, read_checks, write_checks
from kit.notebook.report import open_report
from kit.rules.validate import check_file

REPO = Path(__file__).resolve().parents[2]
TEMPLATE = REPO / "notebooks" / "report.ipynb"


@pytest.fixture
def example(params_copy: Path) -> Path:
    return params_copy / "襄垣县" / "下良镇" / "2021.yaml"


def test_checks_read_back_only_for_the_same_files(tmp_path, example):
    _, problems = check_file(example)
    write_checks(tmp_path, example, problems)
    assert read_checks(tmp_path, example) == problems
    example.write_text(example.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert read_checks(tmp_path, example) is None  # the file changed since
    assert read_checks(tmp_path / "elsewhere", example) is None


def test_open_report_uses_the_handed_checks_instead_of_validating(tmp_path, example, monkeypatch):
    handed = [warning("V-S7", "交来的检查结果。", section="一、总体情况")]
    write_checks(tmp_path, example, handed)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(report_module, "check_file", lambda path: pytest.fail("validated twice"))
    report = open_report("襄垣县", "下良镇", 2021, example.parent.parent.parent)
    assert report.problems == handed and report.params.unit.name == "下良镇"


def test_without_handed_checks_open_report_validates(tmp_path, example, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = open_report("襄垣县", "下良镇", 2021, example.parent.parent.parent)
    assert report.problems == check_file(example)[1]


@pytest.mark.slow
def test_a_build_validates_each_report_once(tmp_path, example):
    """The template is given a first cell that makes validation in the kernel fail: the build
    still succeeds, shows the worker's checks, and leaves no hand-off file behind."""
    nb = nbformat.read(TEMPLATE, as_version=4)
    trap = nbformat.v4.new_code_cell(
        "import kit.notebook.report as _r\n"
        "def _no(*args):\n    raise RuntimeError('validated again in the kernel')\n"
        "_r.check_file = _no")
    nb.cells.insert(2, trap)
    template = tmp_path / "trap.ipynb"
    nbformat.write(nb, template)
    out = tmp_path / "outputs"
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        code = main(["build", "--jobs", "1", "--template", str(template), "--out", str(out),
                     "--params", str(example.parent.parent.parent), str(example)])
    assert code == 0, printed.getvalue()
    folder = out / "襄垣县" / "下良镇" / "2021"
    html = (folder / "report.ipynb").read_text(encoding="utf-8")
    assert "V-S7" in html  # the worker's checks, shown by the checks cell
    assert not any(name.startswith(".") for name in os.listdir(folder))
    assert not (folder / HANDOFF).exists()
