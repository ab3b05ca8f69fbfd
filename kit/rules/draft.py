"""When a report is still a draft: the validator's own findings decide, nothing else.

A report is a draft while its text keeps the new-year 【请按本年度情况改写】 markers or
paragraphs unchanged from last year (both V-S5), or while it has any error. The roster, the
build and the form ask these two functions, so they always agree.
"""

from __future__ import annotations

from kit.base.problems import Problem

DRAFT_RULES = frozenset({"V-S5"})  # text carried over from last year and not yet rewritten


def draft_problems(problems: list[Problem]) -> list[Problem]:
    """The findings that make a report a draft: every error, and text not yet rewritten."""
    return [p for p in problems if p.is_error or p.rule in DRAFT_RULES]


def unrewritten(problems: list[Problem]) -> list[Problem]:
    """Only the text not yet rewritten (markers and paragraphs copied from last year)."""
    return [p for p in problems if p.rule in DRAFT_RULES and not p.is_error]
