"""`python -m kit build --to pdf` alone writes the PDF (and the executed notebook), no HTML."""

from __future__ import annotations

import contextlib
import io

import pytest
from build_helpers import EXAMPLE, out_dir

from kit.cli.main import main

pytestmark = pytest.mark.slow


def test_pdf_only(tmp_path):
    out = tmp_path / "outputs"
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        code = main(["build", "--to", "pdf", "--jobs", "1", "--no-progress", "--no-rollup",
                     "--out", str(out), str(EXAMPLE)])
    assert code == 0, printed.getvalue()
    folder = out_dir(out, EXAMPLE)
    assert sorted(p.name for p in folder.iterdir()) == ["report.ipynb", "report.pdf"]
    assert (folder / "report.pdf").read_bytes().startswith(b"%PDF-")


def test_unknown_format_is_a_usage_error(tmp_path, capsys):
    assert main(["build", "--to", "odt", "--out", str(tmp_path), str(EXAMPLE)]) == 2
    assert "--to 可取 html、pdf、pdfa、docx、fragment" in capsys.readouterr().err
