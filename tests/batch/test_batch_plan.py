"""Planning a county batch and the incremental fingerprint (no notebooks run here)."""

from __future__ import annotations

import shutil
from pathlib import Path

from batch_helpers import COUNTY, TEMPLATE, make_county, unit_name

from kit.batch import incremental
from kit.batch.batch import job_fingerprint
from kit.batch.incremental import clean_temp, expected_outputs, is_current, state_path, write_state
from kit.batch.plan import plan_jobs
from kit.batch.runner import BuildOptions


def test_plan_covers_units_and_years_with_filters(tmp_path):
    params = make_county(tmp_path, 3, (2022, 2023))
    out = tmp_path / "out"
    plan = plan_jobs((), params_dir=params, out_root=out)
    assert [(j.unit, j.year) for j in plan.jobs] == [
        (unit_name(i), y) for i in (1, 3, 2) for y in (2022, 2023)]  # sorted by path
    assert plan.jobs[0].out_dir == out / COUNTY / unit_name(1) / "2022"
    assert {j.year for j in plan_jobs((), params_dir=params, out_root=out, year=2023).jobs} == {2023}
    county = plan_jobs([params / COUNTY], params_dir=params, out_root=out, year=2022)
    assert len(county.jobs) == 3 and not county.problems
    one = params / COUNTY / unit_name(2) / "2023.yaml"
    files = plan_jobs([one, params / COUNTY / unit_name(1)], out_root=out)
    assert [(j.unit, j.year) for j in files.jobs] == [(unit_name(1), 2022), (unit_name(1), 2023),
                                                      (unit_name(2), 2023)]


def test_fingerprint_follows_every_input(tmp_path):
    params = make_county(tmp_path, 1, (2022, 2023))
    job = plan_jobs((), params_dir=params, out_root=tmp_path / "out", year=2023).jobs[0]
    options = BuildOptions(formats=("html",), template=TEMPLATE)
    base = job_fingerprint(job, options)
    assert base == job_fingerprint(job, options)
    assert base["previous"] is not None

    job.params_path.write_text(job.params_path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    changed = job_fingerprint(job, options)
    assert changed["params"] != base["params"] and changed["previous"] == base["previous"]

    previous = job.params_path.with_name("2022.yaml")
    previous.write_text(previous.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert job_fingerprint(job, options)["previous"] != changed["previous"]
    previous.unlink()
    assert job_fingerprint(job, options)["previous"] is None

    template = tmp_path / "t.ipynb"
    shutil.copy(TEMPLATE, template)
    other = BuildOptions(formats=("html", "pdf"), template=template, font_family="楷体")
    moved = job_fingerprint(job, other)
    assert moved["template"] == changed["template"]  # same bytes, other place
    assert moved["formats"] == ["html", "pdf"] and moved["settings"]["font"] == "楷体"


def test_kit_digest_changes_when_a_kit_file_changes(tmp_path, monkeypatch):
    copy = tmp_path / "kit"
    shutil.copytree(incremental.KIT_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(incremental, "KIT_DIR", copy)
    incremental.kit_digest.cache_clear()
    try:
        before = incremental.kit_digest()
        (copy / "pool.py").write_text("# edited\n", encoding="utf-8")
        incremental.kit_digest.cache_clear()
        assert incremental.kit_digest() != before
    finally:
        incremental.kit_digest.cache_clear()


def test_current_needs_ok_state_same_fingerprint_and_outputs(tmp_path):
    params = make_county(tmp_path, 1)
    job = plan_jobs((), params_dir=params, out_root=tmp_path / "out").jobs[0]
    options = BuildOptions(formats=("html",), template=TEMPLATE)
    fp = job_fingerprint(job, options)
    assert not is_current(job, fp, options.formats)
    for name in expected_outputs(options.formats):
        (job.out_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (job.out_dir / name).write_text("x", encoding="utf-8")
    write_state(job, {"status": "failed"}, fp)
    assert not is_current(job, fp, options.formats)
    write_state(job, {"status": "ok"}, fp)
    assert state_path(job.out_dir) == tmp_path / "out" / ".kit-build" / COUNTY / unit_name(1) / "2023.json"
    assert is_current(job, fp, options.formats)
    assert not is_current(job, {**fp, "kit": "edited"}, options.formats)
    assert not is_current(job, fp, ("html", "pdf"))  # no report.pdf
    (job.out_dir / "report.html").unlink()
    assert not is_current(job, fp, options.formats)


def test_clean_temp_removes_only_this_reports_temp_files(tmp_path):
    params = make_county(tmp_path, 1, (2022, 2023))
    jobs = plan_jobs((), params_dir=params, out_root=tmp_path / "out").jobs
    old, new = jobs
    for job in jobs:
        job.out_dir.mkdir(parents=True)
        (job.out_dir / ".report.html.abc123.tmp").write_text("half", encoding="utf-8")
        state_path(job.out_dir).parent.mkdir(parents=True, exist_ok=True)
        Path(f"{state_path(job.out_dir).parent}/.{job.year}.json.x1.tmp").write_text("{", encoding="utf-8")
    (new.out_dir / "report.html").write_text("<html></html>", encoding="utf-8")
    removed = clean_temp(new.out_dir)
    assert sorted(p.name for p in removed) == [".2023.json.x1.tmp", ".report.html.abc123.tmp"]
    assert (new.out_dir / "report.html").exists()
    assert (old.out_dir / ".report.html.abc123.tmp").exists()
