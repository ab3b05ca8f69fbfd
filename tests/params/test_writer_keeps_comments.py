"""Comments and layout a person typed in a params file survive every write the kit makes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kit.form.state import FormState
from kit.params.loader import load_params
from kit.params.writer import dumps, update
from kit.params.yoy_file import accept

EXAMPLE = Path(__file__).resolve().parents[2] / "params" / "襄垣县" / "下良镇" / "2021.yaml"
MINE = ("# 张三 2022-01-05 已与办公室核对\n", "  # 表二：本年度全部为 0，已确认\n")


def with_comments(text: str) -> str:
    return (text.replace("tables:\n", MINE[0] + "tables:\n", 1)
            .replace("  proactive:  # 表二", MINE[1] + "  proactive:  # 表二", 1)
            .replace("year: 2021\n", "year: 2021  # 报告年度\n", 1))


def test_an_unchanged_report_rewrites_the_file_byte_for_byte():
    text = with_comments(EXAMPLE.read_text(encoding="utf-8"))
    params, _ = load_params(EXAMPLE)
    assert params is not None
    assert dumps(params) == EXAMPLE.read_text(encoding="utf-8")
    assert update(text, params) == text


def test_a_change_touches_only_its_line():
    text = with_comments(EXAMPLE.read_text(encoding="utf-8"))
    params, _ = load_params(EXAMPLE)
    assert params is not None
    apps = {**params.tables["applications"], "received": {"natural": 2}}
    new = update(text, replace(params, contact="联系人：李四",
                               tables={**params.tables, "applications": apps}))
    old_lines, new_lines = text.splitlines(), new.splitlines()
    added = [line for line in new_lines if line not in old_lines]
    assert added == ["contact: 联系人：李四",
                     "    received: {natural: 2, commercial: 0, research: 0, nonprofit: 0, legal: 0, "
                     "other: 0}  # 一、本年新收政府信息公开申请数量"]
    assert all(c.strip() in new for c in MINE) and "year: 2021  # 报告年度" in new


def test_a_save_from_the_form_keeps_the_clerks_comments(params_copy: Path):
    path = params_copy / "襄垣县" / "下良镇" / "2021.yaml"
    path.write_text(with_comments(path.read_text(encoding="utf-8")), encoding="utf-8")
    state = FormState.open(params_copy, "襄垣县", "下良镇", 2021)
    state.set("contact", "联系人：王五")
    assert state.save().ok
    text = path.read_text(encoding="utf-8")
    assert all(c in text for c in MINE) and "year: 2021  # 报告年度" in text
    params, _ = load_params(path)
    assert params is not None and params.contact == "联系人：王五"


def test_accepting_yoy_keeps_the_clerks_comments(params_copy: Path):
    path = params_copy / "襄垣县" / "下良镇" / "2021.yaml"
    path.write_text(with_comments(path.read_text(encoding="utf-8")), encoding="utf-8")
    params, _ = load_params(path)
    assert params is not None
    merged = accept(path, params, {"on_request": "收到政府信息公开申请0件，与上年持平。"})
    text = path.read_text(encoding="utf-8")
    assert all(c in text for c in MINE) and "year: 2021  # 报告年度" in text
    assert text.index("yoy:") < text.index("tables:")
    again, _ = load_params(path)
    assert again is not None and again.yoy == merged
