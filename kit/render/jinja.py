"""The kit's Jinja environment for pages and boxes it writes itself (index page, summary boxes).

Autoescaping is on: every value is escaped unless a template marks it safe, so a township
name or a problem message can never become markup.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["j2"]),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True)


def render(name: str, **values: object) -> str:
    """Render ``kit/render/templates/<name>`` with ``values``."""
    return environment().get_template(name).render(**values)
