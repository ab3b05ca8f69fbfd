"""Benchmark: the summary above the county, and copy detection, at a province's scale.

    .venv/bin/python bench/region.py                      # 2,000 townships in 20 counties
    .venv/bin/python bench/region.py --townships 200 --counties 4   # smoke run (the tests do this)

1. Figures of every county-year (each township's file loaded and checked, with last year's),
   cold (no county roll-up kept yet), warm (every county's ``summary.json`` current) and after
   one county's files changed (only that county is checked again).
2. Copy detection (``kit.county.similar``) over N and 2N townships' prose, with a known number
   of planted copies: the time should about double (near-linear), every planted copy found and
   nothing else. The prose is made of two-character words drawn from the desk fixture's texts
   (tests/fixtures/make_desk_county.py), eight paragraphs of 40 words per report.

Everything runs in a temporary folder with fictional townships (``bench/fake_county.py``).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fake_county import build, unit_name

from kit.county.region import load_region
from kit.county.similar import ProseDoc, similar_pairs
from kit.params.writer import dumps, write_atomic

YEARS = (2022, 2023)
FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
sys.path.insert(0, str(FIXTURES))
from make_desk_county import PROSE  # noqa: E402  (real-sounding prose to draw words from)

_TEXT = "".join("".join(v.values()) for v in PROSE.values())
WORDS = sorted({_TEXT[i:i + 2] for i in range(len(_TEXT) - 1) if "\u4e00" <= _TEXT[i] <= "\u9fff"
                and "\u4e00" <= _TEXT[i + 1] <= "\u9fff"})  # ~1,000 two-character words


def write_province(root: Path, townships: int, counties: int) -> None:
    per = townships // counties
    for c in range(counties):
        county = f"基准{c + 1:02d}县"
        for i in range(1, per + 1):
            for year in YEARS:
                params = build(i, year, YEARS[0])
                unit = replace(params.unit, county=county)
                write_atomic(root / county / unit_name(i) / f"{year}.yaml", dumps(replace(params, unit=unit)))


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def figures(townships: int, counties: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root, out = Path(tmp) / "params", Path(tmp) / "out"
        _, made = timed(lambda: write_province(root, townships, counties))
        print(f"写入 {townships} 个乡镇 × {len(YEARS)} 年的参数文件：{made:.1f} 秒")
        today = date(2024, 1, 20)
        cold, t_cold = timed(lambda: load_region(root, "示例省", 2023, out_root=out, today=today))
        warm, t_warm = timed(lambda: load_region(root, "示例省", 2023, out_root=out, today=today))
        first = root / "基准01县" / unit_name(1) / "2023.yaml"
        first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        one, t_one = timed(lambda: load_region(root, "示例省", 2023, out_root=out, today=today))
        print(f"省级汇总数据（{len(cold.counties)} 个县，{townships} 个乡镇）：")
        print(f"  首次（逐一核对）  {t_cold:6.2f} 秒，每个乡镇 {t_cold / townships * 1000:.1f} 毫秒，重新核对 {cold.recomputed} 个县")
        print(f"  未改动（读取各县汇总）{t_warm:6.2f} 秒，重新核对 {warm.recomputed} 个县")
        print(f"  改动一个县后      {t_one:6.2f} 秒，重新核对 {one.recomputed} 个县")


def prose(rng: random.Random, length: int = 40) -> tuple[str, ...]:
    return tuple("".join(rng.choice(WORDS) for _ in range(length)) + "。" for _ in range(8))


def copies(n: int, planted: int, seed: int = 7) -> tuple[int, int, float]:
    rng = random.Random(seed)
    docs = [ProseDoc(f"县{i // 100}", f"镇{i}", 2023, prose(rng)) for i in range(n)]
    for k in range(planted):  # township 2k+1 copies township 2k, one paragraph changed
        source = docs[2 * k]
        docs[2 * k + 1] = replace(docs[2 * k + 1], paragraphs=(*source.paragraphs[:-1], prose(rng)[0]))
    pairs, seconds = timed(lambda: similar_pairs(docs, 0.8))
    expected = {(f"镇{2 * k}", f"镇{2 * k + 1}") for k in range(planted)}
    found = {tuple(sorted((p.first.unit, p.second.unit), key=lambda u: int(u[1:]))) for p in pairs}
    return len(found & expected), len(found - expected), seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--townships", type=int, default=2000)
    parser.add_argument("--counties", type=int, default=20)
    args = parser.parse_args()
    figures(args.townships, args.counties)
    planted = max(2, args.townships // 100)
    print(f"内容雷同检查（各植入 {planted} 对抄袭）：")
    base = None
    for n in (args.townships, 2 * args.townships):
        hit, extra, seconds = copies(n, planted)
        base = base or seconds
        print(f"  {n:5d} 份报告：{seconds:6.2f} 秒（是 {args.townships} 份的 {seconds / base:.2f} 倍），"
              f"找到植入的 {hit}/{planted} 对，误报 {extra} 对")
    return 0


if __name__ == "__main__":
    sys.exit(main())
