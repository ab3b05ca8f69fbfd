"""The clerk's form on the desk: bound to the account's unit, 报送 instead of 发布, the desk's
status and the reviewer's comments at the top."""

from __future__ import annotations

import shutil
from pathlib import Path

from kit.desk.accounts import CLERK, REVIEWER
from kit.desk.database import open_engine, sqlite_url
from kit.desk.service import Desk
from kit.desk.states import CONFIRM
from kit.form.desk_form import SUBMIT, DeskForm

EXAMPLE = Path(__file__).resolve().parents[2] / "params" / "襄垣县" / "下良镇" / "2021.yaml"


def _desk(tmp_path: Path) -> Desk:
    for unit in ("下良镇", "上良镇"):
        target = tmp_path / "params" / "襄垣县" / unit / "2021.yaml"
        target.parent.mkdir(parents=True)
        shutil.copy(EXAMPLE, target)
        target.write_text(target.read_text(encoding="utf-8").replace("下良镇", unit), encoding="utf-8")
    return Desk(open_engine(sqlite_url(tmp_path)), tmp_path / "params", tmp_path / "outputs")


def test_bound_to_its_unit_and_submits(tmp_path):
    desk = _desk(tmp_path)
    clerk = desk.login("a", desk.create_user("a", CLERK, county="襄垣县", unit="下良镇"))
    form = DeskForm(desk, clerk)
    assert form.state is not None and form.state.path.parent.name == "下良镇"
    assert form.chooser.county.disabled and form.chooser.unit.disabled
    assert form.actions.publish_button.description == SUBMIT
    assert "报送状态：<b>填写中</b>" in form.desk_status.value
    form.open("襄垣县", "上良镇", "2021")
    assert "只能打开本单位" in form.message.value and form.state.path.parent.name == "下良镇"
    form.state.set("contact", "联系电话：0355-0000000")
    assert form.save()
    with desk.factory() as session:
        from sqlalchemy import select

        from kit.desk.schema import Event
        assert [e.action for e in session.scalars(select(Event).where(Event.actor == "a"))][-1] == "save"
    result = form.export()
    assert result is not None and result.ok and "第 1 版" in result.message
    assert not (tmp_path / "outputs" / "襄垣县" / "下良镇" / "2021" / "report.pdf").exists()  # 报送, not 发布

    reviewer = desk.login("r", desk.create_user("r", REVIEWER, county="襄垣县"))
    fee = next(f.problem for f in desk.findings(reviewer, "襄垣县", "下良镇", 2021) if f.problem.rule == "V-S6a")
    desk.decide(reviewer, "襄垣县", "下良镇", 2021, fee.fingerprint, CONFIRM, "请写明是否收取信息处理费")
    desk.send_back(reviewer, "襄垣县", "下良镇", 2021, 1, "请按意见修改后再报送。")
    form._show_desk_status()
    assert "已退回" in form.desk_status.value and "请按意见修改后再报送。" in form.desk_status.value
    assert "请写明是否收取信息处理费" in form.desk_status.value


def test_a_draft_is_refused_with_its_list(tmp_path):
    desk = _desk(tmp_path)
    path = tmp_path / "params" / "襄垣县" / "下良镇" / "2021.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("natural: 0, commercial: 0,", "natural: 2, commercial: 0,", 1),
                    encoding="utf-8")
    form = DeskForm(desk, desk.login("a", desk.create_user("a", CLERK, county="襄垣县", unit="下良镇")))
    result = form.export()
    assert result is not None and not result.ok and "不能报送" in result.message
    assert result.refused and form.actions.refusal.layout.display != "none"
    assert "填写中" in form.desk_status.value
