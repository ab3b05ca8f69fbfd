"""An archival copy of a report's PDF: PDF/A-2b, made and checked with pikepdf.

Chromium's PDF already has what PDF/A needs from the printing (every font embedded, as CID
TrueType subsets since kit/export/font_build.py; no encryption, no scripts). :func:`to_pdfa`
adds the rest: an sRGB output intent (the ICC profile Pillow builds), XMP metadata that states
PDF/A-2b and repeats the document information (title, author, dates, language), a file ID,
and the print flag on every annotation.

veraPDF, the reference validator, is a Java program that no Python or Debian package registry
carries; :func:`pdfa_problems` is therefore a structural check of the rules above with pikepdf
(README, “存档”), not a full validation.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

import pikepdf
from PIL import ImageCms

from kit.export.errors import KitExportError

PART, CONFORMANCE = "2", "B"
SRGB = "sRGB IEC61966-2.1"


def _srgb_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def to_pdfa(pdf: bytes, title: str, author: str = "", subject: str = "", language: str = "zh-CN") -> bytes:
    """The PDF/A-2b version of ``pdf`` (raises KitExportError with a Chinese message)."""
    try:
        document = pikepdf.open(io.BytesIO(pdf))
    except pikepdf.PdfError as exc:
        raise KitExportError(f"PDF 文件无法读取，不能生成存档版（{exc}）。请重新生成 PDF。") from None
    with document:
        now = datetime.now(UTC).astimezone()
        info = document.docinfo
        info["/Title"] = title
        if author:
            info["/Author"] = author
        if subject:
            info["/Subject"] = subject
        if "/Producer" not in info:
            info["/Producer"] = "Chromium"
        zone = now.strftime("%z")
        stamp = pikepdf.String(f"D:{now:%Y%m%d%H%M%S}{zone[:3]}'{zone[3:]}'")
        info["/ModDate"] = stamp
        if "/CreationDate" not in info:
            info["/CreationDate"] = stamp
        document.Root.Lang = pikepdf.String(language)
        profile = document.make_stream(_srgb_profile())
        profile.N = 3
        document.Root.OutputIntents = pikepdf.Array([pikepdf.Dictionary(
            Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFA1,
            OutputConditionIdentifier=pikepdf.String(SRGB), Info=pikepdf.String(SRGB),
            DestOutputProfile=profile)])
        for page in document.pages:
            for annot in _any(page).get("/Annots", []):
                annot.F = 4  # printed, never hidden
        with document.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta.load_from_docinfo(document.docinfo)
            meta["pdfaid:part"] = PART
            meta["pdfaid:conformance"] = CONFORMANCE
            meta["dc:language"] = [language]
        out = io.BytesIO()
        document.save(out, static_id=False, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return out.getvalue()


def pdfa_problems(pdf: bytes) -> list[str]:
    """What stops the file from being PDF/A-2b, in Chinese (empty: the structure conforms)."""
    try:
        document = pikepdf.open(io.BytesIO(pdf))
    except pikepdf.PdfError as exc:
        return [f"文件无法读取（{exc}）"]
    problems: list[str] = []
    with document:
        if document.is_encrypted:
            problems.append("文件加密了")
        if "/ID" not in document.trailer:
            problems.append("缺少文件标识（trailer 的 /ID）")
        meta = document.open_metadata()
        if str(meta.get("pdfaid:part")) != PART or str(meta.get("pdfaid:conformance")) != CONFORMANCE:
            problems.append("XMP 元数据没有声明 PDF/A-2b")
        if str(meta.get("dc:title", "")) and str(document.docinfo.get("/Title", "")) not in str(meta.get("dc:title")):
            problems.append("XMP 的标题与文档信息不一致")
        root: Any = document.Root  # pikepdf's dictionaries, walked by key
        intents = root.get("/OutputIntents", [])
        if not any(i.get("/S") == "/GTS_PDFA1" and "/DestOutputProfile" in i for i in intents):
            problems.append("缺少 sRGB 输出意图（OutputIntent）")
        if "/Names" in document.Root and "/JavaScript" in document.Root.Names:
            problems.append("含有 JavaScript")
        if "/Names" in document.Root and "/EmbeddedFiles" in document.Root.Names:
            problems.append("含有附件")
        problems += _fonts(document)
        for number, page in enumerate(document.pages, start=1):
            for annot in _any(page).get("/Annots", []):
                if not int(annot.get("/F", 0)) & 4:
                    problems.append(f"第 {number} 页有不打印的注释")
                if annot.get("/A", {}).get("/S") in ("/JavaScript", "/Launch"):
                    problems.append(f"第 {number} 页有脚本或启动程序的链接")
    return sorted(set(problems))


def _fonts(document: pikepdf.Pdf) -> list[str]:
    problems = []
    for page in document.pages:
        fonts = _any(page).get("/Resources", {}).get("/Font", {})
        for name, font in fonts.items():
            subtype = font.get("/Subtype")
            if subtype == "/Type3":
                problems.append(f"字体 {name} 是 Type 3 字体")
                continue
            descendants = font.get("/DescendantFonts", [font])
            for part in descendants:
                descriptor = part.get("/FontDescriptor")
                if descriptor is None or not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    problems.append(f"字体 {part.get('/BaseFont', name)} 没有嵌入")
                if part.get("/Subtype") == "/CIDFontType2" and "/CIDToGIDMap" not in part:
                    problems.append(f"字体 {part.get('/BaseFont', name)} 缺少 CIDToGIDMap")
    return problems


def archival_copy(pdf: bytes, title: str, author: str = "") -> bytes:
    """PDF/A-2b of ``pdf``, refused (KitExportError, Chinese) when the structural check fails."""
    archived = to_pdfa(pdf, title, author, subject=title)
    problems = pdfa_problems(archived)
    if problems:
        raise KitExportError(f"存档版（PDF/A-2b）检查未通过：{'；'.join(problems)}。"
                             "请先运行 ./dev.sh setup 安装 PDF 用的字体，再重新生成。")
    return archived


def _any(obj: object) -> Any:
    """A pikepdf object walked by key (its type hints know no dictionary keys)."""
    return obj
