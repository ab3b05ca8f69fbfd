"""The one place that decides which characters may pass from input to output.

Raw control characters (C0 and C1 controls other than tab and newline, DEL, bidirectional
overrides, zero-width marks) never reach a terminal or a published file: names that contain
them are refused (:mod:`kit.params.names`), prose is stripped of them with a warning
(:mod:`kit.params.loader`), and every message shows them as visible escapes such as ``\\x1b``.
"""

from __future__ import annotations

import re

_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029]")
# a terminal's escape sequence (colour, cursor, title: ESC [ … letter, ESC ] … BEL/ST, 8-bit CSI):
# removed whole, so that no "[31m" is left in a report when only ESC itself is dropped
_ESCAPES = re.compile("\x1b\\[[0-?]*[ -/]*[@-~]|\x1b\\][^\x07\x1b]*(?:\x07|\x1b\\\\)|\x9b[0-?]*[ -/]*[@-~]|\x1b[@-_]")


def control_chars(text: str) -> list[str]:
    """The control characters in ``text``, in order (line breaks of any kind excepted)."""
    return _CONTROLS.findall(_LINE_BREAKS.sub("\n", text))


def clean(text: str) -> str:
    """``text`` with every line break as ``\\n`` and every control character removed."""
    return _CONTROLS.sub("", _ESCAPES.sub("", _LINE_BREAKS.sub("\n", text)))


def visible(text: str, keep_newlines: bool = True) -> str:
    """``text`` with each control character written out (``\\x1b``, ``\\u202e``), safe to print."""
    def escape(match: re.Match[str]) -> str:
        code = ord(match.group(0))
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    text = _CONTROLS.sub(escape, text.replace("\r", "\\r") if not keep_newlines else text)
    return text if keep_newlines else text.replace("\n", "\\n")


def describe(chars: list[str]) -> str:
    """"3 个控制字符（如 \\x1b）" for a message."""
    return f"{len(chars)} 个控制字符（如 {visible(chars[0])}）" if chars else "控制字符"
