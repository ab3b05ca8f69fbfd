"""End to end: the clerk's app (``python -m kit app``, Voilà) in headless Chromium.

One server for the module, started exactly as the README says (with ``--no-browser`` and a
free port), on a copy of params/. The clerk opens the app, starts the next year, types a
cell (the live check answers under the cell) and a paragraph, saves, tries to publish with
markers left (refused, with a list that opens each place), rewrites the rest, publishes and
opens the PDF through its link. No request may leave 127.0.0.1, and only the reports'
files are served. With KIT_SCREENSHOTS=<dir> the steps are saved as PNG files there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

import pytest
from browser_helpers import open_tab
from process_helpers import running_kernels, stop_group, wait_until_serving

from kit.cli.app import free_port  # a free port on 127.0.0.1
from kit.export.browser import CHROMIUM_ARGS
from kit.params.loader import load_params

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
COUNTY, UNIT = "襄垣县", "下良镇"
TOKEN_URL, PID = "", 0  # set by the app fixture
#: every paragraph a new year carries over with the 【请按本年度情况改写】 marker, by tab
REWRITE = {
    "一 总体情况": ["sections-general-text", "sections-general-proactive-text",
                "sections-general-management-text", "sections-general-platform-text",
                "sections-general-oversight-text"],
    "五 问题与改进": ["sections-problems-problems-text", "sections-problems-improvements-text"],
    "六 其他事项": ["sections-other-text"],
}

pytestmark = [pytest.mark.browser, pytest.mark.slow,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian chromium")]



@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """``python -m kit app`` on a copy of params/: yields (its URL, the working folder)."""
    root = tmp_path_factory.mktemp("app")
    shutil.copytree(REPO / "params", root / "params")
    port = free_port(0)
    log = (root / "app.log").open("wb")
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(root / "runtime"),
               JUPYTER_DATA_DIR=str(root / "data"), IPYTHONDIR=str(root / "ipython"))
    proc = subprocess.Popen([sys.executable, "-m", "kit", "app", "--no-browser", "--port", str(port),
                             "--params", str(root / "params"), "--out", str(root / "outputs")],
                            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_serving(url + "voila/static/voila.js", proc, 60, root / "app.log", "the app")
        printed = re.search(r"填写表单已启动：(\S+)", (root / "app.log").read_text(encoding="utf-8")).group(1)
        assert printed.startswith(url + "?token=")
        global TOKEN_URL, PID
        TOKEN_URL, PID = printed, proc.pid
        yield url, root
    finally:
        stop_group(proc, 15)
        log.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        yield chromium
        chromium.close()


def shot(page, name: str) -> None:
    folder = os.environ.get("KIT_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"app-{name}.png"))


def tab(page, name: str) -> None:
    open_tab(page, name)


def test_the_app_from_new_year_to_published_pdf(app, browser):
    url, root = app
    page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="zh-CN")
    page.set_default_timeout(30_000)
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")) else None)
    page.goto(TOKEN_URL)  # the address the app printed
    page.locator(".kit-form").wait_for(timeout=90_000)
    assert "import" not in page.inner_text("body")  # no code cell, no notebook chrome
    tabs = page.locator(".widget-tab > .lm-TabBar").bounding_box()
    tab_height = page.locator(".lm-TabBar-tab").first.bounding_box()["height"]
    assert tabs["height"] < 2 * tab_height, "the tab bar wraps at 1366 px"
    shot(page, "1-open")

    page.locator(".kit-act-next").click()  # 开始 2022 年度
    page.locator(".kit-status", has_text="2022 年度").wait_for()
    status = page.locator(".kit-status").inner_text()
    assert "待填写" in status and "错误" not in status, status
    assert page.locator(".kit-key-published input").get_attribute("placeholder").startswith("YYYY-MM-DD")
    shot(page, "2-new-year")

    tab(page, "三 依申请公开")
    cell = page.locator(".kit-key-tables-applications-received-natural input")
    cell.fill("x")
    callout = page.locator(".kit-callout .widget-html-content", has_text="错误")
    callout.wait_for()  # the live check, right under the cell
    cell_box, callout_box = cell.bounding_box(), callout.bounding_box()
    assert abs(callout_box["y"] - (cell_box["y"] + cell_box["height"])) < 12
    assert abs(callout_box["x"] - cell_box["x"]) < 12
    shot(page, "3-cell-error")
    cell.fill("2")
    page.locator(".kit-key-tables-applications-disclosed-natural input").fill("2")
    page.locator(".kit-key-tables-applications-carried_forward-natural input").fill("0")
    callout.wait_for(state="hidden")

    tab(page, "一 总体情况")
    page.locator(".kit-key-sections-general-on_request-text textarea").fill(
        "本年收到政府信息公开申请 2 件，均已按期答复。")
    page.locator(".kit-act-save").click()
    page.get_by_text("已保存。").wait_for()
    path = root / "params" / COUNTY / UNIT / "2022.yaml"
    params, _ = load_params(path)
    assert params is not None and params.input_value("applications", "received", "natural") == 2

    page.locator(".kit-act-publish").click()  # markers left: refused
    refusal = page.locator(".kit-refusal")
    refusal.get_by_text("发布前还需处理").wait_for()
    assert "草稿" in page.locator(".kit-alert").first.inner_text()
    shot(page, "4-refused")
    tab(page, "基本信息")
    refusal.locator(".kit-goto").first.click()  # opens the tab where the paragraph is
    page.locator(".lm-TabBar-tab.lm-mod-current", has_text="一 总体情况").wait_for()
    page.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'TEXTAREA'")
    focused = page.evaluate("""() => { const r = document.activeElement.getBoundingClientRect();
        return {key: document.activeElement.closest('[class*="kit-key-"]').className, top: r.top,
                bottom: r.bottom, height: window.innerHeight}; }""")
    assert "kit-key-sections-general" in focused["key"], focused  # the cursor in that paragraph
    assert 0 <= focused["top"] < focused["height"], focused  # scrolled into view
    assert not (root / "outputs" / COUNTY / UNIT / "2022" / "report.pdf").exists()

    for tab_name, keys in REWRITE.items():
        tab(page, tab_name)
        for n, key in enumerate(keys):
            page.locator(f".kit-key-{key} textarea").fill(
                f"2022年，下良镇{tab_name[2:]}第{n + 1}项工作按本年度实际情况开展，本年未收取信息处理费。")
    page.locator(".kit-act-publish").click()
    page.get_by_text("已生成可发布的报告").wait_for(timeout=180_000)
    assert page.locator(".kit-refusal").is_hidden()
    shot(page, "5-published")

    link = page.locator(".kit-links a", has_text="打印版（PDF）")
    href = link.get_attribute("href")
    assert href.startswith("voila/files/") and link.get_attribute("target") == "_blank"
    pdf = page.request.get(url + href)  # the session's cookie, no token in the address
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")
    assert pdf.body() == (root / "outputs" / COUNTY / UNIT / "2022" / "report.pdf").read_bytes()
    for name, head in (("tujie.png", b"\x89PNG"), ("jiedu.html", b"<!DOCTYPE html>")):  # the companions
        link = page.locator(".kit-links a", has_text="图解（图片）" if name == "tujie.png" else "解读（网页）")
        served = page.request.get(url + link.get_attribute("href"))
        assert served.status == 200 and served.body().startswith(head), name
    with page.expect_popup() as popup:
        page.locator(".kit-links a", has_text="网页版").click()
    popup.value.wait_for_load_state()
    assert "襄垣县下良镇人民政府2022年" in popup.value.inner_text("body")
    assert outside == [], outside
    page.close()


def test_from_a_register_in_the_app(app, browser, tmp_path):
    """从台账导入: the clerk chooses the register file in the browser, sees what it changes, 采用."""
    from datetime import date

    sys.path.insert(0, str(REPO / "tests" / "ledger"))
    from ledger_helpers import filled

    page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="zh-CN")
    page.set_default_timeout(30_000)
    page.goto(TOKEN_URL)
    page.locator(".kit-form").wait_for(timeout=90_000)
    year = int(re.search(r"(\d{4}) 年度", page.locator(".kit-status").inner_text()).group(1))
    register = filled(tmp_path / "台账.xlsx", COUNTY, UNIT, year, {"依申请公开": [
        ["A1", date(year, 3, 1), "自然人", "", "（一）予以公开", date(year, 3, 9), "否", ""],
        ["A2", date(year, 4, 1), "自然人", "", "（一）予以公开", date(year, 4, 8), "否", ""],
        ["A3", date(year, 5, 1), "法律服务机构", "", "（二）部分公开", date(year, 5, 9), "否", ""]]})
    page.get_by_text("从台账导入（依申请公开登记台账等）").click()
    with page.expect_file_chooser() as chooser:  # the widget makes its file input on the click
        page.locator(".kit-ledger-upload").click()
    chooser.value.set_files(str(register))
    result = page.locator(".kit-ledger-result")
    result.get_by_text("台账将改动").wait_for()
    assert "一、本年新收政府信息公开申请数量·法律服务机构：0 → 1" in result.inner_text()
    assert "栏目" not in result.inner_text()  # the register's 主动公开 sheet is empty: not kept
    shot(page, "7-ledger")
    page.locator(".kit-ledger-take").click()
    result.get_by_text("请核对后点“保存”").wait_for()
    tab(page, "三 依申请公开")
    assert page.locator(".kit-key-tables-applications-received-legal input").input_value() == "1"
    page.wait_for_function("""() => document.querySelector('.kit-key-tables-applications-received-natural input')
        .value === '2'""")
    page.close()


def test_on_a_phone_every_tab_shows_and_a_wide_table_scrolls_with_a_cue(app, browser):
    page = browser.new_page(viewport={"width": 390, "height": 800}, locale="zh-CN")
    page.set_default_timeout(30_000)
    page.goto(TOKEN_URL)
    page.locator(".kit-form").wait_for(timeout=90_000)
    hidden = page.evaluate("""() => [...document.querySelectorAll('.widget-tab > .lm-TabBar .lm-TabBar-tab')]
        .filter(t => { const r = t.getBoundingClientRect(); return r.left < 0 || r.right > innerWidth; })
        .map(t => t.textContent)""")
    assert hidden == []  # the tab bar wraps instead of hiding tabs past the edge
    tab(page, "三 依申请公开")
    found = page.evaluate("""() => { const s = document.querySelector('.kit-grid-wide');
        const inputs = [...s.querySelectorAll('input')].map(i => i.getBoundingClientRect().width);
        return {scrolls: s.scrollWidth > s.clientWidth + 10, fits: s.getBoundingClientRect().right <= innerWidth + 1,
                narrowest: Math.min(...inputs), cue: getComputedStyle(s, '::before').content}; }""")
    assert found["scrolls"] and found["fits"] and "左右滑动" in found["cue"], found
    assert found["narrowest"] >= 40, found  # a four-digit count shows whole
    shot(page, "6-phone")
    page.close()
    log = (app[1] / "app.log").read_text(encoding="utf-8")
    assert "WARNING" not in log and "Traceback" not in log, log  # the clerk's window: Chinese only


@pytest.mark.parametrize("path", ["voila/files/.kit-app/app.ipynb", "voila/files/../params/襄垣县/下良镇/2021.yaml",
                                  "voila/files/襄垣县/下良镇/2021/report.ipynb", "voila/files/index.html",
                                  "voila/files/襄垣县/下良镇/2022/tujie.svg", "voila/files/襄垣县/下良镇/2022/tujie.html"])
def test_only_the_reports_are_served(app, path):
    url, _ = app
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(url + urllib.request.quote(path), timeout=10)
    assert refused.value.code in (403, 404)


def _kernels() -> int:
    return running_kernels(PID)


def test_a_page_elsewhere_cannot_drive_the_app(app, browser):
    """No token: nothing opens and no kernel starts (twelve <img>-like GETs from another origin);
    another host name pointed at 127.0.0.1 (DNS rebinding) is refused even with the token."""
    url, _ = app
    before = _kernels()
    for _ in range(12):
        request = urllib.request.Request(url, headers={"Origin": "http://evil.example", "Referer": "http://evil.example/"})
        with suppress(urllib.error.HTTPError), urllib.request.urlopen(request, timeout=30) as reply:
            assert "kit-form" not in reply.read().decode("utf-8", "replace")
    assert _kernels() == before
    with urllib.request.urlopen(url, timeout=30) as reply:  # without the token: a Chinese page
        text = reply.read().decode("utf-8")
    assert "请用启动时显示的完整地址打开" in text and "Password" not in text
    port = url.rsplit(":", 1)[1].strip("/")
    rebinding = urllib.request.Request(TOKEN_URL, headers={"Host": f"evil.example:{port}"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(rebinding, timeout=30)
    assert refused.value.code == 403
    # a real browser whose DNS answers 127.0.0.1 for evil.example, as after a rebinding
    rebound = browser.browser_type.launch(executable_path=CHROMIUM, args=[
        *CHROMIUM_ARGS, "--host-resolver-rules=MAP evil.example 127.0.0.1"])
    page = rebound.new_page(locale="zh-CN")
    reply = page.goto(f"http://evil.example:{port}/" + TOKEN_URL.split("/", 3)[3])
    assert reply is not None and reply.status == 403
    assert _kernels() == before
    rebound.close()


def test_a_file_that_is_not_what_its_name_says_is_not_served(app):
    """A params file copied under outputs/ as report.docx (or .pdf, .html) is refused."""
    url, root = app
    token = TOKEN_URL.split("token=", 1)[1]
    folder = root / "outputs" / COUNTY / UNIT / "2019"
    folder.mkdir(parents=True, exist_ok=True)
    secret = (root / "params" / COUNTY / UNIT / "2021.yaml").read_bytes()
    for name in ("report.docx", "report.pdf", "report.html", "tujie.png", "jiedu.html", "jiedu.docx", "tujie.pdf"):
        (folder / name).write_bytes(secret)
        address = f"{url}voila/files/{urllib.request.quote(f'{COUNTY}/{UNIT}/2019/{name}')}?token={token}"
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(address, timeout=10)
        assert refused.value.code == 403, name


def test_kernels_are_limited_however_often_the_page_opens(app):
    before = _kernels()
    for _ in range(6):
        with urllib.request.urlopen(TOKEN_URL, timeout=120) as reply:
            reply.read()
    deadline = time.monotonic() + 20
    while _kernels() > 3 and time.monotonic() < deadline:
        time.sleep(0.5)
    assert _kernels() <= max(3, before)
