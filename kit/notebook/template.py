"""Where the report template is and which kernel runs it (light: no papermill or nbformat)."""

from __future__ import annotations

from kit.params.paths import REPO_ROOT

DEFAULT_TEMPLATE = REPO_ROOT / "notebooks" / "report.ipynb"
KERNEL = "python3"
