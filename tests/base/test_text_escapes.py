"""Terminal escape sequences typed or pasted into a report (colours, titles) are removed whole:
no "[31m" is left in the report; the clerk is told (P-CTRL)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.base.text import clean
from kit.params.loader import load_params
from kit.render.fragment import fragment_html
from kit.render.report_html import render_report

EXAMPLE = Path(__file__).resolve().parents[2] / "params" / "襄垣县" / "下良镇" / "2021.yaml"


@pytest.mark.parametrize(("typed", "kept"), [
    ("联系电话：\x1b[31m0355-1234567\x1b[0m", "联系电话：0355-1234567"),
    ("\x1b]0;恶意标题\x07联系人：张三", "联系人：张三"),
    ("\x1b[1;32;40m绿色\x1b[m", "绿色"),
    ("甲\x9b2J乙", "甲乙"),
    ("正常\t文字\n第二行", "正常\t文字\n第二行"),
])
def test_escape_sequences_go_whole(typed, kept):
    assert clean(typed) == kept


def test_no_escape_remnant_reaches_the_report(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace("title: ", 'contact: "联系电话：\\e[31m0355-1234567\\e[0m"\ntitle: ', 1)
    path = tmp_path / "襄垣县" / "下良镇" / "2021.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    params, problems = load_params(path)
    assert params is not None and params.contact == "联系电话：0355-1234567"
    assert any(p.rule == "P-CTRL" for p in problems)
    for html in (render_report(params), fragment_html(params)):
        assert "[31m" not in html and "[0m" not in html
