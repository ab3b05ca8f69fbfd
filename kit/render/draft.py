"""The 草稿 stamp of a report built with ``--draft``: the same words in every output.

A draft copy lets a clerk or a reviewer read a report that is not ready to publish (text not
yet rewritten, or errors). So that it can never pass for the real one, every output carries
the stamp: the HTML and the notebook a banner at the top and a watermark (a
``position: fixed`` element is printed on every page of the PDF), Word a page header, the
portal fragment a banner.
"""

from __future__ import annotations

from html import escape

STAMP = "草稿"
NOTICE = "草稿：本稿尚未定稿（仍有未改写的文字或错误），仅供内部审阅，不得发布。"

_BANNER_STYLE = ("border:2px solid #c00;color:#c00;font-weight:bold;text-align:center;"
                 "padding:4px 8px;margin:0 0 12px;font-family:var(--kit-font-heading,sans-serif);"
                 "letter-spacing:0.1em")
#: A light diagonal watermark fixed in the middle of the screen and of every printed page:
#: the text under it stays readable.
_MARK_STYLE = ("position:fixed;top:38%;left:0;right:0;z-index:1000;text-align:center;"
               "font-weight:bold;font-size:min(120pt,26vw);"
               "font-family:var(--kit-font-heading,sans-serif);"
               "color:rgba(200,0,0,0.13);letter-spacing:0.3em;"
               "transform:rotate(-30deg);pointer-events:none;user-select:none")


def banner_html() -> str:
    """The banner and the watermark, for the top of the report's HTML."""
    return (f'<div class="kit-draft" style="{_BANNER_STYLE}">{escape(NOTICE)}</div>'
            f'<div class="kit-draft-mark" style="{_MARK_STYLE}" aria-hidden="true">'
            f"{escape(STAMP)}</div>")


def fragment_banner_html() -> str:
    """The banner alone (a portal fragment keeps no fixed positioning)."""
    return f'<p class="kit-draft" style="{_BANNER_STYLE}">{escape(NOTICE)}</p>'
