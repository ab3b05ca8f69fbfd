"""The template notebook's parameters: checking them and injecting them as readable code.

papermill writes a string parameter as ``"\\u4e0b\\u826f\\u9547"``; the value is right but
the injected cell is unreadable for a Chinese reader. Here every value is checked against
the template's declared type and written with :func:`repr`, which keeps Chinese characters
as they are and escapes quotes, backslashes, newlines and other control characters, so a
value can never end the literal and add code of its own.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping

import nbformat
from nbformat import NotebookNode

from kit.base.errors import KitError

PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"
COMMENT = "# Parameters"

#: The template's parameters and their types, in the order of its ``parameters`` cell.
TEMPLATE_PARAMETERS: dict[str, type] = {
    "county": str,
    "unit": str,
    "year": int,
    "params_dir": str,
    "draft": bool,
}
HINTS = {
    "county": "县名，例如 -p county 襄垣县",
    "unit": "乡镇名，例如 -p unit 下良镇",
    "year": "四位整数年份，例如 -p year 2021（不要加引号，也不要用 -r）",
    "params_dir": "参数目录，例如 -p params_dir params",
    "draft": "是否生成草稿（标注“草稿”的审阅稿），例如 -p draft True",
}


class ParameterError(KitError, ValueError):
    """A parameter value of the wrong type or an unknown parameter name (Chinese message)."""


def check_parameters(values: Mapping[str, object]) -> dict[str, object]:
    """Return the values in template order; raise ParameterError naming the fix."""
    unknown = [name for name in values if name not in TEMPLATE_PARAMETERS]
    if unknown:
        msg = (f"模板没有参数 {'、'.join(unknown)}。可用的参数：{'、'.join(TEMPLATE_PARAMETERS)}。"
               "请检查参数名的拼写。")
        raise ParameterError(msg)
    checked: dict[str, object] = {}
    for name, kind in TEMPLATE_PARAMETERS.items():
        if name not in values:
            continue
        value = values[name]
        if (isinstance(value, bool) and kind is not bool) or not isinstance(value, kind):
            msg = f"参数 {name} 应为{_kind_name(kind)}，现为 {value!r}。请写作：{HINTS[name]}。"
            raise ParameterError(msg)
        checked[name] = value
    return checked


def _kind_name(kind: type) -> str:
    return {str: "文字", int: "整数", bool: "True 或 False"}.get(kind, kind.__name__)


def python_literal(value: object) -> str:
    """A Python literal for a str, int, float, bool or None; Chinese stays readable."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return repr(value)
    msg = f"参数值只能是文字、数字、是/否或空值，现为 {type(value).__name__}。"
    raise ParameterError(msg)


def parameters_source(values: Mapping[str, object]) -> str:
    """The source of the injected-parameters cell, one ``name = literal`` line per value."""
    lines = [COMMENT]
    for name, value in values.items():
        if not name.isidentifier():
            msg = f"参数名 {name!r} 不是合法的 Python 名称。"
            raise ParameterError(msg)
        lines.append(f"{name} = {python_literal(value)}")
    return "\n".join(lines) + "\n"


def inject_parameters(nb: NotebookNode, values: Mapping[str, object]) -> NotebookNode:
    """A copy of ``nb`` with a cell tagged ``injected-parameters`` after the ``parameters`` cell.

    Same placement and metadata as papermill's own injection (an earlier injected cell is
    replaced; ``metadata.papermill.parameters`` records the values), but readable literals.
    """
    checked = check_parameters(values)
    nb = copy.deepcopy(nb)
    cell = nbformat.v4.new_code_cell(source=parameters_source(checked))
    cell.metadata["tags"] = [INJECTED_TAG]
    cells = [c for c in nb.cells if INJECTED_TAG not in c.get("metadata", {}).get("tags", [])]
    index = next((i for i, c in enumerate(cells)
                  if PARAMETERS_TAG in c.get("metadata", {}).get("tags", [])), None)
    if index is None:
        msg = "模板笔记本中没有标记为 parameters 的单元格。请使用 notebooks/report.ipynb 或为参数单元格加上该标记。"
        raise ParameterError(msg)
    cells.insert(index + 1, cell)
    nb.cells = cells
    papermill = nb.metadata.setdefault("papermill", {})
    papermill["parameters"] = dict(checked)
    return nb
