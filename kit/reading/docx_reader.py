"""Word → :class:`Document`: mammoth turns the .docx into HTML (merged cells become
rowspan/colspan), which the HTML reader then reads. A .doc (Word 97–2003) cannot be read."""

from __future__ import annotations

import io
import zipfile

import mammoth

from kit.reading.document import Document, ReadError
from kit.reading.html_reader import read_html

MAX_UNZIPPED = 100 * 2**20  # a report's document.xml is well under 1 MB
MAX_RATIO = 200  # a zip bomb packs gigabytes of repeated bytes at ratios of thousands


def read_docx(raw: bytes, source: str) -> Document:
    _unfolded_size(raw, source)
    try:
        result = mammoth.convert_to_html(io.BytesIO(raw))
    except Exception as exc:  # a damaged file makes mammoth's XML parsers fail in many ways
        raise ReadError(f"{source}：Word 文件已损坏或不完整（{type(exc).__name__}）。"
                        "请用 Word 或 WPS 打开后另存为 .docx 再试。") from None
    html = f'<html><head><meta charset="utf-8"></head><body><article>{result.value}</article></body></html>'
    document = read_html(html.encode("utf-8"), source, kind="docx")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            core = archive.read("docProps/core.xml").decode("utf-8", errors="replace")
    except (KeyError, zipfile.BadZipFile):
        core = ""
    if "<dc:title>" in core:
        document.title = core.split("<dc:title>")[1].split("</dc:title>")[0].strip()
    return document


def doc_message(source: str) -> str:
    return (f"{source} 是旧版 Word 文档（.doc），本工具不能直接读取。请用 Word 或 WPS 打开它，"
            "“另存为” Word 文档（.docx）后再检查。")


def _unfolded_size(raw: bytes, source: str) -> None:
    """Refuse a .docx that would unpack into far more than a report (a decompression bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile:
        return  # mammoth says it is damaged
    total = sum(i.file_size for i in infos)
    worst = max((i.file_size / max(1, i.compress_size) for i in infos if i.file_size > 2**20), default=0)
    if total > MAX_UNZIPPED or worst > MAX_RATIO:
        raise ReadError(f"{source}：Word 文件解压后有 {total / 2**20:.0f} MB，远超一篇年报，可能已损坏或被恶意"
                        "构造。请用 Word 或 WPS 打开后另存为 .docx 再试。")
