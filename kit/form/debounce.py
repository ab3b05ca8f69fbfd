"""Running an expensive refresh once typing pauses, inside a Jupyter kernel."""

from __future__ import annotations

import asyncio
from collections.abc import Callable


class Debouncer:
    """Run ``fn`` once typing pauses for ``delay`` seconds (at once outside an event loop).

    ``running_loop`` finds the event loop (asyncio's running loop; tests give their own clock).
    """

    def __init__(self, delay: float, fn: Callable[[], None],
                 running_loop: Callable[[], asyncio.AbstractEventLoop] = asyncio.get_running_loop) -> None:
        self.delay = delay
        self.fn = fn
        self.running_loop = running_loop
        self._handle: asyncio.TimerHandle | None = None

    def __call__(self) -> None:
        try:
            loop: asyncio.AbstractEventLoop | None = self.running_loop()
        except RuntimeError:
            loop = None
        if self.delay <= 0 or loop is None:
            self.fn()
            return
        if self._handle is not None:
            self._handle.cancel()
        self._handle = loop.call_later(self.delay, self.fn)
