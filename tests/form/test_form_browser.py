"""End to end: the draft notebook in a real JupyterLab, driven by headless Chromium.

Starts ``jupyter lab`` on 127.0.0.1 (free port, random token, every Jupyter folder in tmp),
runs notebooks/draft.ipynb, types into a table cell and a paragraph, clicks 保存 and reads
the params file back.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from browser_helpers import open_tab
from process_helpers import stop_group, wait_until_serving

from kit.cli.app import free_port  # a free port on 127.0.0.1
from kit.export.browser import CHROMIUM_ARGS
from kit.params.loader import load_params

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
#: the project's JupyterLab settings (./dev.sh setup installs them into .venv): Chinese, no news
PROJECT_SETTINGS = json.loads((REPO / "kit/form/app_share/lab/settings/overrides.d/kit.json")
                              .read_text(encoding="utf-8"))
FILE = Path("params/襄垣县/下良镇/2021.yaml")

pytestmark = [pytest.mark.browser, pytest.mark.slow,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian chromium")]



def make_root(tmp: Path) -> Path:
    """A server root with the draft notebook and a copy of params/."""
    root = tmp / "root"
    (root / "notebooks").mkdir(parents=True)
    shutil.copy(REPO / "notebooks" / "draft.ipynb", root / "notebooks" / "draft.ipynb")
    shutil.copytree(REPO / "params", root / "params")
    return root


@contextmanager
def lab_server(root: Path, tmp: Path) -> Iterator[str]:
    """Run JupyterLab on ``root``; yield its URL with the token; always stop it."""
    settings = tmp / "app-settings"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "overrides.json").write_text(json.dumps(PROJECT_SETTINGS), encoding="utf-8")
    env = dict(os.environ)
    for name, sub in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTERLAB_SETTINGS_DIR", "user-settings"),
                      ("JUPYTER_RUNTIME_DIR", "runtime"), ("JUPYTER_DATA_DIR", "data"),
                      ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"), ("IPYTHONDIR", "ipython")):
        env[name] = str(tmp / sub)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    port, token = free_port(0), secrets.token_hex(16)
    log = (tmp / "jupyter.log").open("wb")
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "jupyter"), "lab", "--allow-root", "--no-browser",
         f"--ServerApp.token={token}", "--ip", "127.0.0.1", "--port", str(port),
         "--ServerApp.port_retries=0", f"--ServerApp.root_dir={root}",
         f"--LabApp.app_settings_dir={settings}"],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(f"{base}/api/status?token={token}", proc, 30, tmp / "jupyter.log", "JupyterLab")
        yield f"{base}/lab/tree/notebooks/draft.ipynb?token={token}"
    finally:
        stop_group(proc, 10)
        log.close()


@contextmanager
def browser_page(width: int = 1400, height: int = 1000) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        try:
            page = browser.new_page(viewport={"width": width, "height": height}, locale="zh-CN")
            page.set_default_timeout(20_000)
            yield page
        finally:
            browser.close()


def open_form(page, url: str) -> None:
    """Open the notebook, wait for the kernel, run all cells, wait for the form."""
    page.goto(url)
    page.locator(".jp-Notebook").wait_for()
    page.locator("text=空闲 >> visible=true").first.wait_for(timeout=30_000)  # zh-CN "Idle"
    page.locator(".jp-Notebook").click()
    # what the notebook's instructions say: 运行 → 运行所有单元格
    page.locator(".lm-MenuBar-item", has_text="运行").first.click()
    page.locator(".lm-Menu-item", has_text="运行所有单元格").first.click()
    page.locator(".kit-form").wait_for(timeout=30_000)
    page.locator(".kit-status").get_by_text("已保存").wait_for()


def tab(page, name: str) -> None:
    open_tab(page, name)


def test_typing_in_the_form_and_saving_changes_the_params_file(tmp_path):
    root = make_root(tmp_path)
    path = root / FILE
    before = path.read_bytes()
    with lab_server(root, tmp_path) as url, browser_page() as page:
        open_form(page, url)
        tab(page, "三 依申请公开")
        cell = page.locator(".kit-key-tables-applications-received-natural input")
        cell.fill("3")
        page.locator(".kit-key-tables-applications-disclosed-natural input").fill("3")
        tab(page, "一 总体情况")
        page.locator(".kit-key-sections-general-on_request-text textarea").fill(
            "本年收到政府信息公开申请 3 件，均已按期答复。")
        page.locator(".kit-status").get_by_text("有未保存的修改").wait_for()
        page.locator(".kit-act-save").click()
        page.locator(".kit-status").get_by_text("已保存").wait_for()
        page.get_by_text("已保存。").wait_for()
        if os.environ.get("KIT_SCREENSHOTS"):  # for looking at the form as a clerk sees it
            page.screenshot(path=str(Path(os.environ["KIT_SCREENSHOTS"]) / "form.png"))
    assert path.read_bytes() != before
    params, problems = load_params(path)
    assert params is not None, problems
    assert params.input_value("applications", "received", "natural") == 3
    assert params.value("applications", "total", "total") == 3
    assert params.subsection("general", "on_request").text == "本年收到政府信息公开申请 3 件，均已按期答复。"
    assert list((path.parent / ".backup").glob("2021.*.yaml"))
