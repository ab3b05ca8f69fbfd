"""Benchmark: deciding what to build, for a province's worth of params files.

    .venv/bin/python bench/planning.py                  # 10,000 params files (5,000 townships × 2 years)
    .venv/bin/python bench/planning.py --units 100      # smoke run (the tests do this)

Every report is made to look built and current (its state file and its outputs in place, as
after a successful ``kit build``), then three things are timed, each the best of three runs:

1. planning: ``kit.batch.plan.plan_jobs`` over the params folder (finding and naming the files);
2. the incremental check: each job's fingerprint (its file, last year's file, template, kit
   digest, settings) compared with its state file (``kit.batch.batch`` does this before it
   builds anything);
3. the whole command ``python -m kit build --to html,pdf --no-rollup`` with nothing to do, as
   a subprocess (start-up, the two steps above, the summary table and ``index.html``).

Goal (issue #16): 1 + 2 under 3 s for 10,000 files.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fake_county import COUNTY, build, unit_name

from kit.batch.incremental import expected_outputs, is_current, job_fingerprint, write_state
from kit.batch.options import BuildOptions
from kit.batch.plan import plan_jobs
from kit.params.writer import dumps

YEARS = (2022, 2023)
FORMATS = ("html", "pdf")


def write_params(params: Path, units: int) -> int:
    """``units`` townships × YEARS, every file its own text (the unit's name in it)."""
    base = {year: dumps(build(1, year, YEARS[0])) for year in YEARS}
    count = 0
    for index in range(1, units + 1):
        name = unit_name(index)
        for year, text in base.items():
            path = params / COUNTY / name / f"{year}.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text.replace(unit_name(1), name), encoding="utf-8")
            count += 1
    return count


def mark_built(params: Path, out: Path) -> BuildOptions:
    """State files and outputs for every report, as a successful build leaves them."""
    options = BuildOptions(formats=FORMATS, params_dir=params, out_root=out)
    for job in plan_jobs(params_dir=params, out_root=out).jobs:
        job.out_dir.mkdir(parents=True, exist_ok=True)
        for name in expected_outputs(FORMATS):
            (job.out_dir / name).write_bytes(b"")
        write_state(job, {"status": "ok", "problems": []}, job_fingerprint(job, options))
    return options


def best_of(runs: int, step: Callable[[], object]) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = step()
        best = min(best, time.perf_counter() - start)
    return best, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=5000, help="虚构乡镇数（每个 2 个年度，默认 5000）")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kit-bench-plan-") as tmp:
        params, out = Path(tmp) / "params", Path(tmp) / "outputs"
        files = write_params(params, args.units)
        options = mark_built(params, out)
        plan_s, plan = best_of(3, lambda: plan_jobs(params_dir=params, out_root=out))
        jobs = plan.jobs  # type: ignore[attr-defined]

        def check() -> int:
            return sum(is_current(job, job_fingerprint(job, options), FORMATS) for job in jobs)

        check_s, current = best_of(3, check)
        assert current == files == len(jobs), (current, files, len(jobs))
        cmd = [sys.executable, "-m", "kit", "build", "--to", ",".join(FORMATS), "--params",
               str(params), "--out", str(out), "--no-progress", "--no-rollup"]

        def cli() -> int:
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)
            assert done.returncode == 0, done.stdout + done.stderr
            return done.stdout.count("\n")

        cli_s, _ = best_of(3, cli)
    total = plan_s + check_s
    print(f"参数文件 {files:,} 个（{args.units:,} 个乡镇 × {len(YEARS)} 年），全部已生成且未改动：")
    print(f"  1. 规划（找出并命名参数文件）        {plan_s:6.2f} 秒")
    print(f"  2. 增量检查（指纹与状态文件比对）    {check_s:6.2f} 秒")
    print(f"  1+2 合计                              {total:6.2f} 秒（目标 < 3 秒：{'达到' if total < 3 else '未达到'}）")
    print(f"  3. python -m kit build（无事可做）    {cli_s:6.2f} 秒（含启动、汇总表和 index.html）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
