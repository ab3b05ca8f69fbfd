"""A real ``python -m kit serve`` for the tests, started as the README says (plus --no-browser,
a free port and --db), on a county of two townships (下良镇, 上良镇) and a second county."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from process_helpers import stop_group, wait_until_serving

from kit.cli.app import free_port

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "params" / "襄垣县" / "下良镇" / "2021.yaml"


@dataclass
class Server:
    url: str
    root: Path
    passwords: dict[str, str]
    pid: int

    @property
    def params(self) -> Path:
        return self.root / "params"


def make_params(root: Path) -> Path:
    params = root / "params"
    text = EXAMPLE.read_text(encoding="utf-8")
    for county, unit in (("襄垣县", "下良镇"), ("襄垣县", "上良镇"), ("潞城区", "店上镇")):
        path = params / county / unit / "2021.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.replace("下良镇", unit).replace("襄垣县", county), encoding="utf-8")
    return params


@contextmanager
def desk_server(root: Path, db: str | None = None, **extra_env: str) -> Iterator[Server]:
    make_params(root)
    port = free_port(0)
    log_path = root / "server.log"
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(root / "runtime"), JUPYTER_DATA_DIR=str(root / "data"),
               IPYTHONDIR=str(root / "ipython"), **extra_env)
    command = [sys.executable, "-m", "kit", "serve", "--no-browser", "--port", str(port),
               "--params", str(root / "params"), "--out", str(root / "outputs")] + (["--db", db] if db else [])
    with log_path.open("wb") as log:
        proc = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_serving(url + "login", proc, 90, log_path, "the desk")
        passwords = dict(re.findall(r"账号 (\S+)（.*?）初始密码 (\S+)", log_path.read_text()))
        yield Server(url, root, passwords, proc.pid)
    finally:
        stop_group(proc, 20)


def fresh_copy(root: Path) -> None:
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
