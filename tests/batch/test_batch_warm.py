"""The warm kernel executes notebooks exactly as plain papermill does, without leaks between reports."""

from __future__ import annotations

from pathlib import Path

import nbformat
from batch_helpers import TEMPLATE, broken_template, build, make_county, report_dir, unit_name

from kit.notebook.run import execute_report
from kit.notebook.warm_kernel import close_kernels, execute_report_warm

VOLATILE = {"start_time", "end_time", "duration", "execution", "id", "output_path"}


def _strip(node: object) -> object:
    if isinstance(node, dict):
        return {k: _strip(v) for k, v in node.items() if k not in VOLATILE}
    if isinstance(node, list):
        return [_strip(v) for v in node]
    return node


def test_warm_and_plain_papermill_write_the_same_notebook(tmp_path):
    params = make_county(tmp_path, 2)
    nbs = {}
    try:
        for how, run in (("plain", execute_report), ("warm", execute_report_warm),
                         ("warm-again", execute_report_warm)):
            out = tmp_path / how / "report.ipynb"
            out.parent.mkdir()
            parameters = {"county": "基准县", "unit": unit_name(1), "year": 2023,
                          "params_dir": str(params)}
            nb, failure = run(TEMPLATE, parameters, out, cwd=out.parent)
            assert failure is None and nb is not None
            nbs[how] = _strip(nbformat.read(out, as_version=4))
    finally:
        close_kernels()
    assert nbs["warm"] == nbs["plain"]
    assert nbs["warm-again"] == nbs["plain"]  # second report on the same kernel: counts restart


def test_nothing_leaks_from_one_report_to_the_next(tmp_path):
    params = make_county(tmp_path, 2)
    out = tmp_path / "out"
    (tmp_path / "kit_test_warner.py").write_text(
        "import warnings\n\ndef warn():\n    warnings.warn('同一位置的警告每份报告都显示')\n",
        encoding="utf-8")
    code = (f'if unit == "{unit_name(1)}":\n'
            "    leaked = 1\n"
            "else:\n"
            '    assert "leaked" not in globals(), "上一份报告的变量还在"\n'
            f"import os, sys\nsys.path.insert(0, {str(tmp_path)!r})\n"
            "import kit_test_warner\nkit_test_warner.warn()  # a module's warning registry outlives reset\n"
            "assert os.getcwd().endswith(f'/{unit}/{year}'), os.getcwd()")
    template = broken_template(tmp_path, code)
    done, printed, _ = build("--jobs", "1", "--template", str(template), "--params", str(params),
                             "--out", str(out))
    assert done == 0, printed
    first, second = (nbformat.read(report_dir(out, i) / "report.ipynb", as_version=4) for i in (1, 2))
    for nb in (first, second):
        assert any("每份报告都显示" in o.get("text", "") for c in nb.cells for o in c.get("outputs", []))
    assert [c.get("execution_count") for c in first.cells] == [c.get("execution_count") for c in second.cells]
    assert Path(report_dir(out, 2) / "report.html").is_file()
