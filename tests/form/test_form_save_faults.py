"""Form saves under faults: two saves at once, a read-only folder, a blocked backup folder."""

from __future__ import annotations

import errno
import threading
import time
from pathlib import Path

import pytest

import kit.form.state as state_module
from kit.form.files import backups
from kit.form.state import FormState
from kit.params.loader import load_params


@pytest.fixture
def path(params_copy: Path) -> Path:
    return params_copy / "襄垣县" / "下良镇" / "2021.yaml"


def test_two_saves_at_once_one_wins_the_other_is_told(params_copy, path, monkeypatch):
    original = path.read_text(encoding="utf-8")
    first = FormState.open(params_copy, "襄垣县", "下良镇", 2021)
    second = FormState.open(params_copy, "襄垣县", "下良镇", 2021)
    first.set("contact", "联系人：甲")
    second.set("contact", "联系人：乙")
    write = state_module.write_with_backup

    def slow_write(target: Path, text: str) -> Path | None:
        time.sleep(0.5)  # both saves have checked the file before either writes
        return write(target, text)

    monkeypatch.setattr(state_module, "write_with_backup", slow_write)
    results = {}
    threads = [threading.Thread(target=lambda s=s, n=n: results.__setitem__(n, s.save()))
               for n, s in (("甲", first), ("乙", second))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    won = [n for n, r in results.items() if r.ok]
    lost = [n for n, r in results.items() if not r.ok]
    assert len(won) == 1 and len(lost) == 1, {n: r.message for n, r in results.items()}
    assert results[lost[0]].conflict and "已被修改" in results[lost[0]].message
    params, _ = load_params(path)
    assert params is not None and params.contact == f"联系人：{won[0]}"
    saved = backups(path)
    assert len(saved) == 1 and saved[0].read_text(encoding="utf-8") == original  # nothing lost
    loser = first if lost[0] == "甲" else second
    assert loser.dirty and loser.get("contact") == f"联系人：{lost[0]}"  # still in the form


def test_a_read_only_folder_gives_a_chinese_message_and_keeps_everything(params_copy, path,
                                                                         monkeypatch):
    original = path.read_bytes()
    state = FormState.open(params_copy, "襄垣县", "下良镇", 2021)
    state.set("contact", "联系人：丙")

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("kit.base.atomic.tempfile.mkstemp", refuse)
    result = state.save()
    assert not result.ok and "没有写入权限" in result.message and "未保存" in result.message
    assert "Permission denied" not in result.message
    assert path.read_bytes() == original and state.dirty
    assert [p.name for p in path.parent.iterdir() if not p.name.startswith(".")] == ["2021.yaml"]


def test_a_file_where_the_backup_folder_should_be(params_copy, path):
    (path.parent / ".backup").write_text("不是文件夹", encoding="utf-8")
    original = path.read_bytes()
    state = FormState.open(params_copy, "襄垣县", "下良镇", 2021)
    state.set("contact", "联系人：丁")
    result = state.save()
    assert not result.ok and "挡住" in result.message and ".backup" not in result.message
    assert ".backup" in result.detail and "是一个文件" in result.detail  # for a technician
    assert path.read_bytes() == original
