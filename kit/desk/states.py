"""A report's states on the desk and the moves between them (报送/退回/通过/发布).

未开始 (no draft in the params folder) and 填写中 (a draft, never submitted) are read from the
params folder; the others are stored with the report.
"""

from __future__ import annotations

NOT_STARTED, DRAFTING = "not_started", "drafting"
SUBMITTED, RETURNED, APPROVED, PUBLISHED = "submitted", "returned", "approved", "published"

LABELS = {NOT_STARTED: "未开始", DRAFTING: "填写中", SUBMITTED: "已报送", RETURNED: "已退回",
          APPROVED: "已通过", PUBLISHED: "已发布"}

#: action → (the states it may start from, the state it ends in)
MOVES: dict[str, tuple[frozenset[str], str]] = {
    "submit": (frozenset({DRAFTING, SUBMITTED, RETURNED, APPROVED, PUBLISHED}), SUBMITTED),
    "return": (frozenset({SUBMITTED, APPROVED}), RETURNED),
    "approve": (frozenset({SUBMITTED}), APPROVED),
    "publish": (frozenset({APPROVED}), PUBLISHED),
}

ACTION_LABELS = {"submit": "报送", "return": "退回", "approve": "通过（备案）", "publish": "发布"}

#: decisions on a finding
CONFIRM, IGNORE = "confirm", "ignore"
DECISION_LABELS = {CONFIRM: "确认", IGNORE: "忽略"}
