"""Which account each kernel belongs to: recorded when Voilà starts a clerk's kernel (the
prelaunch hook names the account in a context variable, :class:`DeskKernelManager` reads it),
checked by the authorizer on every kernel request. A clerk keeps at most MAX_KERNELS kernels:
opening the form again shuts down the oldest."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

MAX_KERNELS = 2
STARTING: ContextVar[str | None] = ContextVar("kit_kernel_owner", default=None)
OWNERS: dict[str, str] = {}  # kernel id → username

#: what a page may send to its kernel: widget messages and the kernel's own queries, never
#: code (execute_request), inspection or completion of code
ALLOWED_MESSAGES = ["comm_open", "comm_msg", "comm_close", "comm_info_request", "kernel_info_request"]


def owned_by(username: str) -> list[str]:
    return [k for k, owner in OWNERS.items() if owner == username]


class DeskKernelManager(AsyncMappingKernelManager):
    """The server's kernel manager: records each kernel's owner, forgets it when it stops."""

    async def start_kernel(self, *args: Any, **kwargs: Any) -> str:  # type: ignore[override]
        owner = STARTING.get()
        kernel_id: str = await super().start_kernel(*args, **kwargs)
        if owner is not None:
            OWNERS[kernel_id] = owner
        return kernel_id

    async def shutdown_kernel(self, kernel_id: str, now: bool = False, restart: bool = False) -> None:  # type: ignore[override]
        await super().shutdown_kernel(kernel_id, now=now, restart=restart)
        if not restart:
            OWNERS.pop(kernel_id, None)

    async def make_room(self, username: str) -> None:
        """Shut down the account's oldest kernels so that a new one stays within MAX_KERNELS."""
        mine = owned_by(username)  # oldest first
        for kernel_id in mine[: max(0, len(mine) - MAX_KERNELS + 1)]:
            if kernel_id in self:
                await self.shutdown_kernel(kernel_id, now=True)
            OWNERS.pop(kernel_id, None)
