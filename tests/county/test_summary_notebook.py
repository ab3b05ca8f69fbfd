"""notebooks/summary.ipynb and `python -m kit summary`: the real notebook, run with papermill."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import papermill
import pytest
from county_helpers import COUNTY, PARAMS

from kit.county.bundle import TEMPLATE
from kit.county.rollup import whole_counties
from kit.county.run import build_summary
from kit.export.errors import KitExportError
from kit.export.publish import Publisher

ROOT = Path(__file__).resolve().parents[2]


def kit(*args):
    return subprocess.run([sys.executable, "-m", "kit", *args], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)


class NoBrowser(Publisher):
    """A Publisher on a machine without Chromium."""

    def pdf_bytes(self, html, folder):
        raise KitExportError("未找到 Chromium 浏览器，无法生成 PDF。请运行 sudo apt-get install -y chromium。")


def test_template_parameters_and_no_outputs():
    found = papermill.inspect_notebook(str(TEMPLATE))
    assert list(found) == ["county", "year", "params_dir"]
    assert all(p["help"] for p in found.values())
    nb = nbformat.read(TEMPLATE, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    for cell in code[1:]:  # later cells only call into kit
        imports = [line for line in cell.source.splitlines() if "import" in line]
        assert all(line.startswith("from kit.") for line in imports)


@pytest.mark.slow
def test_notebook_runs_html_written_when_pdf_fails(tmp_path):
    out = tmp_path / "outputs"
    result = build_summary(COUNTY, 2022, PARAMS, out, ("html", "pdf"), publisher=NoBrowser())
    folder = out / COUNTY / "2022"
    assert result.error is None
    assert result.pdf_error is not None and result.pdf_error.startswith("汇总 PDF 未生成：未找到 Chromium")
    assert result.missing == ("丙镇",) and result.errors == 0
    assert sorted(p.name for p in folder.iterdir()) == ["review.zip", "summary.html", "summary.ipynb", "summary.json"]

    html = (folder / "summary.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN"' in html
    assert "虚构县2022年度乡镇政府信息公开工作年度报告汇总" in html
    assert "未计入：丙镇（没有可用的本年度报告）" in html and "<th class=\"kit-label\">丙镇</th><td class=\"kit-num\">未报</td>" in html
    assert "<th class=\"kit-label\">合计</th><td class=\"kit-num\">79</td><td class=\"kit-num\">11</td>" in html
    assert "<td class=\"kit-num\">1.1500</td>" in html
    assert html.count('src="data:image/png;base64,') == 4  # charts inline, nothing to fetch
    assert "open_summary(" not in html  # inputs hidden
    assert "请勿在此填写" not in html  # the review-only note is dropped from the export
    assert "http://" not in html.replace("http://www.w3.org", "")  # self-contained

    nb = nbformat.read(folder / "summary.ipynb", as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and "2022" in injected[0].source
    with zipfile.ZipFile(folder / "review.zip") as archive:
        assert archive.namelist() == ["summary.ipynb", "summary.html", "checks.json", "checks.txt"]


@pytest.mark.slow
def test_failing_cell_keeps_the_notebook(tmp_path):
    params = tmp_path / "params"
    shutil.copytree(PARAMS, params)
    template = tmp_path / "broken.ipynb"
    nb = nbformat.read(TEMPLATE, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell('raise ValueError("坏了")'))
    nbformat.write(nb, template)
    from kit.county.run import run_notebook

    got, why = run_notebook(COUNTY, 2022, params, tmp_path / "out", template=template)
    assert got is None and "ValueError: 坏了" in why
    assert (tmp_path / "out" / "summary.ipynb").is_file()


@pytest.mark.slow
@pytest.mark.browser
def test_cli_writes_pdf_and_bundle(tmp_path):
    if shutil.which("chromium") is None or shutil.which("pdftotext") is None:
        pytest.skip("needs chromium and poppler-utils")
    out = tmp_path / "outputs"
    result = kit("summary", COUNTY, "2022", "--params", str(PARAMS), "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    folder = out / COUNTY / "2022"
    assert "缺少 2022 年度参数文件的乡镇：丙镇" in result.stdout
    text = subprocess.run(["pdftotext", str(folder / "summary.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "各乡镇概况" in text and "（七）总计" in text
    with zipfile.ZipFile(folder / "review.zip") as archive:
        assert "summary.pdf" in archive.namelist()


def test_cli_unknown_county_and_no_bundle_flag(tmp_path):
    result = kit("summary", "无此县", "2022", "--params", str(PARAMS), "--out", str(tmp_path))
    assert result.returncode == 1
    assert "没有找到任何乡镇的参数文件" in result.stderr and "Traceback" not in result.stderr
    assert "--no-bundle" in kit("summary", "--help").stdout


def test_whole_counties():
    built = [(COUNTY, "甲镇", 2022), (COUNTY, "乙乡", 2022), (COUNTY, "甲镇", 2021)]
    assert whole_counties(built, PARAMS) == [(COUNTY, 2022)]
    assert whole_counties([(COUNTY, "甲镇", 2020), (COUNTY, "丙镇", 2020)], PARAMS) == [(COUNTY, 2020)]
    assert whole_counties([("无此县", "甲镇", 2022)], PARAMS) == []


def test_format_summary_result():
    from kit.county.run import SummaryResult, format_summary_result

    ok = SummaryResult(COUNTY, 2022, (Path("o/summary.html"),), pdf_error="汇总 PDF 未生成：原因",
                       errors=3, missing=("丙镇",))
    text = format_summary_result(ok)
    assert text.startswith("[县级汇总] 虚构县 2022 年度：o/summary.html")
    assert "丙镇" in text and "汇总 PDF 未生成：原因" in text and "共有 3 个错误" in text
    failed = SummaryResult(COUNTY, 2022, error="找不到。")
    assert format_summary_result(failed) == "[县级汇总] 虚构县 2022 年度：未生成。找不到。"
