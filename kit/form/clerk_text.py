"""Problems as a township clerk reads them in the form and the app.

The validator's findings are the same everywhere; here they are worded for the clerk: no
rule codes, params keys, file lines or command lines in the text itself (those stay for the
CLI and sit in a folded 详细 part), and a finding on a field the clerk has not filled in
yet shows as 待填写 instead of as an error or a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from kit.base.problems import Problem
from kit.params.schema import key_label

PENDING = "待填写"
KINDS = (("error", "✖", "错误"), ("pending", "✎", PENDING), ("warning", "⚠", "提醒"))


def kind(problem: Problem, pending: bool) -> str:
    """``error``, ``pending`` (待填写) or ``warning``."""
    if pending:
        return "pending"
    return "error" if problem.is_error else "warning"


def message(problem: Problem) -> str:
    """The problem's message with its params key named as the form names the field
    ("缺少必填项 unit.province" → "缺少必填项“省”")."""
    key = problem.field
    label = key_label(key) if key else None
    if not label:
        return problem.message
    return re.sub(rf" ?{re.escape(key)} ?", f"“{label}”", problem.message)


def said(problem: Problem) -> str:
    """The problem as one line of plain text for the clerk: place, then message."""
    place = problem.clerk_where()
    return f"{place}：{message(problem)}" if place else message(problem)


def line_html(problem: Problem, pending: bool = False, where: bool = False) -> str:
    """One coloured line for under a field or a table."""
    what = kind(problem, pending)
    icon, name = next((i, n) for k, i, n in KINDS if k == what)
    place = f"{problem.clerk_where()}：" if where and problem.clerk_where() else ""
    return f'<div class="kit-msg-{what}">{icon} {name}：{escape(place + message(problem))}</div>'


def lines_html(problems: list[Problem], pending: bool = False, where: bool = False) -> str:
    order = {"error": 0, "pending": 1, "warning": 2}
    ranked = sorted(problems, key=lambda p: order[kind(p, pending)])
    return "".join(line_html(p, pending, where) for p in ranked)


def counts(problems: list[Problem], is_pending: Callable[[Problem], bool]) -> dict[str, int]:
    found = {k: 0 for k, _, _ in KINDS}
    for p in problems:
        found[kind(p, is_pending(p))] += 1
    return found


def flags(found: dict[str, int]) -> str:
    """" ✖2 ✎5 ⚠1" for a tab title ('' when nothing is found)."""
    return "".join(f" {icon}{found[k]}" for k, icon, _ in KINDS if found.get(k))


def summary(found: dict[str, int]) -> str:
    """"2 个错误，5 处待填写，1 个提醒" ("检查通过" when nothing is found)."""
    parts = [f"{found['error']} 个错误"] if found["error"] else []
    parts += [f"{found['pending']} 处{PENDING}"] if found["pending"] else []
    parts += [f"{found['warning']} 个提醒"] if found["warning"] else []
    return "，".join(parts) or "检查通过"


def checks_html(problems: list[Problem], is_pending: Callable[[Problem], bool]) -> str:
    """The 检查结果 tab: errors, then 待填写, then 提醒; rule codes and command lines folded."""
    if not problems:
        return '<div class="kit-good">检查通过：没有发现问题。</div>'
    groups: dict[str, list[Problem]] = {k: [] for k, _, _ in KINDS}
    for p in problems:
        groups[kind(p, is_pending(p))].append(p)
    out = [f"<h4>检查结果：{escape(summary({k: len(v) for k, v in groups.items()}))}</h4>"]
    for what, icon, name in KINDS:
        if groups[what]:
            items = "".join(f'<li class="kit-{what}">{escape(said(p))}</li>' for p in groups[what])
            out.append(f'<div class="kit-group kit-group-{what}"><b>{icon} {name}</b><ul>{items}</ul></div>')
    out.append(details_html([_technical(p) for p in problems]))
    return "".join(out)


def _technical(problem: Problem) -> str:
    """Rule code, place with file line, params key and command line, for 详细."""
    key = f"（{problem.field}）" if problem.field else ""
    detail = f"：{problem.detail}" if problem.detail else ""
    return f"{problem.rule} {problem.where()}{key}{detail}"


def details_html(lines: list[str], title: str = "详细（供技术人员查看）") -> str:
    """A folded part for what only a technician needs (rule codes, files, commands)."""
    if not lines:
        return ""
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return (f'<details class="kit-details"><summary>{escape(title)}</summary>'
            f"<ul>{items}</ul></details>")


