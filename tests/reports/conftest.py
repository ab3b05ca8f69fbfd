"""One real build (papermill + HTML + PDF) of three reports, shared by the build tests."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from build_helpers import EXAMPLE, HOSTILE, XIALIANG

from kit.cli.main import main


@dataclass(frozen=True)
class Built:
    out: Path
    code: int
    stdout: str

    def folder(self, params_file: Path) -> Path:
        return self.out / params_file.parent.parent.name / params_file.parent.name / params_file.stem


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """``python -m kit build --to html,pdf`` for 下良镇 2021 and the two fictional units."""
    out = tmp_path_factory.mktemp("outputs")
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main(["build", "--to", "html,pdf,pdfa,docx,fragment", "--out", str(out),
                     str(XIALIANG), str(EXAMPLE), str(HOSTILE)])
    return Built(out, code, buffer.getvalue())
