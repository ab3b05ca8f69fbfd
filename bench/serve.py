"""Benchmark of the county's desk (python -m kit serve), on this machine.

    .venv/bin/python bench/serve.py                          # 20 sessions, 1,000 state changes
    .venv/bin/python bench/serve.py --sessions 2 --changes 60   # smoke run (the test suite does this)

(1) State changes through the service layer, on SQLite and on a real PostgreSQL (Debian's
    server, started in a temporary folder): ``--changes`` 报送/退回/通过 from 16 threads at once
    over 20 units of a fictional county (基准县); then every report's versions are checked:
    numbered 1…n without a gap or a double, as many as the submissions that succeeded, the
    state that of the last change. Prints changes per second and p50/p95 per action.
(2) ``--sessions`` clerks at once against a real ``python -m kit serve`` (SQLite), each in its
    own browser context of one headless Chromium: sign in and open the form (a Voilà kernel
    each; opened one after another, all kept open), then in each: type a paragraph and 保存,
    then 报送. Prints p50/p95 of 保存 and 报送 as the clerk
    waits for them (click to the confirmation on the page), and the memory per session (PSS
    of the server's kernels, divided by the sessions).

Goals (issue "the county's filing desk"): p95 保存 < 300 ms, p95 报送 < 1 s, ≤ 150 MB per
clerk session; 0 lost or duplicated versions.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "tests"), str(ROOT / "tests" / "server")]

from fake_county import COUNTY, unit_name, write_county  # noqa: E402

UNITS = 20


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] if ordered else float("nan")


def state_changes(url: str, params: Path, changes: int) -> dict[str, object]:
    from sqlalchemy import select

    from kit.desk import states
    from kit.desk.accounts import CLERK, REVIEWER
    from kit.desk.database import DeskError, open_engine
    from kit.desk.schema import Event, Report, Version
    from kit.desk.service import Desk

    desk = Desk(open_engine(url), params, params.parent / "outputs")
    reviewer = desk.login("r", desk.create_user("r", REVIEWER, county=COUNTY))
    clerks = [desk.login(f"c{i}", desk.create_user(f"c{i}", CLERK, county=COUNTY, unit=unit_name(i)))
              for i in range(1, UNITS + 1)]
    times: dict[str, list[float]] = {"submit": [], "return": [], "approve": []}
    submitted = [0]
    lock = threading.Lock()

    def one(n: int) -> None:
        rng = random.Random(n)
        i = rng.randrange(UNITS)
        unit, clerk = unit_name(i + 1), clerks[i]
        action = "submit" if n < UNITS else rng.choice(["submit", "submit", "return", "approve"])
        start = time.perf_counter()
        try:
            if action == "submit":
                desk.submit(clerk, COUNTY, unit, 2023)
                with lock:
                    submitted[0] += 1
            else:
                seen = desk.status(reviewer, COUNTY, unit, 2023).version
                if action == "return":
                    desk.send_back(reviewer, COUNTY, unit, 2023, seen, "请核对")
                else:
                    desk.approve(reviewer, COUNTY, unit, 2023, seen)
        except DeskError:
            pass  # a refused move (another change came first) is an answer too
        with lock:
            times[action].append(time.perf_counter() - start)

    start = time.perf_counter()
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(one, range(changes)))
    seconds = time.perf_counter() - start
    lost = 0
    with desk.factory() as session:
        for report in session.scalars(select(Report)):
            numbers = sorted(session.scalars(select(Version.number).where(Version.report_id == report.id)))
            lost += numbers != list(range(1, len(numbers) + 1)) or report.current_version != len(numbers)
            last = session.scalars(select(Event.action).where(Event.report_id == report.id,
                                                              Event.action.in_(["submit", "return", "approve"]))
                                   .order_by(Event.id.desc()).limit(1)).first()
            lost += report.state != {"submit": states.SUBMITTED, "return": states.RETURNED,
                                     "approve": states.APPROVED}[last]
        versions = len(list(session.scalars(select(Version.id))))
    desk.engine.dispose()
    return {"seconds": seconds, "rate": changes / seconds, "versions": versions, "submitted": submitted[0],
            "inconsistent": lost, "p50": {k: percentile(v, 50) for k, v in times.items()},
            "p95": {k: percentile(v, 95) for k, v in times.items()}}


def sessions(root: Path, count: int) -> dict[str, object]:
    from browser_helpers import open_tab
    from desk_server import desk_server
    from playwright.sync_api import sync_playwright

    from kit.export.browser import CHROMIUM_ARGS

    params = root / "params"
    with desk_server(root) as server, sync_playwright() as pw:
        write_county(params, count, (2023,))  # 基准县, after the server seeded the other counties
        from kit.desk.database import open_engine, sqlite_url
        from kit.desk.roster_accounts import county_accounts
        from kit.desk.service import Desk

        desk = Desk(open_engine(sqlite_url(root / "desk")), params, root / "outputs")
        passwords = {a.username: a.password for a in county_accounts(desk, COUNTY)}
        desk.engine.dispose()
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=list(CHROMIUM_ARGS))
        pages, opens = [], []
        for i in range(1, count + 1):
            name = f"{COUNTY}{unit_name(i)}"
            page = browser.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN").new_page()
            page.set_default_timeout(300_000)
            page.goto(server.url)
            page.fill("#username", name)
            page.fill("#password", passwords[name])
            page.click("button[type=submit]")
            page.wait_for_url("**/kit/password")
            for field, value in (("#old", passwords[name]), ("#new", "基准口令12345"), ("#again", "基准口令12345")):
                page.fill(field, value)
            start = time.perf_counter()
            page.click("button[type=submit]")
            page.locator(".kit-form").wait_for()  # open one after another; all stay open
            opens.append(time.perf_counter() - start)
            pages.append(page)
        kernels = [p for p in psutil.Process(server.pid).children(recursive=True)
                   if "ipykernel" in " ".join(p.cmdline())]
        memory = sum(p.memory_full_info().pss for p in kernels) / max(1, count) / 2**20
        saves, submits = [], []
        for n, page in enumerate(pages):
            open_tab(page, "六 其他事项")
            page.locator(".kit-key-sections-other-text textarea").fill(f"本年度未收取信息处理费。第{n}号说明。")
            start = time.perf_counter()
            page.locator(".kit-act-save").click()
            page.get_by_text("已保存。").first.wait_for()
            saves.append(time.perf_counter() - start)
            start = time.perf_counter()
            page.locator(".kit-act-publish").click()
            page.locator(".kit-good", has_text=re.compile("已报送")).first.wait_for()
            submits.append(time.perf_counter() - start)
        browser.close()
    return {"sessions": count, "kernels": len(kernels), "mb_per_session": memory,
            "open_p50": percentile(opens, 50), "open_p95": percentile(opens, 95),
            "save_p50": percentile(saves, 50), "save_p95": percentile(saves, 95),
            "submit_p50": percentile(submits, 50), "submit_p95": percentile(submits, 95)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--changes", type=int, default=1000)
    args = parser.parse_args()
    from pg_server import new_database, postgres

    with tempfile.TemporaryDirectory(prefix="kit-bench-serve-") as tmp:
        root = Path(tmp)
        print(f"(1) {args.changes} state changes, 16 threads, {UNITS} units")
        with postgres() as server:
            for name, url in (("SQLite", f"sqlite:///{root / 'bench.sqlite3'}"), ("PostgreSQL", new_database(server))):
                params = root / name / "params"
                write_county(params, UNITS, (2023,))
                r = state_changes(url, params, args.changes)
                print(f"    {name:10} {r['rate']:.0f} changes/s; versions {r['versions']} = submissions "
                      f"{r['submitted']}: {'yes' if r['versions'] == r['submitted'] else 'NO'}; "
                      f"inconsistent reports {r['inconsistent']}; p50/p95 ms "
                      + ", ".join(f"{k} {r['p50'][k] * 1000:.0f}/{r['p95'][k] * 1000:.0f}" for k in r["p50"]))
        print(f"(2) {args.sessions} clerks at once against kit serve (SQLite)")
        s = sessions(root / "serve", args.sessions)
        print(f"    kernels {s['kernels']}, {s['mb_per_session']:.0f} MB per session (PSS); "
              f"form open p50 {s['open_p50']:.1f} s p95 {s['open_p95']:.1f} s; "
              f"保存 p50 {s['save_p50'] * 1000:.0f} ms p95 {s['save_p95'] * 1000:.0f} ms; "
              f"报送 p50 {s['submit_p50'] * 1000:.0f} ms p95 {s['submit_p95'] * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
