"""Unit and county names that are safe to use as folder names under ``params/``."""

from __future__ import annotations

import re
import unicodedata

MAX_NAME = 30
_FORBIDDEN = re.compile(r"[\\/:*?\"<>|]")


def name_problem(name: object) -> str | None:
    """Why ``name`` cannot be a county or unit name, in Chinese; None when it is fine."""
    if not isinstance(name, str) or not name.strip():
        return "不能为空，应为文字，例如“襄垣县”“下良镇”"
    if name != name.strip():
        return "首尾不能有空格"
    if name in {".", ".."} or name.startswith(".") or ".." in name:
        return "不能包含“..”或以“.”开头（这会指向 params/ 以外的目录）"
    if _FORBIDDEN.search(name):
        return "不能包含 / \\ : * ? \" < > | 等路径字符"
    if any(unicodedata.category(ch).startswith("C") or ch.isspace() for ch in name):
        return "不能包含空格、换行或控制字符"
    if len(name) > MAX_NAME:
        return f"过长（最多 {MAX_NAME} 个字）"
    return None
