"""The 解读 the clerk edits: kept in the report's ``jiedu`` entry (comments and the rest of the
file kept), published instead of the draft, numbers the report lacks flagged (V-J1); in the form,
按报告生成草稿 fills it and 保存 writes it."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from kit.form.report_form import ReportForm
from kit.params.loader import load_params
from kit.params.writer import save
from kit.render.jiedu import draft_text, jiedu_blocks
from kit.rules.validate import validate

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "params" / "襄垣县" / "下良镇" / "2021.yaml"


def test_the_clerks_text_is_kept_published_and_checked(tmp_path):
    path = tmp_path / "2021.yaml"
    shutil.copy(EXAMPLE, path)
    params, _ = load_params(path)
    text = draft_text(params).replace("近日", "2022年1月") + "\n五、公众可以怎样查阅\n可到镇便民服务中心查阅。"
    save(replace(params, jiedu=text), path)
    written = path.read_text(encoding="utf-8")
    assert "# 解读（随报告发布" in written and "# 一、总体情况" in written  # comments kept
    again, problems = load_params(path)
    assert again.jiedu == text and problems == []
    blocks = jiedu_blocks(again)
    assert blocks[0].kind == "title" and ("heading1", "五、公众可以怎样查阅") in [(b.kind, b.text) for b in blocks]
    assert not [p for p in validate(again) if p.rule == "V-J1"]
    wrong = replace(again, jiedu=text + "\n全年收到申请 37 件。")
    [flagged] = [p for p in validate(wrong) if p.rule == "V-J1"]
    assert "“37”" in flagged.message and not flagged.is_error


def test_the_form_makes_the_draft_and_saves_it(tmp_path):
    shutil.copytree(ROOT / "params", tmp_path / "params")
    form = ReportForm(params_dir=tmp_path / "params", county="襄垣县", unit="下良镇", year=2021, debounce=0)
    page = form.pages["basic"]
    [editor] = [e for e in page.editors if getattr(e, "key", "") == "jiedu"]
    button = next(b for b in _walk(page.widget) if getattr(b, "description", "") == "按报告生成草稿")
    button.click()
    assert editor.area.value.startswith("近日") and form.state.get("jiedu") == editor.area.value
    editor.area.value += "\n本镇将继续做好信息公开。"
    button.click()  # a written 解读 is not replaced at the first click
    assert editor.area.value.endswith("本镇将继续做好信息公开。")
    form.save()
    assert load_params(tmp_path / "params" / "襄垣县" / "下良镇" / "2021.yaml")[0].jiedu.endswith("本镇将继续做好信息公开。")


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)
