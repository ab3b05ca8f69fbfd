"""Errors raised by the export layer. Messages are Chinese and say how to fix the problem."""

from __future__ import annotations

from kit.base.errors import KitError


class KitExportError(KitError):
    """Exporting a report to HTML or PDF failed; ``str(err)`` tells the user what to do."""


class BrowserUnavailable(KitExportError):
    """No usable Chromium: not installed, not found, or it failed to start."""


INSTALL_HINT = (
    "请运行 sudo apt-get install -y chromium fonts-noto-cjk，"
    "或设置环境变量 KIT_CHROMIUM 指向 Chromium 内核浏览器的可执行文件。"
)


def browser_unavailable(reason: str, cause: BaseException | None = None) -> BrowserUnavailable:
    """Build a BrowserUnavailable whose message names the fix and the underlying cause."""
    message = f"{reason}，无法生成 PDF。{INSTALL_HINT}"
    if cause is not None:
        detail = str(cause).strip().splitlines()
        message += f"（原因：{type(cause).__name__}: {detail[0] if detail else ''}）"
    return BrowserUnavailable(message)
