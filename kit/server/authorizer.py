"""What a signed-in account may reach of Jupyter Server's own routes (Jupyter Server's
Authorizer API). An administrator may do anything; every other account may only talk to the
kernels of its own form (widget messages only, :data:`kit.server.owners.ALLOWED_MESSAGES`) and
read kernel specs. Contents, files, sessions, terminals, the kernel list: refused (403)."""

from __future__ import annotations

from typing import Any

from jupyter_server.auth.authorizer import Authorizer

from kit.desk.accounts import ADMIN, CLERK
from kit.server.owners import OWNERS


class DeskAuthorizer(Authorizer):
    def is_authorized(self, handler: Any, user: Any, action: str, resource: str) -> bool:
        who = getattr(user, "who", None)
        if who is None:
            return False
        if who.role == ADMIN:
            return True
        if resource == "kernelspecs" and action == "read":
            return True
        if resource == "kernels" and who.role == CLERK:
            kernel_id = (getattr(handler, "path_kwargs", None) or {}).get("kernel_id")
            if kernel_id is None and getattr(handler, "path_args", None):
                kernel_id = handler.path_args[0]
            return kernel_id is not None and OWNERS.get(kernel_id) == who.username
        return False
