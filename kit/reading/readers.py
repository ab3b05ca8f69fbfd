"""Choosing the reader by what a file holds, not only by its name."""

from __future__ import annotations

import stat
import zipfile
from io import BytesIO
from pathlib import Path

from kit.reading.document import Document, ReadError
from kit.reading.docx_reader import doc_message, read_docx
from kit.reading.html_reader import read_html
from kit.reading.pdf_reader import read_pdf
from kit.reading.text_reader import read_text

SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".mht", ".docx", ".doc", ".pdf", ".txt", ".text", "")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_BYTES = 50 * 2**20  # a report is at most a few MB, even as a scanned PDF


def sniff(raw: bytes, name: str) -> str:
    """"pdf", "docx", "doc", "html" or "text"."""
    head = raw[:2048].lstrip()
    if raw.startswith(b"%PDF"):
        return "pdf"
    if raw.startswith(_OLE):
        return "doc"
    if raw.startswith(b"PK"):
        try:
            with zipfile.ZipFile(BytesIO(raw)) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            pass
        raise ReadError(f"{name}：这是一个压缩文件，不是年报。请解压后检查其中的网页、Word 或 PDF 文件。")
    lowered = head.lower()
    if lowered.startswith((b"<!doctype", b"<html", b"<?xml")) or b"<table" in raw[:200_000].lower() \
            or b"<p" in lowered or b"<div" in lowered:
        return "html"
    return "text"


def read_document(path: Path) -> Document:
    """The document in ``path``; ReadError (Chinese, says what to do) when it cannot be read.

    The one guarded entry of every reader: a regular file only (a pipe or a device would hang or
    never end), at most MAX_BYTES, read no further than that; each reader then limits what a
    file may unfold into (Word's decompression, a table's spans, a PDF's pages)."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(f"{path} 是一个文件夹。请给出文件，或用 kit lint 检查整个文件夹。")
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(f"{path}：不是普通文件（而是管道、设备等），不能读取。请给出年报的网页、Word 或 PDF 文件。")
        if info.st_size > MAX_BYTES:
            raise ReadError(f"{path}：文件有 {info.st_size / 2**20:.0f} MB，超过 {MAX_BYTES // 2**20} MB，"
                            "不像是一篇年报。请确认没有选错文件。")
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ReadError(f"{path}：无法读取（{exc.strerror or '读取失败'}）。请确认路径正确且有读取权限。") from None
    if len(raw) > MAX_BYTES:
        raise ReadError(f"{path}：文件超过 {MAX_BYTES // 2**20} MB，不像是一篇年报。请确认没有选错文件。")
    if not raw.strip():
        raise ReadError(f"{path}：文件是空的。请确认保存完整后再试。")
    kind = sniff(raw, str(path))
    if kind == "doc":
        raise ReadError(doc_message(str(path)))
    reader = {"pdf": read_pdf, "docx": read_docx, "html": read_html, "text": read_text}[kind]
    return reader(raw, str(path))
