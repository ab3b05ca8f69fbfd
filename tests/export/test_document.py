"""The one publishing path (kit.export.document): HTML, then PDF, then the other formats; a
failing format leaves no file and one Chinese line, a failing HTML leaves nothing; an
unexpected exception is the kit's one Chinese sentence, never its own text."""

from __future__ import annotations

import pytest
from export_samples import PARAGRAPH, TITLE, display_cell
from nbformat.v4 import new_notebook

from kit.export.document import Document, HtmlFailed, publish
from kit.export.errors import KitExportError
from kit.export.publish import Publisher

NAMES = {"html": "doc.html", "pdf": "doc.pdf", "docx": "doc.docx", "fragment": "doc.fragment.html"}
SECRET = "English internals that must never reach a user"


def _nb():
    return new_notebook(cells=[display_cell(f"<h1>{TITLE}</h1><p>{PARAGRAPH}</p>")],
                        metadata={"language_info": {"name": "python"}})


class NoBrowser(Publisher):
    def pdf_bytes(self, html, folder):
        raise KitExportError("未找到 Chromium 浏览器，无法生成 PDF。")


def _broken(_pdf):
    raise RuntimeError(SECRET)


def test_every_format_in_order_and_a_failing_one_alone(tmp_path):
    (tmp_path / "doc.fragment.html").write_text("旧的片段", encoding="utf-8")  # stale: must go
    seen = []

    def docx(pdf):
        seen.append(pdf()[:5])  # a maker may use the printed PDF
        return b"PK-docx"

    doc = Document(_nb(), tmp_path, TITLE, NAMES, ("html", "pdf", "docx", "fragment"),
                   {"docx": docx, "fragment": _broken})
    with Publisher() as publisher:
        published = publish(doc, publisher)
    assert [p.name for p in published.outputs] == ["doc.html", "doc.pdf", "doc.docx"]
    assert seen == [b"%PDF-"] and (tmp_path / "doc.pdf").read_bytes().startswith(b"%PDF-")
    assert PARAGRAPH in (tmp_path / "doc.html").read_text(encoding="utf-8")
    [failure] = published.failures
    assert failure.startswith("门户网站片段 未生成：工具内部出错（RuntimeError）")
    assert SECRET not in failure and not (tmp_path / "doc.fragment.html").exists()


def test_no_pdf_fails_only_what_needs_it(tmp_path):
    doc = Document(_nb(), tmp_path, TITLE, NAMES, ("html", "pdf", "docx"), {"docx": lambda _: b"PK"})
    published = publish(doc, NoBrowser())
    assert [p.name for p in published.outputs] == ["doc.html", "doc.docx"]
    assert published.failures == ("PDF 未生成：未找到 Chromium 浏览器，无法生成 PDF。",)


def test_failed_html_leaves_no_file_of_the_document(tmp_path):
    for name in NAMES.values():
        (tmp_path / name).write_text("旧", encoding="utf-8")

    class Broken(NoBrowser):
        def html(self, nb, folder, title):
            raise ValueError(SECRET)

    doc = Document(_nb(), tmp_path, TITLE, NAMES, ("html", "pdf"))
    with pytest.raises(HtmlFailed) as failed:
        publish(doc, Broken())
    assert str(failed.value).startswith("导出 HTML 失败：工具内部出错（ValueError）")
    assert SECRET not in str(failed.value)
    assert list(tmp_path.iterdir()) == []


def test_disk_errors_are_named_in_chinese(tmp_path):
    import errno

    def full(_pdf):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "doc.docx"))

    doc = Document(_nb(), tmp_path, TITLE, NAMES, ("html", "docx"), {"docx": full})
    [failure] = publish(doc, NoBrowser()).failures
    assert "磁盘已满" in failure and "No space" not in failure
