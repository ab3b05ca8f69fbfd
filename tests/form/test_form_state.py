"""FormState: the drafting form's logic without widgets (load, edit, check, save, conflicts)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kit.form.fields import cell_key
from kit.form.files import backups, make_backup
from kit.form.state import FormError, FormState
from kit.params.loader import load_params
from kit.params.model import REWRITE_MARK
from kit.params.writer import dumps, write_atomic
from kit.rules.validate import check_file

REPO = Path(__file__).resolve().parents[2]
COUNTY, UNIT = "襄垣县", "下良镇"
RECEIVED = cell_key("applications", "received", "natural")
DISCLOSED = cell_key("applications", "disclosed", "natural")


@pytest.fixture
def root(params_copy: Path) -> Path:
    return params_copy


def file_2021(root: Path) -> Path:
    return root / COUNTY / UNIT / "2021.yaml"


def test_an_existing_file_opens_without_unsaved_changes(root):
    state = FormState.open(root, COUNTY, UNIT, 2021)
    assert not state.dirty and not state.is_new
    assert state.get("unit.province") == "山西省"
    assert state.get(RECEIVED) == "0"
    assert state.get("sections.problems.improvements.title") == "改进措施"


def test_edits_are_saved_and_read_back_by_the_loader(root):
    state = FormState.open(root, COUNTY, UNIT, 2021)
    state.set(RECEIVED, "4")
    state.set(DISCLOSED, " 4 ")
    state.set(cell_key("proactive", "fees", "amount"), "1.25")
    state.set("sections.general.on_request.text", "本年收到政府信息公开申请 4 件。")
    state.set("sections.problems.improvements.title", "")
    state.set("title", "")
    assert state.dirty
    result = state.save()
    assert result.ok, result.message
    assert not state.dirty
    params, problems = load_params(file_2021(root))
    assert params is not None and not [p for p in problems if p.is_error]
    assert params.input_value("applications", "received", "natural") == 4
    assert params.value("applications", "total", "total") == 4
    assert str(params.input_value("proactive", "fees", "amount")) == "1.25"
    assert params.subsection("general", "on_request").text == "本年收到政府信息公开申请 4 件。"
    assert params.subsection("problems", "improvements").title is None
    assert params.title is None
    assert params.breakdown is not None and params.breakdown.items["试点领域"] == 30


def test_the_form_lists_the_same_problems_as_kit_check(root):
    state = FormState.open(root, COUNTY, UNIT, 2021)
    state.set(RECEIVED, "2")  # breaks R1 and the prose claim (V-N10)
    assert state.save().ok
    _, checked = check_file(file_2021(root))
    assert {(p.rule, p.message) for p in state.problems} == {(p.rule, p.message) for p in checked}
    assert {"R1", "V-N10"} <= {p.rule for p in state.problems}


def test_a_save_keeps_the_previous_version_as_a_backup(root):
    path = file_2021(root)
    original = path.read_bytes()
    state = FormState.open(root, COUNTY, UNIT, 2021)
    state.set("contact", "联系电话：0355-0000000")
    result = state.save()
    assert result.backup is not None and result.backup.parent == path.parent / ".backup"
    assert result.backup.read_bytes() == original
    state.set("contact", "联系电话：0355-1111111")
    assert state.save().ok
    assert len(backups(path)) == 2
    assert not [p for p in root.rglob("*.yaml") if p.name == "2021.yaml" and ".backup" in p.parts]


def test_backups_are_pruned_to_the_newest(root, monkeypatch):
    monkeypatch.setattr("kit.form.files.KEEP", 3)
    path = file_2021(root)
    for _ in range(5):
        make_backup(path)
    assert len(backups(path)) == 3


@pytest.mark.parametrize(("text", "says"), [("abc", "应填数字"), ("-1", "不能为负数"),
                                            ("1.5", "应填整数"), ("1e9", "大得不合常理")])
def test_a_bad_cell_is_flagged_and_blocks_saving(root, text, says):
    path = file_2021(root)
    before = path.read_bytes()
    state = FormState.open(root, COUNTY, UNIT, 2021)
    state.set(RECEIVED, text)
    flagged = state.problems_by_key()[RECEIVED]
    assert flagged[0].rule == "V-N5" and says in flagged[0].message
    assert "自然人" in flagged[0].where()
    table = state.format.table("applications")
    assert state.total_text(table, "received", "total") == "？"
    assert state.total_text(table, "carried_over", "total") == "0"
    result = state.save()
    assert not result.ok and not result.conflict
    assert "已标红" in result.message and says in result.message
    assert path.read_bytes() == before


def test_a_bad_date_or_breakdown_line_blocks_saving(root):
    state = FormState.open(root, COUNTY, UNIT, 2021)
    state.set("published", "2022-13-01")
    state.set("proactive_breakdown.items", "组织机构：5\n试点领域 三十")
    keys = state.problems_by_key()
    assert keys["published"][0].rule == "P-TYPE"
    assert "试点领域 三十" in keys["proactive_breakdown.items"][0].message
    assert not state.save().ok


def test_unchanged_text_after_editing_back_is_not_dirty(root):
    state = FormState.open(root, COUNTY, UNIT, 2021)
    state.set(RECEIVED, "7")
    state.set(RECEIVED, "0")
    assert not state.dirty


def test_a_file_changed_on_disk_is_not_overwritten(root):
    path = file_2021(root)
    state = FormState.open(root, COUNTY, UNIT, 2021)
    theirs = path.read_text(encoding="utf-8").replace("无其他需要报告的事项。", "本年度未收取信息处理费。")
    path.write_text(theirs, encoding="utf-8")
    state.set(RECEIVED, "1")
    result = state.save()
    assert not result.ok and result.conflict
    assert "已被修改" in result.message and "重新载入" in result.message and "仍然覆盖" in result.message
    assert path.read_text(encoding="utf-8") == theirs
    state.reload()
    assert not state.dirty
    assert state.get("sections.other.text") == "本年度未收取信息处理费。"
    assert state.get(RECEIVED) == "0"


def test_overwriting_explicitly_backs_up_the_other_version(root):
    path = file_2021(root)
    state = FormState.open(root, COUNTY, UNIT, 2021)
    path.write_text(path.read_text(encoding="utf-8") + "# 别人的修改\n", encoding="utf-8")
    state.set("contact", "联系人：张三")
    assert state.save().conflict
    result = state.save(force=True)
    assert result.ok and result.backup is not None
    assert "# 别人的修改" in result.backup.read_text(encoding="utf-8")
    params, _ = load_params(path)
    assert params is not None and params.contact == "联系人：张三"


def _with_carried_forward(root: Path) -> None:
    path = file_2021(root)
    params, _ = load_params(path)
    assert params is not None
    apps = dict(params.tables["applications"])
    apps["received"] = {**apps["received"], "natural": 3, "commercial": 1}
    apps["disclosed"] = {**apps["disclosed"], "natural": 1}
    apps["carried_forward"] = {**apps["carried_forward"], "natural": 2, "commercial": 1}
    params = replace(params, contact="联系电话：0355-1234567",
                     tables={**params.tables, "applications": apps})
    write_atomic(path, dumps(params))


def test_a_new_year_starts_from_the_previous_one(root):
    _with_carried_forward(root)
    state = FormState.open(root, COUNTY, UNIT, 2022)
    path = root / COUNTY / UNIT / "2022.yaml"
    assert state.is_new and state.dirty and not path.exists()
    assert "2021" in state.notice
    assert state.get(cell_key("applications", "carried_over", "natural")) == "2"
    assert state.get(cell_key("applications", "carried_over", "commercial")) == "1"
    assert state.get(RECEIVED) == "0"
    assert state.get("contact") == "联系电话：0355-1234567"
    assert state.get("unit.city") == "长治市"
    assert state.get("sections.general.text").startswith(REWRITE_MARK)
    assert "2022年1月1日" in state.get("preamble")
    assert "V-S5" in {p.rule for p in state.problems}
    assert state.save().ok
    params, _ = load_params(path)
    assert params is not None and params.year == 2022
    assert params.input_value("applications", "carried_over", "natural") == 2
    assert not backups(path)


def test_a_new_file_created_meanwhile_is_not_overwritten(root):
    state = FormState.open(root, COUNTY, UNIT, 2022)
    path = root / COUNTY / UNIT / "2022.yaml"
    path.write_text("# 别人先建好的文件\n", encoding="utf-8")
    result = state.save()
    assert result.conflict and "已有人创建" in result.message
    assert path.read_text(encoding="utf-8") == "# 别人先建好的文件\n"


def test_a_new_unit_starts_blank_with_the_county_location(root):
    state = FormState.open(root, COUNTY, "善福镇", 2022)
    assert state.get("unit.province") == "山西省" and state.get("unit.kind") == "镇"
    assert state.get("sections.general.text") == ""
    assert "空白" in state.notice


@pytest.mark.parametrize(("county", "year", "says"), [("../etc", 2021, "不能包含"),
                                                      (COUNTY, 2018, "没有对应的年报格式")])
def test_names_and_years_that_cannot_be_opened_say_why(root, county, year, says):
    with pytest.raises(FormError, match=says):
        FormState.open(root, county, UNIT, year)


def test_an_unreadable_file_is_refused_with_the_reason(root):
    file_2021(root).write_text("unit: [\n", encoding="utf-8")
    with pytest.raises(FormError, match="YAML 格式错误"):
        FormState.open(root, COUNTY, UNIT, 2021)


def test_a_cell_the_file_holds_as_text_is_shown_as_is_not_as_zero(root):
    path = file_2021(root)
    text = path.read_text(encoding="utf-8").replace(
        "received: {natural: 0,", 'received: {natural: "1,000",').replace(
        "regulations: {issued: 0,", "regulations: {issued: 0, bogus: 1,")
    path.write_text(text, encoding="utf-8")
    state = FormState.open(root, COUNTY, UNIT, 2021)
    assert state.get(RECEIVED) == "1,000" and not state.dirty
    assert state.problems_by_key()[RECEIVED][0].rule == "V-N5"
    assert "bogus" in state.notice and "不会保留" in state.notice
    assert not state.save().ok
