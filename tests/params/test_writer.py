"""The params writer round-trips and writes atomically."""

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from kit.base.atomic import WriteError
from kit.params.loader import load_params
from kit.params.model import Prose, SectionText
from kit.params.writer import dumps, save, write_atomic

EXAMPLE = Path(__file__).resolve().parents[2] / "params" / "襄垣县" / "下良镇" / "2021.yaml"


def test_example_file_is_what_the_writer_writes():
    params, _ = load_params(EXAMPLE)
    assert dumps(params) == EXAMPLE.read_text(encoding="utf-8")


def test_round_trip_with_awkward_text(tmp_path):
    params, _ = load_params(EXAMPLE)
    tricky = "第一行：“引号” 'single' \"double\" \\ back\n  缩进的第二行 # not a comment\n- 列表样\n"
    params = replace(params, sections={**params.sections, "other": SectionText(tricky)},
                     tables={**params.tables, "proactive": {"fees": {"amount": Decimal("0.125")}}},
                     title="标题: 带冒号", contact="电话：0355-1234567")
    path = tmp_path / "2021.yaml"
    save(params, path)
    again, problems = load_params(path)
    assert problems == []
    assert again.section("other").text == tricky
    assert again.title == "标题: 带冒号" and again.contact == "电话：0355-1234567"
    assert again.value("proactive", "fees", "amount") == Decimal("0.125")
    assert again.subsection("problems", "improvements") == Prose(
        params.subsection("problems", "improvements").text, "改进措施")


def test_atomic_write_leaves_old_file_on_failure(tmp_path, monkeypatch):
    path = tmp_path / "2021.yaml"
    path.write_text("old", encoding="utf-8")

    def boom(*_):
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(WriteError, match=r"无法写入.*原有文件未被改动"):
        write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["2021.yaml"]
