"""Running an expensive refresh once typing pauses, inside a Jupyter kernel."""

from __future__ import annotations

import asyncio
from collections.abc import Callable


class Debouncer:
    """Run ``fn`` once typing pauses for ``delay`` seconds (at once outside an event loop)."""

    def __init__(self, delay: float, fn: Callable[[], None]) -> None:
        self.delay = delay
        self.fn = fn
        self._handle: asyncio.TimerHandle | None = None

    def __call__(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if self.delay <= 0 or loop is None:
            self.fn()
            return
        if self._handle is not None:
            self._handle.cancel()
        self._handle = loop.call_later(self.delay, self.fn)
