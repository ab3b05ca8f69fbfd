"""Images inside self-contained HTML: PNG bytes as an ``<img>`` with a data URI."""

from __future__ import annotations

import base64
from html import escape


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def img_html(png: bytes, alt: str) -> str:
    """An ``<img>`` carrying the PNG inline, so the HTML stays self-contained."""
    return (f'<img class="kit-chart" src="{data_uri(png)}" alt="{escape(alt)}" '
            'style="max-width:100%;height:auto">')
