"""``python -m kit app``: the clerk's drafting form as a local web app (Voilà), no code shown.

Serves ``notebooks/app.ipynb`` with Voilà on 127.0.0.1 only and opens the browser on it
(Voilà's root is the outputs folder; the notebook is copied into its hidden ``.kit-app``). It
works offline: the kit's own Voilà template (``kit/form/app_share``) drops the lab
template's CDN links (Voilà's bundle already carries the icons). Of the files on disk only
the reports' HTML, PDF and Word under the outputs folder are served (Voilà's file
allow-list, :data:`kit.form.app.ALLOWED`). Stop it with Ctrl+C.
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import sys
import threading
import webbrowser
from pathlib import Path
from typing import Any

from kit.base.atomic import ensure_folder, write_text
from kit.base.errors import KitError
from kit.params.paths import DEFAULT_OUT, DEFAULT_PARAMS

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK = REPO / "notebooks" / "app.ipynb"
SHARE = REPO / "kit" / "form" / "app_share"  # jupyter data folder with the "kit" Voilà template
TEMPLATE = SHARE / "voila" / "templates" / "kit"  # its pages, the Chinese login among them
DEFAULT_PORT = 8866
IDLE_KERNEL = int(os.environ.get("KIT_APP_IDLE", "") or 600)  # seconds; a closed tab's kernel goes


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--params", type=Path, default=DEFAULT_PARAMS, help="参数目录（默认 params/）")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="输出目录（默认 outputs/）")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"端口（默认 {DEFAULT_PORT}；被占用时自动另选一个）")
    parser.add_argument("--no-browser", action="store_true", help="不自动打开浏览器")


def free_port(wanted: int) -> int:
    """``wanted`` when nothing listens on it at 127.0.0.1, otherwise a free port."""
    for port in (wanted, 0):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    msg = "找不到可用的端口。"
    raise OSError(msg)


#: Jupyter Server's keep-alive pings with a timeout Tornado accepts (its default, three
#: intervals, is cut down by Tornado with an English warning in the launch window)
QUIET_WEBSOCKETS = {"ws_ping_interval": 30000, "ws_ping_timeout": 30000}


def voila_config(params: Path, out: Path, port: int, browser: bool, token: str = ""):
    from traitlets.config import Config

    from kit.form.app import ALLOWED, DENIED

    config = Config()
    config.Voila.ip = "127.0.0.1"
    config.Voila.port = port
    config.Voila.port_retries = 0
    config.Voila.open_browser = False  # the address with the token is opened below
    config.Voila.root_dir = str(out)
    config.Voila.log_level = "ERROR"  # no English warnings in the clerk's window ("not trusted")
    config.VoilaConfiguration.multi_kernel_manager_class = quiet_kernels(out / ".kit-app" / "kernels.log")
    config.Voila.token = token  # every request needs it (the browser opens the address with it)
    config.MappingKernelManager.cull_idle_timeout = IDLE_KERNEL  # a closed tab keeps no kernel
    config.MappingKernelManager.cull_interval = max(1, min(60, IDLE_KERNEL // 2))
    config.MappingKernelManager.cull_connected = False
    config.FileContentsManager.allow_hidden = True  # the page's notebook is in .kit-app/
    config.VoilaConfiguration.template = "kit"
    config.VoilaConfiguration.prelaunch_hook = make_room
    config.VoilaConfiguration.theme = "light"
    config.VoilaConfiguration.show_tracebacks = False
    config.VoilaConfiguration.file_allowlist = list(ALLOWED)
    config.VoilaConfiguration.file_denylist = list(DENIED)
    return config


def run(args: argparse.Namespace) -> int:
    from kit.form.app import OUT_VAR, PARAMS_VAR, SERVED_VAR

    params, out = args.params.resolve(), args.out.resolve()
    if not params.is_dir():
        print(f"找不到参数目录 {args.params}。请在本工具的目录中运行，或用 --params 指定参数目录。",
              file=sys.stderr)
        return 2
    try:
        out.mkdir(parents=True, exist_ok=True)
        page = served_notebook(out)
        port = free_port(args.port)
    except (OSError, KitError) as exc:
        print(f"无法启动填写表单：{exc}请检查输出目录 {args.out} 是否可写，或用 --port 指定端口。",
              file=sys.stderr)
        return 1
    os.environ.update({PARAMS_VAR: str(params), OUT_VAR: str(out), SERVED_VAR: str(out)})
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        [str(SHARE), *filter(None, [os.environ.get("JUPYTER_PATH")])])
    token = secrets.token_urlsafe(24)
    url = f"http://127.0.0.1:{port}/?token={token}"
    print(f"填写表单已启动：{url}\n"
          "（如浏览器没有自动打开，请复制上面的地址到浏览器中打开；用完后在本窗口按 Ctrl+C 停止。）",
          flush=True)
    if not args.no_browser:
        threading.Timer(1.5, webbrowser.open, [url]).start()
    local_voila().launch_instance(argv=[str(page)], config=voila_config(params, out, port, False, token))
    return 0


MAX_KERNELS = 3  # the form open in a few tabs at most; more pages close the oldest kernels


def make_room(req: Any, notebook: Any, cwd: str) -> Any:
    """Voilà's prelaunch hook: before a page starts a kernel, shut down the oldest ones beyond
    MAX_KERNELS (reloads, many tabs, a page elsewhere that got hold of the token)."""
    import asyncio

    manager = req.settings.get("kernel_manager")
    if manager is not None:
        running = list(manager.list_kernel_ids())  # oldest first
        for kernel_id in running[: max(0, len(running) - MAX_KERNELS + 1)]:
            task = asyncio.ensure_future(_shutdown(manager, kernel_id))
            _TASKS.add(task)
            task.add_done_callback(_TASKS.discard)
    return notebook


_TASKS: set[Any] = set()


async def _shutdown(manager: Any, kernel_id: str) -> None:
    import inspect

    result = manager.shutdown_kernel(kernel_id, now=True)
    if inspect.isawaitable(result):
        await result


def quiet_kernels(log: Path) -> type:
    """Voilà's kernel manager, with what each kernel prints on its own (English start-up
    warnings, a crash's traceback) written to ``log`` instead of the clerk's window."""
    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

    class QuietKernels(AsyncMappingKernelManager):
        async def start_kernel(self, *args: Any, **kwargs: Any) -> str:  # type: ignore[override]
            ensure_folder(log.parent)
            with log.open("a", encoding="utf-8") as output:  # the kernel holds its own copy
                kwargs.setdefault("stderr", output)
                return await super().start_kernel(*args, **kwargs)

    return QuietKernels


def local_voila() -> Any:
    """Voilà, answering only requests addressed to this computer by name (127.0.0.1, localhost):
    a page elsewhere that points its own name at 127.0.0.1 (DNS rebinding) gets 403."""
    from voila.app import Voila

    class LocalVoila(Voila):
        def init_settings(self) -> dict:
            settings: dict = super().init_settings()
            settings["allow_remote_access"] = False  # Voilà sets True: no Host check at all
            settings["local_hostnames"] = ["localhost"]
            settings.update(QUIET_WEBSOCKETS)
            env = settings.get("jinja2_env")  # Jupyter Server's pages (login): the kit's first
            if env is not None:
                import jinja2

                env.loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(TEMPLATE)), env.loader])
            return settings

        def init_handlers(self) -> list:
            from kit.form.app import report_file_handler

            handlers: list = super().init_handlers()
            for index, entry in enumerate(handlers):
                if entry[0].endswith("/voila/files/(.*)"):  # the reports' files: checked inside too
                    handlers[index] = (entry[0], report_file_handler(entry[1]), *entry[2:])
            return handlers

    return LocalVoila


def served_notebook(out: Path) -> Path:
    """The app's notebook copied into ``<out>/.kit-app/`` (Voilà serves only notebooks inside
    its root, the outputs folder; the file route never serves hidden folders)."""
    target = out / ".kit-app" / NOTEBOOK.name
    write_text(target, NOTEBOOK.read_text(encoding="utf-8"))
    return target
