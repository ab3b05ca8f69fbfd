"""The template notebook: its committed form, papermill's CLI and --help-notebook, safe injection."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from build_helpers import REPO, TEMPLATE

from kit.formats import FORMAT_2021

PAYLOAD = 'x"; import os; os.system("touch PWNED") #\n'


def code_cells(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [c for c in nb.cells if c.cell_type == "code"]


def test_template_is_committed_clean_and_thin():
    nb = nbformat.read(TEMPLATE, as_version=4)
    cells = code_cells(nb)
    assert all(c.outputs == [] and c.execution_count is None for c in cells)
    assert nb.metadata.kernelspec.name == "python3"
    tagged = [c for c in cells if "parameters" in c.metadata.get("tags", [])]
    assert tagged == [cells[0]]
    assert cells[1].source.splitlines()[0] == "from kit.notebook.report import open_report"
    parts = [c.source for c in cells[2:]]
    assert parts == ["report.checks()", "report.title()",
                     *(f'report.section("{s.id}")' for s in FORMAT_2021.sections)]
    assert cells[2].metadata.tags == ["review-only"]
    assert all(c.metadata.get("tags") == ["review-only"] for c in nb.cells if c.cell_type == "markdown")


def test_help_notebook_describes_the_parameters():
    done = subprocess.run([sys.executable, "-m", "papermill", "--help-notebook", str(TEMPLATE)],
                          capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert 'county: str (default "襄垣县")' in out
    assert 'unit: str (default "下良镇")' in out
    assert "year: int (default 2021)" in out
    assert 'params_dir: str (default "params")' in out
    assert "报告年度" in out and "乡镇（街道）名称" in out and "参数目录" in out


@pytest.mark.slow
def test_plain_papermill_cli_from_the_repo_root(tmp_path):
    out = tmp_path / "out.ipynb"
    done = subprocess.run(
        [sys.executable, "-m", "papermill", "notebooks/report.ipynb", str(out),
         "-p", "county", "襄垣县", "-p", "unit", "下良镇", "-p", "year", "2021"],
        capture_output=True, text=True, cwd=REPO, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    nb = nbformat.read(out, as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1
    assert "county = '襄垣县'" in injected[0].source
    assert "unit = '下良镇'" in injected[0].source
    assert "\\u" not in injected[0].source
    html = [o["data"]["text/html"] for c in code_cells(nb) for o in c.outputs
            if "text/html" in o.get("data", {})]
    assert any("kit-title" in h and "下良镇" in h for h in html)
    assert any("四、结转下年度继续办理" in h for h in html)


@pytest.mark.slow
def test_papermill_injection_cannot_run_code(tmp_path, monkeypatch):
    """Quotes, newline and a str year through papermill's own API: no code runs, no file appears."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out.ipynb"
    with pytest.raises(PapermillExecutionError) as failed:
        papermill.execute_notebook(
            str(TEMPLATE), str(out), kernel_name="python3", progress_bar=False, cwd=str(tmp_path),
            parameters={"county": PAYLOAD, "unit": PAYLOAD, "year": "2021", "params_dir": PAYLOAD},
            shutdown_kernel="immediate")
    assert failed.value.ename == "ReportError"
    assert "参数 year 应为整数年份" in failed.value.evalue
    assert not list(tmp_path.rglob("PWNED")) and not (REPO / "PWNED").exists()
    nb = nbformat.read(out, as_version=4)
    injected = next(c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))
    tree = ast.parse(injected.source)
    assert all(isinstance(node, ast.Assign) for node in tree.body)
    values = {node.targets[0].id: ast.literal_eval(node.value) for node in tree.body}  # type: ignore[attr-defined]
    assert values == {"county": PAYLOAD, "unit": PAYLOAD, "year": "2021", "params_dir": PAYLOAD}


def test_relative_params_dir_falls_back_to_the_repository(tmp_path, monkeypatch):
    from kit.notebook.report import open_report, resolve_params_dir

    monkeypatch.chdir(tmp_path)
    assert resolve_params_dir("params") == REPO / "params"
    report = open_report("襄垣县", "下良镇", 2021, "params")
    assert report.path == REPO / "params" / "襄垣县" / "下良镇" / "2021.yaml"
    (tmp_path / "params").mkdir()
    assert resolve_params_dir("params") == Path("params")
