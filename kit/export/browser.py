"""One headless Chromium, driven by Playwright's sync API on a thread of its own.

Playwright's sync API refuses to run where an asyncio loop is running (a Jupyter kernel, the
Jupyter server). Running every Playwright call on one dedicated worker thread avoids that, and
keeps all Playwright objects on the thread that created them.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from kit.export.errors import KitExportError, browser_unavailable

if TYPE_CHECKING:
    from playwright.sync_api import Page

T = TypeVar("T")

ENV_VAR = "KIT_CHROMIUM"
CANDIDATES = ("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome")
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)


def find_chromium(executable_path: str | os.PathLike[str] | None = None) -> Path:
    """The Chromium to launch: the argument, else $KIT_CHROMIUM, else the first on PATH."""
    if executable_path:
        return _checked(Path(executable_path), "找不到指定的 Chromium 浏览器")
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env:
        return _checked(Path(from_env), f"环境变量 {ENV_VAR} 指向的 Chromium 浏览器不存在")
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return Path(found)
    raise browser_unavailable(f"未找到 Chromium 浏览器（已查找 {'、'.join(CANDIDATES)}）")


def _checked(path: Path, reason: str) -> Path:
    if not path.is_file() or not os.access(path, os.X_OK):
        raise browser_unavailable(f"{reason}：{path}")
    return path


class BrowserThread:
    """Playwright + one Chromium + one reusable page, all living on one worker thread."""

    def __init__(
        self,
        executable: Path,
        extra_args: Sequence[str] = (),
        timeout_s: float = 60.0,
    ) -> None:
        self.executable = executable
        self.args = [*CHROMIUM_ARGS, *extra_args]  # a fresh list: never mutated later
        self.timeout_s = timeout_s
        self._pool: ThreadPoolExecutor | None = None
        self._state: dict[str, Any] = {}

    @property
    def running(self) -> bool:
        return self._pool is not None

    def start(self) -> None:
        """Launch Chromium; raises BrowserUnavailable (Chinese, names the fix) on failure."""
        if self._pool is not None:
            return
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kit-chromium")
        try:
            self._pool.submit(self._launch).result()
        except Exception as exc:
            self.close()
            if isinstance(exc, KitExportError):
                raise
            raise browser_unavailable(f"Chromium 浏览器启动失败（{self.executable}）", exc) from exc

    def call(self, fn: Callable[[Page], T]) -> T:
        """Run ``fn(page)`` on the browser thread and return its result."""
        if self._pool is None:
            raise KitExportError("浏览器尚未启动或已关闭。请在 with PdfPrinter() 语句块内使用它。")
        return self._pool.submit(lambda: fn(self._state["page"])).result()

    def alive(self) -> bool:
        """Whether Chromium is still there (it may have been killed or crashed)."""
        if self._pool is None:
            return False
        try:
            return bool(self._pool.submit(lambda: self._state["browser"].is_connected())
                        .result(timeout=self.timeout_s))
        except Exception:
            return False

    def restart(self) -> None:
        """Drop a dead Chromium (whatever is left of it) and launch a new one."""
        with contextlib.suppress(Exception):
            self.close()
        self.start()

    def close(self) -> None:
        """Close page, browser and Playwright; safe to call twice."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        try:
            pool.submit(self._shutdown).result(timeout=self.timeout_s)
        except RuntimeError:
            # At interpreter exit (an atexit close) executors take no new work; Playwright's
            # driver then ends with our process and takes its Chromium along.
            pass
        finally:
            pool.shutdown(wait=False)

    # The methods below run on the worker thread only.

    def _launch(self) -> None:
        try:
            # lazy: Playwright loads only when a PDF is printed (HTML-only builds skip it)
            from playwright.sync_api import sync_playwright
        except ImportError as exc:
            raise KitExportError(
                "未安装 Python 包 playwright，无法生成 PDF。请运行 ./dev.sh setup，"
                "或 pip install playwright（无需 playwright install，本工具使用系统的 Chromium）。"
            ) from exc
        playwright = sync_playwright().start()
        self._state["playwright"] = playwright
        browser = playwright.chromium.launch(
            executable_path=str(self.executable),
            args=list(self.args),
            timeout=self.timeout_s * 1000,
            handle_sigint=False,
            handle_sigterm=False,
            handle_sighup=False,
        )
        self._state["browser"] = browser
        # offline: a stray remote URL fails at once instead of waiting for a network timeout.
        context = browser.new_context(offline=True)
        page = context.new_page()
        page.emulate_media(media="print")  # scripts that measure the page see the print layout
        page.set_default_timeout(self.timeout_s * 1000)
        self._state["page"] = page

    def _shutdown(self) -> None:
        browser = self._state.pop("browser", None)
        playwright = self._state.pop("playwright", None)
        self._state.clear()
        try:
            if browser is not None:
                browser.close()
        finally:
            if playwright is not None:
                playwright.stop()
