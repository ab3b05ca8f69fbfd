"""Benchmark: ``python -m kit ledger import`` of a register of 10,000 applications.

    .venv/bin/python bench/ledger.py              # 10,000 applications (goal: < 2 s)
    .venv/bin/python bench/ledger.py --count 200  # smoke run (the tests do this)

The register is the kit's template filled with openpyxl: applications received over two years
(the report year's and the one before), every applicant type and result, about one in ten
still open at the year's end, dates typed three ways. Time is wall-clock for the whole command
(process start included), preview only (no --apply), and the import's own reading and
computing measured in-process as well.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kit.formats import format_for_year  # noqa: E402
from kit.ledger.layout import choices  # noqa: E402
from kit.ledger.template import write_template  # noqa: E402

YEAR = 2023


def register(path: Path, count: int) -> Path:
    from openpyxl import load_workbook

    write_template(path, "虚构县", "甲镇", YEAR)
    book = load_workbook(path)
    sheet = book["依申请公开"]
    lists = choices(format_for_year(YEAR))
    start = date(YEAR - 1, 1, 1)
    for i in range(count):
        received = start + timedelta(days=(i * 7) % 720)
        answered = received + timedelta(days=5 + i % 20)
        open_case = i % 10 == 0
        typed = (received, received.isoformat(), f"{received.year}.{received.month}.{received.day}")[i % 3]
        sheet.append([f"Y{i:05d}", typed, lists["applicants"][i % 6], "某事项",
                      None if open_case else lists["results"][i % len(lists["results"])],
                      None if open_case else answered, "否", ""])
    book.save(path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        path = register(root / "台账.xlsx", args.count)
        params = root / "params" / "虚构县" / "甲镇"
        params.mkdir(parents=True)
        (params / f"{YEAR}.yaml").write_text(
            f"unit: {{province: 示例省, city: 示例市, county: 虚构县, name: 甲镇, kind: 镇}}\nyear: {YEAR}\n", encoding="utf-8")
        from kit.ledger.compute import compute
        from kit.ledger.workbook import read_register

        begin = time.perf_counter()
        computed = compute(read_register(path), format_for_year(YEAR), YEAR)
        inside = time.perf_counter() - begin
        begin = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "kit", "ledger", "import", str(path), "--params", str(root / "params")],
                              cwd=REPO, capture_output=True, text=True, timeout=600)
        whole = time.perf_counter() - begin
        if "台账" not in done.stdout:
            raise SystemExit(f"kit ledger import failed: {done.stdout[-500:]}{done.stderr[-500:]}")
        print(f"台账 {args.count} 件申请（{path.stat().st_size // 1024} KB），计入 {YEAR} 年度 "
              f"{computed.counted.get('依申请公开', 0)} 件，{len(computed.problems)} 条提示：")
        print(f"  读取并计算：{inside:6.2f} 秒")
        print(f"  整个命令：  {whole:6.2f} 秒（含启动），目标 10000 件 < 2 秒")
    return 0


if __name__ == "__main__":
    sys.exit(main())
