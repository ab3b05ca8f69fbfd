"""papermill plug-in: readable Chinese in cells injected by the plain ``papermill`` command.

papermill 2.7 has no entry point for translators, but it imports every ``papermill.engine``
entry point when it starts. The kit registers :class:`KitEngine` there (``--engine kit``);
importing this module also registers :class:`ReadablePythonTranslator` for the Python
language, so ``papermill report.ipynb out.ipynb -p unit 下良镇`` injects ``unit = '下良镇'``
instead of ``unit = "\\u4e0b\\u826f\\u9547"``. Only the spelling of string literals changes:
``repr`` gives the same value and escapes quotes, backslashes and newlines just as safely.
"""

from __future__ import annotations

from typing import Any

from papermill.engines import NBClientEngine
from papermill.translators import PythonTranslator, papermill_translators

from kit.notebook.parameters import python_literal


class ReadablePythonTranslator(PythonTranslator):
    """papermill's Python translator, with strings written by ``repr`` (Chinese kept)."""

    @classmethod
    def translate_str(cls, val: str) -> str:
        return python_literal(val)


class KitEngine(NBClientEngine):
    """nbclient engine that shuts the kernel down at once (no 2.5 s shutdown stalls)."""

    @classmethod
    def execute_managed_notebook(cls, nb_man: Any, kernel_name: str, **kwargs: Any) -> Any:
        kwargs.setdefault("shutdown_kernel", "immediate")
        return super().execute_managed_notebook(nb_man, kernel_name, **kwargs)


def register() -> None:
    """Make papermill use the readable translator for Python notebooks (idempotent)."""
    papermill_translators.register("python", ReadablePythonTranslator)


register()
