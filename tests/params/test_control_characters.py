"""Control characters typed or pasted into a params file never reach a published file."""

from __future__ import annotations

import re
from pathlib import Path

from kit.params.loader import load_params
from kit.render.report_html import render_report

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b]")


def test_prose_is_cleaned_with_a_warning_and_the_report_has_none(params_copy: Path):
    path = params_copy / "襄垣县" / "下良镇" / "2021.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("year: 2021\n", 'year: 2021\ncontact: "电话\\e[31m 0355\\u202e-123\\u200b4"\n', 1)
    path.write_text(text, encoding="utf-8")
    params, problems = load_params(path)
    assert params is not None and params.contact == "电话 0355-1234"
    ctrl = [p for p in problems if p.rule == "P-CTRL"]
    assert len(ctrl) == 1 and not ctrl[0].is_error and ctrl[0].field == "contact"
    assert "\\x1b" in ctrl[0].message and not CONTROL.search(ctrl[0].message)
    assert not CONTROL.search(render_report(params))
