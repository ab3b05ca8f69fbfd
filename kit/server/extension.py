"""Jupyter Server extension of the desk: the Desk service, the pages and their templates.

Loaded by ``python -m kit serve`` (:mod:`kit.cli.serve`), which configures the server (identity
provider, authorizer, kernel manager, Voilà) and names the database and folders in the
environment (:mod:`kit.server.clerk`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from jupyter_server.utils import url_path_join as join

from kit.server.clerk import desk_from_environment
from kit.server.county_pages import (
    FilesHandler,
    QueueHandler,
    RegionHandler,
    ReviewHandler,
    ShutdownHandler,
)
from kit.server.pages import HomeHandler, PasswordHandler

TEMPLATES = Path(__file__).resolve().parent / "templates"


def handlers(base_url: str) -> list[tuple[str, type]]:
    """The desk's routes; the shutdown route comes before Voilà's own."""
    return [(join(base_url, "kit/?"), HomeHandler), (join(base_url, "kit/password"), PasswordHandler),
            (join(base_url, "kit/queue"), QueueHandler),
            (join(base_url, r"kit/review/([^/]+)/(\d{4})"), ReviewHandler),
            (join(base_url, "kit/region"), RegionHandler),
            (join(base_url, r"kit/files/([^/]+)/([^/]+)/(\d{4})/(.+)"), FilesHandler),
            (join(base_url, r"voila/api/shutdown/(.*)"), ShutdownHandler)]  # before Voilà's own


def _load_jupyter_server_extension(server_app: Any) -> None:
    web_app = server_app.web_app
    web_app.settings["kit_desk"] = desk_from_environment()
    web_app.settings["kit_jinja"] = Environment(loader=FileSystemLoader(TEMPLATES),
                                                autoescape=select_autoescape(["html"]))
    # first in line: the desk's shutdown route must win over Voilà's (which checks no owner)
    web_app.add_handlers(".*$", handlers(web_app.settings["base_url"]))
    rules = web_app.default_router.rules
    rules.insert(0, rules.pop(len(rules) - 2))
