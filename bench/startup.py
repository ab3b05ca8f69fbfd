"""Benchmark: how quickly ``python -m kit check`` answers for one file, against a baseline.

    .venv/bin/python bench/startup.py             # 30 runs each, medians
    .venv/bin/python bench/startup.py --runs 5    # smoke run (the tests do this)

The baseline is ``python -c "import yaml"`` in the same environment: the interpreter, the
venv's site start-up and the YAML parser, which any checker of a YAML file pays. The kit's
command loads the format model, the params loader and the rules, reads and checks the
built-in example, and prints the result. Both run as fresh processes, alternately, so that
a busy machine slows both alike; the ratio of the medians is the figure (goal in issue #16:
at most 2).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "params" / "襄垣县" / "下良镇" / "2021.yaml"
BASELINE = [sys.executable, "-c", "import yaml"]
CHECK = [sys.executable, "-m", "kit", "check", str(EXAMPLE)]


def once(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="每个命令运行次数（默认 30）")
    args = parser.parse_args(argv)
    once(BASELINE), once(CHECK)  # warm the file cache and the .pyc files
    base, check = [], []
    for _ in range(args.runs):
        base.append(once(BASELINE))
        check.append(once(CHECK))
    b, c = statistics.median(base), statistics.median(check)
    print(f"python -c \"import yaml\"            中位数 {b * 1000:6.1f} 毫秒（{args.runs} 次）")
    print(f"python -m kit check <示例参数文件>   中位数 {c * 1000:6.1f} 毫秒（{args.runs} 次）")
    print(f"kit check / import yaml = {c / b:.2f}（目标 ≤ 2）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
