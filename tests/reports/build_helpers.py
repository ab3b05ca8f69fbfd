"""Helpers for the build tests: paths of the fixtures and text normalisation."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from bs4 import BeautifulSoup

TESTS = Path(__file__).resolve().parent.parent
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures"
FIXTURE_PARAMS = FIXTURES / "params"
XIALIANG = REPO / "params" / "襄垣县" / "下良镇" / "2021.yaml"
EXAMPLE = FIXTURE_PARAMS / "测试县" / "示例镇" / "2023.yaml"  # fictional, non-zero numbers
HOSTILE = FIXTURE_PARAMS / "测试县" / "注入镇" / "2023.yaml"  # fictional, HTML-like prose
TEMPLATE = REPO / "notebooks" / "report.ipynb"


def normalize(text: str) -> str:
    """NFKC (full-width brackets and colons become ASCII) and no whitespace at all."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def body_text(html: str) -> str:
    body = BeautifulSoup(html, "html.parser").body
    assert body is not None
    return body.get_text()


def out_dir(root: Path, params_file: Path) -> Path:
    """``<out>/<县>/<乡镇>/<年>/`` for a params file."""
    return root / params_file.parent.parent.name / params_file.parent.name / params_file.stem
