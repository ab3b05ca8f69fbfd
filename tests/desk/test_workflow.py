"""报送 → 退回 → 再报送 → 通过 on both databases: versions never change, a reviewer's decision
on a finding survives the resubmission by its fingerprint, a decision on an old version is
refused, no account sees or changes another unit's or county's report."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.desk import states
from kit.desk.accounts import CLERK, REVIEWER
from kit.desk.database import DeskError
from kit.desk.records import NotAllowed

EXAMPLE = Path(__file__).resolve().parents[2] / "params" / "襄垣县" / "下良镇" / "2021.yaml"
FEE = "无其他需要报告的事项。"


@pytest.fixture
def people(desk):
    made = {}
    for name, role, scope in (("a", CLERK, {"county": "襄垣县", "unit": "下良镇"}),
                              ("b", CLERK, {"county": "襄垣县", "unit": "上良镇"}),
                              ("r", REVIEWER, {"county": "襄垣县"}),
                              ("other", REVIEWER, {"county": "潞城区"})):
        made[name] = desk.login(name, desk.create_user(name, role, **scope))
    return made


def test_submit_return_resubmit_approve(desk, people, params_dir):
    a, b, r = people["a"], people["b"], people["r"]
    assert desk.status(a, "襄垣县", "下良镇", 2021).state == states.DRAFTING
    assert desk.submit(a, "襄垣县", "下良镇", 2021).version == 1
    assert desk.status(a, "襄垣县", "下良镇", 2021).label == "已报送"

    findings = desk.findings(r, "襄垣县", "下良镇", 2021)
    spaces = next(f.problem for f in findings if f.problem.rule == "V-F8" and f.problem.check == "spaces")
    fee = next(f.problem for f in findings if f.problem.rule == "V-S6a")
    with pytest.raises(DeskError, match="请写明意见"):
        desk.decide(r, "襄垣县", "下良镇", 2021, spaces.fingerprint, states.IGNORE, " ")
    desk.decide(r, "襄垣县", "下良镇", 2021, spaces.fingerprint, states.IGNORE, "县里统一这样写标题")
    desk.decide(r, "襄垣县", "下良镇", 2021, fee.fingerprint, states.CONFIRM, "请写明是否收费")
    with pytest.raises(DeskError, match="请写明意见"):
        desk.send_back(r, "襄垣县", "下良镇", 2021, 1, "")
    desk.send_back(r, "襄垣县", "下良镇", 2021, 1, "请补写信息处理费的收取情况。")
    status = desk.status(a, "襄垣县", "下良镇", 2021)
    assert status.label == "已退回" and status.returned_with == "请补写信息处理费的收取情况。"

    path = params_dir / "襄垣县" / "下良镇" / "2021.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(FEE, "本年度未收取信息处理费。"), encoding="utf-8")
    assert desk.submit(a, "襄垣县", "下良镇", 2021).version == 2
    again = {f.problem.fingerprint: f for f in desk.findings(r, "襄垣县", "下良镇", 2021)}
    assert again[spaces.fingerprint].decision == states.IGNORE  # kept across the new version
    assert again[spaces.fingerprint].comment == "县里统一这样写标题"
    assert fee.fingerprint not in again  # fixed
    assert desk.version_text(r, "襄垣县", "下良镇", 2021, 1) == EXAMPLE.read_text(encoding="utf-8")

    with pytest.raises(DeskError, match="单位已报送第 2 版，您看到的是第 1 版"):
        desk.approve(r, "襄垣县", "下良镇", 2021, 1)
    desk.approve(r, "襄垣县", "下良镇", 2021, 2)
    assert desk.status(b, "襄垣县", "上良镇", 2021).state == states.DRAFTING
    with pytest.raises(DeskError, match="现在是“已通过”，不能通过"):
        desk.approve(r, "襄垣县", "下良镇", 2021, 2)
    actions = [e.action for e in desk.events(r, "襄垣县", "下良镇", 2021)]
    assert actions == ["submit", "finding_ignore", "finding_confirm", "return", "submit", "approve"]


def test_nobody_reaches_another_unit_or_county(desk, people):
    a, b, other = people["a"], people["b"], people["other"]
    desk.submit(a, "襄垣县", "下良镇", 2021)
    for call in (lambda: desk.submit(b, "襄垣县", "下良镇", 2021),
                 lambda: desk.status(b, "襄垣县", "下良镇", 2021),
                 lambda: desk.findings(b, "襄垣县", "下良镇", 2021),
                 lambda: desk.version_text(b, "襄垣县", "下良镇", 2021, 1),
                 lambda: desk.events(other, "襄垣县", "下良镇", 2021),
                 lambda: desk.approve(other, "襄垣县", "下良镇", 2021, 1),
                 lambda: desk.send_back(a, "襄垣县", "下良镇", 2021, 1, "自己退回自己")):
        with pytest.raises(NotAllowed):
            call()
    assert desk.status(a, "襄垣县", "下良镇", 2021).state == states.SUBMITTED


def test_a_draft_is_refused_with_its_list_and_nothing_is_stored(desk, people, params_dir):
    path = params_dir / "襄垣县" / "上良镇" / "2021.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("natural: 0, commercial: 0,", "natural: 3, commercial: 0,", 1),
                    encoding="utf-8")
    result = desk.submit(people["b"], "襄垣县", "上良镇", 2021)
    assert result.version == 0 and {p.rule for p in result.refused} >= {"R1"}
    assert desk.status(people["b"], "襄垣县", "上良镇", 2021).state == states.DRAFTING
    with pytest.raises(DeskError, match="还没有报送"):
        desk.findings(people["r"], "襄垣县", "上良镇", 2021)


def test_a_long_comment_is_refused(desk, people):
    desk.submit(people["a"], "襄垣县", "下良镇", 2021)
    with pytest.raises(DeskError, match="超过上限"):
        desk.send_back(people["r"], "襄垣县", "下良镇", 2021, 1, "改" * 50_000)
    assert desk.status(people["a"], "襄垣县", "下良镇", 2021).state == states.SUBMITTED
