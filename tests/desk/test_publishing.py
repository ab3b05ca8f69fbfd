"""发布 from the desk on both databases: exactly the approved version's files, the same text as
``kit build`` of that version, never rewritten; a correction goes to a folder of its own."""

from __future__ import annotations

import hashlib
import subprocess
from datetime import date

import pytest

from kit.batch.options import BuildOptions
from kit.batch.plan import BuildJob
from kit.batch.runner import build_one
from kit.desk import states
from kit.desk.accounts import CLERK, REVIEWER
from kit.desk.database import DeskError
from kit.desk.publishing import publish
from kit.desk.queue import queue

FEE = "无其他需要报告的事项。"


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _digest(folder) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


@pytest.mark.slow
def test_publish_the_approved_version_then_a_correction(desk, params_dir, tmp_path):
    a = desk.login("a", desk.create_user("a", CLERK, county="襄垣县", unit="下良镇"))
    r = desk.login("r", desk.create_user("r", REVIEWER, county="襄垣县"))
    desk.submit(a, "襄垣县", "下良镇", 2021)
    with pytest.raises(DeskError, match="只能发布已通过的当前版本"):
        publish(desk, r, "襄垣县", "下良镇", 2021, 1)
    desk.approve(r, "襄垣县", "下良镇", 2021, 1)
    path = params_dir / "襄垣县" / "下良镇" / "2021.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(FEE, "本年度未收取信息处理费。"), encoding="utf-8")
    first = publish(desk, r, "襄垣县", "下良镇", 2021, 1)  # the stored version, not the edited draft
    assert first.folder.name == "v1" and {p.name for p in first.files} >= {"report.html", "report.pdf",
                                                                             "report.docx"}
    assert desk.status(a, "襄垣县", "下良镇", 2021).state == states.PUBLISHED
    text = _pdf_text(first.folder / "report.pdf")
    assert "本年度未收取信息处理费" not in text and "无其他需要报告的事项" in text

    # the same text as kit build of that version
    check = tmp_path / "check" / "襄垣县" / "下良镇" / "2021.yaml"
    check.parent.mkdir(parents=True)
    check.write_text(desk.version_text(r, "襄垣县", "下良镇", 2021, 1), encoding="utf-8")
    built = build_one(BuildJob("襄垣县", "下良镇", 2021, check, tmp_path / "built"),
                      BuildOptions(formats=("html", "pdf"), params_dir=tmp_path / "check", out_root=tmp_path))
    assert built.ok and _pdf_text(tmp_path / "built" / "report.pdf") == text

    kept = _digest(first.folder)
    desk.submit(a, "襄垣县", "下良镇", 2021)  # a correction
    desk.approve(r, "襄垣县", "下良镇", 2021, 2)
    second = publish(desk, r, "襄垣县", "下良镇", 2021, 2)
    assert second.folder.name == "v2" and "本年度未收取信息处理费" in _pdf_text(second.folder / "report.pdf")
    assert _digest(first.folder) == kept  # never rewritten
    with pytest.raises(DeskError, match="只能发布已通过的当前版本"):
        publish(desk, r, "襄垣县", "下良镇", 2021, 2)
    actions = [e.action for e in desk.events(r, "襄垣县", "下良镇", 2021)]
    assert actions == ["submit", "approve", "publish", "submit", "approve", "publish"]


def test_queue_in_roster_order_with_states_deadline_and_errors(desk, params_dir):
    (params_dir / "襄垣县" / "county.yaml").write_text(
        "townships: [上良镇, 下良镇, 西营镇]\ndeadline: 01-31\n", encoding="utf-8")
    a = desk.login("a", desk.create_user("a", CLERK, county="襄垣县", unit="下良镇"))
    r = desk.login("r", desk.create_user("r", REVIEWER, county="襄垣县"))
    desk.submit(a, "襄垣县", "下良镇", 2021)
    rows = queue(desk, r, "襄垣县", 2021, date(2022, 2, 1))
    assert [(row.unit, row.label, row.version, row.late, row.errors) for row in rows] == [
        ("上良镇", "填写中", 0, True, 0), ("下良镇", "已报送", 1, True, 0), ("西营镇", "未开始", 0, True, 0)]
    assert rows[0].deadline == date(2022, 1, 31) and rows[1].warnings > 0
    assert not any(row.late for row in queue(desk, r, "襄垣县", 2021, date(2022, 1, 31)))


def test_queue_deadlines_by_level(desk, params_dir):
    """A department's 1月31日 (《条例》第四十九条) is not the townships' 2月20日 of county.yaml."""
    (params_dir / "襄垣县" / "county.yaml").write_text(
        "townships: [下良镇]\ndepartments: [教育局]\ndeadline: 02-20\n", encoding="utf-8")
    r = desk.login("r", desk.create_user("r", REVIEWER, county="襄垣县"))
    rows = {row.unit: row for row in queue(desk, r, "襄垣县", 2021, date(2022, 2, 10))}
    assert rows["下良镇"].deadline == date(2022, 2, 20) and not rows["下良镇"].late
    assert rows["教育局"].deadline == date(2022, 1, 31) and rows["教育局"].late
