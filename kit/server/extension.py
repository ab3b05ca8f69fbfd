"""Jupyter Server extension of the desk: the Desk service, the pages and their templates.

Loaded by ``python -m kit serve`` (:mod:`kit.cli.serve`), which configures the server (identity
provider, authorizer, kernel manager, Voilà) and names the database and folders in the
environment (:mod:`kit.server.clerk`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from kit.server.clerk import desk_from_environment
from kit.server.pages import handlers

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _load_jupyter_server_extension(server_app: Any) -> None:
    web_app = server_app.web_app
    web_app.settings["kit_desk"] = desk_from_environment()
    web_app.settings["kit_jinja"] = Environment(loader=FileSystemLoader(TEMPLATES),
                                                autoescape=select_autoescape(["html"]))
    # first in line: the desk's shutdown route must win over Voilà's (which checks no owner)
    web_app.add_handlers(".*$", handlers(web_app.settings["base_url"]))
    rules = web_app.default_router.rules
    rules.insert(0, rules.pop(len(rules) - 2))
