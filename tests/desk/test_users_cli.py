"""``python -m kit users``: accounts from the county's roster or an .xlsx list, one-time
passwords in an .xlsx sheet that signs in; nothing overwritten."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from openpyxl import Workbook, load_workbook

from kit.desk.database import open_engine, sqlite_url
from kit.desk.service import Desk

ROOT = Path(__file__).resolve().parents[2]


def kit(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kit", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_roster_accounts_and_their_sheet(tmp_path):
    shutil.copytree(ROOT / "params", tmp_path / "params")
    (tmp_path / "params" / "襄垣县" / "county.yaml").write_text("townships: [下良镇, 上良镇]\n", encoding="utf-8")
    done = kit("users", "襄垣县", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "已建立 3 个账号（县审核人 1 个，填报人 2 个）" in done.stdout
    rows = list(load_workbook(tmp_path / "襄垣县账号.xlsx").active.iter_rows(values_only=True))
    assert rows[0][:5] == ("县（市、区）", "单位", "账号", "角色", "初始密码")
    assert [(r[1], r[2], r[3]) for r in rows[1:]] == [("（全县）", "襄垣县审核", "县审核人"),
                                                   ("下良镇", "襄垣县下良镇", "填报人"), ("上良镇", "襄垣县上良镇", "填报人")]
    desk = Desk(open_engine(sqlite_url(tmp_path / "desk")), tmp_path / "params", tmp_path / "outputs")
    assert desk.login("襄垣县上良镇", rows[3][4]).must_change  # the sheet's password signs in
    again = kit("users", "襄垣县", cwd=tmp_path)
    assert again.returncode == 0 and "没有新增" in again.stdout


def test_an_xlsx_list_and_a_bad_one(tmp_path):
    shutil.copytree(ROOT / "params", tmp_path / "params")
    book = Workbook()
    book.active.append(["序号", "单位"])
    for n, unit in enumerate(("县发展和改革局", "县教育局", "县教育局"), 1):
        book.active.append([n, unit])
    book.save(tmp_path / "名单.xlsx")
    done = kit("users", "襄垣县", "--from", "名单.xlsx", "--out", "部门账号.xlsx", cwd=tmp_path)
    assert done.returncode == 0 and "填报人 2 个" in done.stdout, done.stdout + done.stderr
    (tmp_path / "坏.xlsx").write_bytes(b"not a workbook")
    bad = kit("users", "襄垣县", "--from", "坏.xlsx", cwd=tmp_path)
    assert bad.returncode == 1 and "另存为 .xlsx" in bad.stderr and "Traceback" not in bad.stderr
    exists = kit("users", "襄垣县", "--from", "名单.xlsx", "--out", "部门账号.xlsx", cwd=tmp_path)
    assert exists.returncode == 0 and "没有新增" in exists.stdout
