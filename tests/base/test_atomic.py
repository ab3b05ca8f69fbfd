"""Atomic writes: complete file or the old one, ordinary permissions, no temp files left."""

import os
import stat

import pytest

from kit.base.atomic import atomic_target, write_text


def test_write_replaces_with_ordinary_permissions(tmp_path):
    path = tmp_path / "sub" / "report.html"
    old = os.umask(0o022)
    try:
        write_text(path, "一")
        write_text(path, "二")
    finally:
        os.umask(old)
    assert path.read_text(encoding="utf-8") == "二"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert [p.name for p in path.parent.iterdir()] == ["report.html"]


def test_failure_keeps_old_file_and_cleans_up(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_target(path) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("interrupted")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]
