"""The report, the county summary and the region summary are published through the one
publishing path (kit.export.document): a Word file that cannot be made fails alike in all
three — the kit's one Chinese sentence, no file, the HTML still written — and the exception's
own text never reaches the user."""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

from kit.batch.plan import BuildJob
from kit.batch.runner import BuildOptions, build_one

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EXAMPLE = Path(__file__).resolve().parents[2] / "params" / "襄垣县" / "下良镇" / "2021.yaml"
SECRET = "English internals that must never reach a user"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "county"))


def _refuse(*args, **kw):
    raise RuntimeError(SECRET)


def _failed_word(line: str) -> None:
    assert line.startswith("Word 未生成：工具内部出错（RuntimeError）") or \
        line.startswith("汇总 Word 未生成：工具内部出错（RuntimeError）"), line
    assert SECRET not in line


@pytest.mark.slow
def test_report(tmp_path, monkeypatch):
    import kit.render.word

    monkeypatch.setattr(kit.render.word, "report_docx", _refuse)
    params = tmp_path / "params" / "襄垣县" / "下良镇" / "2021.yaml"
    params.parent.mkdir(parents=True)
    shutil.copy(EXAMPLE, params)
    out = tmp_path / "outputs" / "襄垣县" / "下良镇" / "2021"
    out.mkdir(parents=True)
    (out / "report.docx").write_bytes(b"stale")
    job = BuildJob("襄垣县", "下良镇", 2021, params, out)
    result = build_one(job, BuildOptions(formats=("html", "docx"), params_dir=tmp_path / "params",
                                         out_root=tmp_path / "outputs"))
    assert result.status == "partial"
    _failed_word(result.error)
    assert sorted(p.name for p in out.iterdir()) == ["report.html", "report.ipynb"]


@pytest.mark.slow
def test_county_summary(tmp_path, monkeypatch):
    from county_helpers import COUNTY, PARAMS

    import kit.county.run

    monkeypatch.setattr(kit.county.run, "summary_docx", _refuse)
    result = kit.county.run.build_summary(COUNTY, 2022, PARAMS, tmp_path, ("html", "docx"), bundle=False)
    assert result.error is None
    _failed_word(result.pdf_error)
    names = sorted(p.name for p in (tmp_path / COUNTY / "2022").iterdir())
    assert "summary.html" in names and "summary.docx" not in names


def test_region_summary(tmp_path, monkeypatch):
    import kit.county.region_run

    root = tmp_path / "params"
    shutil.copytree(FIXTURES / "desk" / "params" / "仿真县", root / "仿真县")
    monkeypatch.setattr(kit.county.region_run, "blocks_docx", _refuse)
    result = kit.county.region_run.build_region("示例市", 2022, root, tmp_path / "out", formats=("html", "docx"),
                                                today=date(2023, 2, 1))
    _failed_word(result.pdf_error)
    assert sorted(p.name for p in result.outputs) == ["region.html", "region.ipynb"]
