"""Parameters injected by the kit and by papermill: readable Chinese, checked types, no code."""

from __future__ import annotations

import ast

import nbformat
import pytest
from build_helpers import TEMPLATE

from kit.notebook.parameters import (
    INJECTED_TAG,
    ParameterError,
    check_parameters,
    inject_parameters,
    parameters_source,
    python_literal,
)
from kit.notebook.report import ReportError, open_report

PAYLOAD = 'x"; import os; os.system("touch PWNED") #\n'
GOOD = {"county": "襄垣县", "unit": "下良镇", "year": 2021, "params_dir": "params"}


def assigned(source: str) -> dict[str, object]:
    tree = ast.parse(source)
    assert all(isinstance(node, ast.Assign) and len(node.targets) == 1 for node in tree.body)
    return {node.targets[0].id: ast.literal_eval(node.value) for node in tree.body}  # type: ignore[attr-defined]


def test_source_keeps_chinese_readable():
    source = parameters_source(GOOD)
    assert source == ("# Parameters\ncounty = '襄垣县'\nunit = '下良镇'\nyear = 2021\n"
                      "params_dir = 'params'\n")
    assert assigned(source) == GOOD


@pytest.mark.parametrize("value", [PAYLOAD, "a'b\"c", "back\\slash", "line\nbreak\r",
                                   "\u2028sep", "\x00nul", "'''", '"""', "#", "乡\t镇"])
def test_hostile_strings_stay_one_literal(value):
    source = parameters_source({"unit": value})
    assert len(source.splitlines()) == 2
    assert assigned(source) == {"unit": value}


def test_year_must_be_an_int():
    for bad in ("2021", 2021.0, True, None):
        with pytest.raises(ParameterError, match="参数 year 应为整数"):
            check_parameters({**GOOD, "year": bad})
    with pytest.raises(ParameterError, match="模板没有参数 township"):
        check_parameters({"township": "x"})
    with pytest.raises(ParameterError):
        python_literal(["list"])


def test_open_report_rejects_wrong_types():
    with pytest.raises(ReportError, match="-p year 2021"):
        open_report("襄垣县", "下良镇", "2021")  # type: ignore[arg-type]
    with pytest.raises(ReportError, match="参数 unit 应为文字"):
        open_report("襄垣县", 7, 2021)  # type: ignore[arg-type]


def test_inject_places_one_cell_after_parameters_and_replaces_an_old_one():
    template = nbformat.read(TEMPLATE, as_version=4)
    once = inject_parameters(template, GOOD)
    twice = inject_parameters(once, {**GOOD, "unit": "示例镇"})
    tags = [c.metadata.get("tags", []) for c in twice.cells]
    index = next(i for i, t in enumerate(tags) if "parameters" in t)
    assert INJECTED_TAG in tags[index + 1]
    assert sum(INJECTED_TAG in t for t in tags) == 1
    assert "unit = '示例镇'" in twice.cells[index + 1].source
    assert twice.metadata.papermill.parameters["unit"] == "示例镇"
    assert not any(INJECTED_TAG in c.metadata.get("tags", []) for c in template.cells)


def test_inject_needs_a_parameters_cell():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    with pytest.raises(ParameterError, match="parameters"):
        inject_parameters(nb, GOOD)


def test_papermill_uses_the_readable_translator():
    import papermill.engines  # noqa: F401  (loads the kit's entry point)
    from papermill.translators import translate_parameters

    from kit.notebook.papermill_plugin import ReadablePythonTranslator

    source = translate_parameters("python3", "python", {"unit": "下良镇", "x": PAYLOAD}, "Parameters")
    assert "unit = '下良镇'" in source
    assert assigned(source.split("\n", 1)[1]) == {"unit": "下良镇", "x": PAYLOAD}
    from papermill.translators import papermill_translators

    assert papermill_translators.find_translator("python3", "python") is ReadablePythonTranslator
