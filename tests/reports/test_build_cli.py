"""``python -m kit build``: planning, keep-going, exit codes and output paths."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import nbformat
import pytest
from build_helpers import EXAMPLE, TEMPLATE, XIALIANG

from kit.batch.plan import BuildJob, plan_jobs
from kit.batch.runner import BuildOptions, build_one
from kit.cli.main import main


def make_params(root: Path) -> Path:
    """params/ with the fictional 示例镇 and a copy, 错误镇, whose file has a 错误."""
    params = root / "params"
    good = params / "测试县" / "示例镇" / "2023.yaml"
    good.parent.mkdir(parents=True)
    shutil.copy(EXAMPLE, good)
    bad = params / "测试县" / "错误镇" / "2023.yaml"
    bad.parent.mkdir(parents=True)
    text = EXAMPLE.read_text(encoding="utf-8").replace("name: 示例镇", "name: 错误镇")
    bad.write_text(text.replace("licensing: {decisions: 37}", "licensing: {decisions: -37}"),
                   encoding="utf-8")
    return params


def test_plan_filters_and_output_paths(tmp_path):
    params = make_params(tmp_path)
    out = tmp_path / "out"
    plan = plan_jobs((), params_dir=params, out_root=out)
    assert [(j.county, j.unit, j.year) for j in plan.jobs] == [("测试县", "示例镇", 2023),
                                                              ("测试县", "错误镇", 2023)]
    assert plan.jobs[0].out_dir == out / "测试县" / "示例镇" / "2023"
    assert plan.jobs[0].params_dir == params
    assert [j.unit for j in plan_jobs((), params_dir=params, unit="错误镇").jobs] == ["错误镇"]
    assert plan_jobs((), params_dir=params, year=2022).jobs == ()
    assert plan_jobs((), params_dir=params, county="襄垣县").jobs == ()
    stray = tmp_path / "stray.yaml"
    stray.write_text("year: 2023\n", encoding="utf-8")
    odd = plan_jobs([stray, tmp_path / "nowhere"], params_dir=params)
    assert odd.jobs == () and len(odd.problems) == 2
    assert "找不到" in odd.problems[0] and "<县>/<乡镇>/<年>.yaml" in odd.problems[1]
    with pytest.raises(dataclasses.FrozenInstanceError):
        plan.jobs[0].year = 2024  # type: ignore[misc]


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main(["build", "--to", "odt", str(EXAMPLE)]) == 2
    assert "--to 可取 html、pdf、pdfa、docx、fragment" in capsys.readouterr().err
    assert main(["build", "--params", str(tmp_path), "--out", str(tmp_path / "o")]) == 2
    assert "没有找到" in capsys.readouterr().err
    assert main(["build", "--year", "1999", "--out", str(tmp_path / "o"), str(EXAMPLE)]) == 2


def test_invalid_params_are_skipped_and_missing_chromium_keeps_the_html(tmp_path, capsys):
    params = make_params(tmp_path)
    out = tmp_path / "out"
    stale = out / "测试县" / "错误镇" / "2023" / "report.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("old", encoding="utf-8")
    code = main(["build", "--to", "html,pdf", "--params", str(params), "--out", str(out),
                 "--chromium", str(tmp_path / "no-chromium")])
    printed = capsys.readouterr().out
    assert code == 1
    good = out / "测试县" / "示例镇" / "2023"
    assert sorted(p.name for p in good.iterdir()) == ["report.html", "report.ipynb"]
    assert not stale.exists()
    assert "[部分完成] 测试县/示例镇/2023" in printed
    assert "PDF 未生成：找不到指定的 Chromium 浏览器" in printed and "apt-get install" in printed
    assert "[跳过] 测试县/错误镇/2023" in printed
    assert "参数文件有 1 个错误，未生成报告。" in printed and "不能为负数" in printed
    assert "共 2 份报告：成功 0 份，部分完成 1 份，参数有错误而跳过 1 份。" in printed


@pytest.mark.slow
def test_a_failing_notebook_is_kept_and_the_others_carry_on(tmp_path, capsys):
    nb = nbformat.read(TEMPLATE, as_version=4)
    index = next(i for i, c in enumerate(nb.cells) if "open_report" in c.source)
    nb.cells.insert(index + 1, nbformat.v4.new_code_cell('assert unit != "示例镇", "模板故意出错"'))
    broken = tmp_path / "broken.ipynb"
    nbformat.write(nb, broken)
    out = tmp_path / "out"
    stale = out / "测试县" / "示例镇" / "2023" / "report.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("old", encoding="utf-8")
    code = main(["build", "--template", str(broken), "--out", str(out), str(EXAMPLE), str(XIALIANG)])
    printed = capsys.readouterr().out
    assert code == 1
    assert (out / "襄垣县" / "下良镇" / "2021" / "report.html").is_file()
    failed = out / "测试县" / "示例镇" / "2023"
    assert sorted(p.name for p in failed.iterdir()) == ["report.ipynb"]
    kept = nbformat.read(failed / "report.ipynb", as_version=4)
    assert any("papermill-error-cell-tag" in c.metadata.get("tags", []) for c in kept.cells)
    assert '[失败] 测试县/示例镇/2023' in printed
    assert ('笔记本运行到单元格 In [4] assert unit != "示例镇", "模板故意出错" 时出错：'
            "AssertionError: 模板故意出错") in printed
    assert f"出错的笔记本已保留，可打开查看：{failed / 'report.ipynb'}" in printed
    assert "[成功] 襄垣县/下良镇/2021" in printed
    assert "共 2 份报告：成功 1 份，生成出错 1 份。" in printed


def test_build_one_reports_a_missing_template(tmp_path):
    job = BuildJob("测试县", "示例镇", 2023, EXAMPLE, tmp_path / "out")
    result = build_one(job, BuildOptions(template=tmp_path / "none.ipynb"))
    assert result.status == "failed" and not result.ok
    assert result.error is not None and "找不到模板笔记本" in result.error
    assert result.outputs == () and result.seconds >= 0
