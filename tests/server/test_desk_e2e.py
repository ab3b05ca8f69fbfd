"""The filing desk end to end, on SQLite and on a real PostgreSQL: two clerks and the county's
reviewer in separate browser contexts (Playwright, headless Chromium) against a real
``python -m kit serve``.

下良镇 报送s; the reviewer 忽略s a warning with a comment and 退回s with a comment; 下良镇 sees
it, fixes, 报送s again; the ignored warning stays ignored; the reviewer 通过s and 发布s; the
published PDF has the same text as ``kit build`` of that version; 上良镇 and the other county's
reviewer never see 下良镇's report. With KIT_SCREENSHOTS=<dir> the steps are saved as PNG.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from browser_helpers import open_tab

from kit.batch.options import BuildOptions
from kit.batch.plan import BuildJob
from kit.batch.runner import build_one

pytestmark = [pytest.mark.browser, pytest.mark.slow]
A, B, R, OTHER = "襄垣县下良镇", "襄垣县上良镇", "襄垣县审核", "潞城区审核"
NEW = {A: "下良镇口令2024a", B: "上良镇口令2024b", R: "审核口令2024r", OTHER: "潞城口令2024o"}
FEE_TEXT = "本年度未收取信息处理费。无其他需要报告的事项。"


def shot(page, name: str) -> None:
    folder = os.environ.get("KIT_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"desk-{name}.png"), full_page=True)


def sign_in(browser, server, name: str, width: int = 1366):
    """A new browser context signed in as ``name`` (first login: the password is changed)."""
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(60_000)
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")) else None)
    page.goto(server.url)
    page.fill("#username", name)
    page.fill("#password", server.passwords[name])
    page.click("button[type=submit]")
    page.wait_for_url("**/kit/password")
    page.fill("#old", server.passwords[name])
    page.fill("#new", NEW[name])
    page.fill("#again", NEW[name])
    page.click("button[type=submit]")
    server.passwords[name] = NEW[name]
    page.outside = outside
    return page


def _pdf_text(data: bytes, tmp: Path) -> str:
    path = tmp / "x.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_submit_review_return_resubmit_approve_publish(server, browser, tmp_path):
    clerk = sign_in(browser, server, A)
    clerk.locator(".kit-form").wait_for(timeout=120_000)
    assert "报送状态：填写中" in clerk.locator(".kit-desk-state").inner_text()
    assert clerk.locator(".kit-chooser input").first.is_disabled() if clerk.locator(".kit-chooser input").count() else True
    clerk.locator(".kit-act-publish").click()
    clerk.get_by_text("已报送（第 1 版）").first.wait_for()
    shot(clerk, "1-clerk-submitted")

    reviewer = sign_in(browser, server, R)
    reviewer.wait_for_url("**/kit/queue")
    reviewer.goto(server.url + "kit/queue?year=2021")
    row = reviewer.locator("tr", has_text="下良镇")
    assert "已报送" in row.inner_text() and "第 1 版" in row.inner_text()
    row.get_by_role("link", name="审核").click()
    reviewer.get_by_text("审核：襄垣县下良镇 2021 年度").wait_for()
    assert "审阅稿" in reviewer.inner_text("body")
    spaces = reviewer.locator("tr", has_text="多余的空格")
    spaces.locator("input[name=comment]").fill("县里统一的标题写法，不必改")
    spaces.get_by_role("button", name="忽略").click()
    reviewer.locator("tr", has_text="多余的空格").get_by_text("已忽略").wait_for()
    reviewer.fill("#comment", "请补写信息处理费的收取情况。")
    reviewer.get_by_role("button", name="退回").click()
    reviewer.get_by_text("状态：已退回").wait_for()
    shot(reviewer, "2-reviewer-returned")

    clerk.reload()
    clerk.locator(".kit-desk-state", has_text="已退回").wait_for(timeout=120_000)
    assert "请补写信息处理费的收取情况。" in clerk.locator(".kit-desk-status").inner_text()
    open_tab(clerk, "六 其他事项")
    clerk.locator(".kit-key-sections-other-text textarea").fill(FEE_TEXT)
    clerk.locator(".kit-act-save").click()
    clerk.get_by_text("已保存。").wait_for()
    clerk.locator(".kit-act-publish").click()
    clerk.get_by_text("已报送（第 2 版）").first.wait_for()

    reviewer.reload()
    assert "第 2 版" in reviewer.inner_text("body")
    assert reviewer.locator("tr", has_text="多余的空格").get_by_text("已忽略").count() == 1  # kept
    assert "县里统一的标题写法" in reviewer.locator("tr", has_text="多余的空格").inner_text()
    assert "未说明信息处理费收取情况" not in reviewer.inner_text("body")
    assert "本年度未收取信息处理费" in reviewer.locator(".ins").first.inner_text()  # the redline
    reviewer.get_by_role("button", name="通过（备案）").click()
    reviewer.get_by_text("状态：已通过").wait_for()
    reviewer.get_by_role("button", name="发布（生成网页、PDF 和 Word）").click()
    reviewer.get_by_text("状态：已发布").wait_for(timeout=180_000)
    shot(reviewer, "3-reviewer-published")
    href = reviewer.get_by_role("link", name="PDF").get_attribute("href")
    pdf = reviewer.request.get(server.url.rstrip("/") + href)
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")

    params = tmp_path / "check" / "襄垣县" / "下良镇" / "2021.yaml"  # kit build of that version
    params.parent.mkdir(parents=True)
    params.write_text((server.params / "襄垣县" / "下良镇" / "2021.yaml").read_text(encoding="utf-8"),
                      encoding="utf-8")
    built = build_one(BuildJob("襄垣县", "下良镇", 2021, params, tmp_path / "built"),
                      BuildOptions(formats=("html", "pdf"), params_dir=tmp_path / "check", out_root=tmp_path))
    assert built.ok
    assert _pdf_text(pdf.body(), tmp_path) == _pdf_text((tmp_path / "built" / "report.pdf").read_bytes(), tmp_path)

    other = sign_in(browser, server, B)  # the other township: its own form, nothing of 下良镇
    other.locator(".kit-form").wait_for(timeout=120_000)
    assert "襄垣县 上良镇 2021 年度" in other.locator(".kit-status").inner_text()
    for path in (href, "/kit/review/下良镇/2021", "/kit/queue"):
        assert other.request.get(server.url.rstrip("/") + path).status == 403, path
    elsewhere = sign_in(browser, server, OTHER)  # another county's reviewer
    elsewhere.wait_for_url("**/kit/queue")
    assert elsewhere.request.get(server.url.rstrip("/") + href).status == 403
    page = elsewhere.request.get(server.url + "kit/review/下良镇/2021")
    assert page.status == 404 and "下良镇" not in page.text().split("</header>")[1].split("没有")[0]
    for p in (clerk, reviewer, other, elsewhere):
        assert p.outside == [], p.outside
        p.context.close()
