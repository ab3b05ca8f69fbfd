"""Voilà's prelaunch hook: the clerk's form is opened on the signed-in account's own unit.

Before Voilà starts the kernel of ``desk.ipynb`` the hook writes the account's name into the
notebook's one cell (the kernel then opens the desk's form for that account), names the owner
of the kernel about to start (:mod:`kit.server.owners`) and makes room within the account's
kernel limit. Any other account, or one that must first change its password, gets 403.
"""

from __future__ import annotations

import asyncio
from typing import Any

from nbformat import NotebookNode
from tornado import web

from kit.desk.accounts import CLERK
from kit.server.owners import STARTING

_TASKS: set[asyncio.Future[Any]] = set()  # kept until done (asyncio holds only weak references)
CELL = "from kit.server.clerk import desk_form\n\ndesk_form({username!r})"


def prelaunch(req: web.RequestHandler, notebook: NotebookNode, cwd: str) -> NotebookNode:
    who = getattr(req.current_user, "who", None)
    if who is None or who.role != CLERK:
        raise web.HTTPError(403, "只有乡镇、部门的填报人可以打开填写表单。")
    if who.must_change:
        raise web.HTTPError(403, "请先修改初始密码。")
    code = [c for c in notebook.cells if c.cell_type == "code"]
    if len(code) != 1:
        raise web.HTTPError(500, "填写表单的页面已损坏。")
    code[0].source = CELL.format(username=who.username)
    STARTING.set(who.username)
    manager: Any = req.settings["kernel_manager"]
    if hasattr(manager, "make_room"):
        task = asyncio.ensure_future(manager.make_room(who.username))
        _TASKS.add(task)
        task.add_done_callback(_TASKS.discard)
    return notebook
