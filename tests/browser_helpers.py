"""Helpers shared by the browser tests (Playwright)."""

from __future__ import annotations


def open_tab(page, name: str) -> None:
    """Open a tab of the form and wait until it is the current one: a widget update from the
    kernel that arrives after the click may select the first tab again, then click once more."""
    current = page.locator(".lm-TabBar-tab.lm-mod-current", has_text=name)
    for _ in range(5):
        page.locator(".lm-TabBar-tab", has_text=name).first.click()
        try:
            current.first.wait_for(timeout=4_000)
            return
        except Exception:  # playwright's TimeoutError: not current yet
            continue
    current.first.wait_for()
