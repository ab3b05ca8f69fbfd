"""Starting the desk's server: one Jupyter Server process with the kit's identity provider,
authorizer and kernel manager, Voilà for the clerks' form and the desk's pages.

Listens on 127.0.0.1 unless told otherwise; Host headers other than the server's own names are
refused (a page elsewhere cannot reach it by DNS rebinding); there is no token, every page
needs a signed-in account; kernels are culled when idle and never run code sent by a page.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from pathlib import Path

from traitlets.config import Config

from kit.base.atomic import write_bytes, write_text
from kit.desk.database import open_engine, sqlite_url
from kit.desk.service import Desk
from kit.server import clerk
from kit.server.owners import ALLOWED_MESSAGES

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK = REPO / "notebooks" / "desk.ipynb"
SHARE = REPO / "kit" / "form" / "app_share"  # the kit's Voilà template
IDLE_KERNEL = 600  # seconds without a connected page before a clerk's kernel is shut down
IDLE_VAR = "KIT_DESK_IDLE"  # another number of seconds (tests)


def data_folder(params: Path) -> Path:
    """Where the desk keeps its SQLite database, cookie secret and page: ``desk/`` beside params."""
    return params.resolve().parent / "desk"


def prepare(params: Path, out: Path, db_url: str | None) -> tuple[Desk, Path]:
    """The desk (database migrated) and the folder Voilà serves (holding only the form's page)."""
    data = data_folder(params)
    data.mkdir(parents=True, exist_ok=True)
    url = db_url or sqlite_url(data)
    desk = Desk(open_engine(url), params.resolve(), out.resolve())
    pages = data / "pages"
    write_text(pages / NOTEBOOK.name, NOTEBOOK.read_text(encoding="utf-8"))
    secret = data / "cookie_secret"
    if not secret.is_file():
        write_bytes(secret, secrets.token_bytes(32))
        secret.chmod(0o600)
    os.environ.update({clerk.DB_VAR: url, clerk.PARAMS_VAR: str(params.resolve()),
                       clerk.OUT_VAR: str(out.resolve()), clerk.BASE_VAR: "/"})
    os.environ["JUPYTER_PATH"] = os.pathsep.join([str(SHARE), *filter(None, [os.environ.get("JUPYTER_PATH")])])
    return desk, pages


def server_config(pages: Path, ip: str, port: int, browser: bool, hostnames: list[str],
                  certfile: str | None = None, keyfile: str | None = None) -> Config:
    from kit.server.authorizer import DeskAuthorizer
    from kit.server.hooks import prelaunch
    from kit.server.identity import DeskIdentityProvider
    from kit.server.owners import DeskKernelManager

    c = Config()
    c.ServerApp.ip, c.ServerApp.port, c.ServerApp.port_retries = ip, port, 0
    c.ServerApp.open_browser = browser
    c.ServerApp.root_dir = str(pages)
    c.ServerApp.default_url = "/kit/"
    c.ServerApp.cookie_secret_file = str(pages.parent / "cookie_secret")
    c.ServerApp.jpserver_extensions = {"voila": True, "kit.server": True, "jupyterlab": False,
                                       "jupyter_lsp": False, "notebook_shim": False,
                                       "jupyter_server_terminals": False}
    c.ServerApp.identity_provider_class = DeskIdentityProvider
    c.ServerApp.authorizer_class = DeskAuthorizer
    c.ServerApp.kernel_manager_class = DeskKernelManager
    c.ServerApp.terminals_enabled = False
    c.ServerApp.allow_root = True  # a county server often runs as a service account, CI as root
    loopback = _is_loopback(ip)
    c.ServerApp.allow_remote_access = not loopback and not hostnames
    c.ServerApp.local_hostnames = ["localhost", *hostnames]
    c.ServerApp.log_level = "WARN"
    # no MathJax: the form shows no formulas, and it would come from a CDN (nothing leaves the server)
    c.ServerApp.tornado_settings = {"xsrf_cookie_kwargs": {"samesite": "Strict"}, "mathjax_url": "",
                                    "ws_ping_interval": 30000, "ws_ping_timeout": 30000}
    if certfile:
        c.ServerApp.certfile, c.ServerApp.keyfile = certfile, keyfile or ""
    idle = int(os.environ.get(IDLE_VAR, "") or IDLE_KERNEL)
    c.DeskKernelManager.cull_idle_timeout = idle
    c.DeskKernelManager.cull_interval = max(1, min(60, idle // 2))
    c.DeskKernelManager.cull_connected = False
    c.DeskKernelManager.allowed_message_types = ALLOWED_MESSAGES
    c.VoilaConfiguration.template = "kit"
    c.VoilaConfiguration.theme = "light"
    c.VoilaConfiguration.show_tracebacks = False
    c.VoilaConfiguration.prelaunch_hook = prelaunch
    c.VoilaConfiguration.file_allowlist = []
    c.VoilaConfiguration.file_denylist = [".*"]
    return c


def _is_loopback(ip: str) -> bool:
    try:
        return ipaddress.ip_address(ip).is_loopback
    except ValueError:
        return ip == "localhost"


def launch(config: Config) -> None:
    from jupyter_server.serverapp import ServerApp

    ServerApp.launch_instance(argv=[], config=config)
