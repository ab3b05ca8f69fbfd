"""A saved portal page (or any HTML) → :class:`Document`: the article, without the site around it.

- **Encoding**: the BOM, then ``<meta charset>`` / ``http-equiv``, then charset-normalizer's
  guess; GB2312 and GBK are read as GB18030 (their superset).
- **The article**: the first known CMS container (TRS WCM ``.TRS_Editor``, ``#zoom``,
  ``.xxgk_content`` …) that holds the report, else the element with the most Chinese text
  that also holds the tables.
- **Chrome**: scripts, styles, navigation, headers and footers, and toolbars (无障碍, 长者版,
  “字体：大 中 小”, 打印, 关闭) are dropped.
- **Tables**: rowspan/colspan expanded into a full grid; covered positions repeat the origin's
  text, marked ``spanned``.
"""

from __future__ import annotations

import re
from datetime import date

import lxml.html
from charset_normalizer import from_bytes
from lxml import etree

from kit.reading.document import Cell, Document, Grid, Para, ReadError, clean, find_date

CONTAINERS = (".TRS_Editor", ".Custom_UnionStyle", "#zoom", "#ivs_content", ".xxgk_content",
              ".zw-content", ".article-content", "#UCAP-CONTENT", ".view", "article")
DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "iframe", "form", "button",
             "select", "input", "object", "template")
CHROME = re.compile(r"无障碍|长者版|关怀版|适老化|字体[:：]?\s*[【\[]?\s*大|繁體|简体版|打印本页|关闭窗口|"
                    r"【\s*打印\s*】|【\s*关闭\s*】|分享到|扫一扫|当前位置|您现在的位置|网站地图|联系我们")
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "center",
          "blockquote", "pre", "td", "th", "tr", "dd", "dt"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
_PUBDATE = ("PubDate", "pubdate", "publishdate", "firstpublishedtime", "dc.date", "DC.Date",
            "article:published_time", "ArticlePublishDate")
MAX_BYTES = 20_000_000
MAX_CELLS = 20_000  # cells of one table once its spans are expanded (a report's largest: ~300)


def decode(raw: bytes, source: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    declared = _CHARSET.search(raw[:4096])
    names = [declared.group(1).decode("ascii").lower()] if declared else []
    guess = from_bytes(raw[:200_000]).best()
    if guess is not None:
        names.append(guess.encoding)
    names.append("utf-8")
    for name in names:
        name = "gb18030" if name.replace("_", "").replace("-", "") in ("gb2312", "gbk", "cp936") else name
        try:
            return raw.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    raise ReadError(f"{source}：无法识别网页的文字编码。请在浏览器中打开该页，另存为“网页，仅 HTML”"
                    "（UTF-8 编码）后再试。")


def _meta_date(tree: etree._Element) -> date | None:
    for name in _PUBDATE:
        for meta in tree.xpath(f'//meta[@name="{name}" or @property="{name}"]'):
            found = find_date(meta.get("content", ""))
            if found:
                return found
    return None


_STAMP = re.compile(r"(?:发布|发文|成文)(?:时间|日期)\s*[:：]\s*(20\d{2}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2})")


def _page_date(tree: etree._Element) -> date | None:
    """“发布时间：2023-01-31 13:24” in the page's own lines around the article."""
    found = _STAMP.search(clean(tree.text_content()[:200_000]))
    return find_date(found.group(1)) if found else None


def _text_len(el: etree._Element) -> int:
    return len(re.findall(r"[\u4e00-\u9fff]", el.text_content()))


def _xpath(selector: str) -> str:
    if selector.startswith("."):
        return f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {selector[1:]} ')]"
    if selector.startswith("#"):
        return f"//*[@id='{selector[1:]}']"
    return f"//{selector}"


def _article(tree: etree._Element) -> etree._Element:
    for selector in CONTAINERS:
        found = [el for el in tree.xpath(_xpath(selector)) if _text_len(el) > 200]
        if found:
            return max(found, key=_text_len)
    candidates = [el for el in tree.iter("div", "td", "section", "article", "body") if el.xpath(".//table")]
    if not candidates:
        candidates = list(tree.iter("div", "section", "article", "body"))
    # the smallest element that still holds most of the page's Chinese text and its tables
    total = max((_text_len(el) for el in candidates), default=0)
    enough = [el for el in candidates if _text_len(el) >= 0.8 * total]
    return min(enough, key=lambda el: len(etree.tostring(el))) if enough else tree


def _drop_chrome(root: etree._Element) -> None:
    for el in list(root.iter(*DROP_TAGS)):
        el.drop_tree()
    for el in list(root.iter("div", "p", "span", "ul", "a", "li", "td")):
        if el.getparent() is None:
            continue
        text = el.text_content()
        if len(text) < 80 and CHROME.search(text) and not el.xpath(".//table"):
            el.drop_tree()


def grid(table: etree._Element, source: str = "") -> Grid:
    """The table as a full grid: spans expanded, covered positions marked."""
    placed: dict[tuple[int, int], Cell] = {}
    rows = [tr for tr in table.iter("tr") if tr.xpath("ancestor::table[1]")[0] is table]
    for r, tr in enumerate(rows):
        c = 0
        for td in tr:
            if td.tag not in ("td", "th"):
                continue
            while (r, c) in placed:
                c += 1
            text = cell_text(td)
            rowspan = min(_span(td.get("rowspan")), len(rows) - r)  # a span ends with the table
            colspan = _span(td.get("colspan"))
            if len(placed) + rowspan * colspan > MAX_CELLS:
                raise ReadError(f"{source}：有一个表格展开后超过 {MAX_CELLS} 格，不像是年报中的表格，可能是"
                                "被改坏或恶意构造的网页。请检查该文件。")
            for dr in range(rowspan):
                for dc in range(colspan):
                    placed[(r + dr, c + dc)] = Cell(text, spanned=(dr, dc) != (0, 0))
            c += colspan
    if not placed:
        return Grid(())
    width = max(c for _, c in placed) + 1
    height = max(r for r, _ in placed) + 1
    return Grid(tuple(tuple(placed.get((r, c), Cell("")) for c in range(width)) for r in range(height)))


_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")


def cell_text(td: etree._Element) -> str:
    """A table cell's words: inline markup joined without a space (Word's ``<span>行政规范</span>
    <span>性文件</span>``), blocks and line breaks with one, and no space left between two
    Chinese characters (a cell's line break, "商业<br>企业", is layout, never a word gap)."""
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        block = isinstance(el.tag, str) and (el.tag in BLOCKS or el.tag == "br")
        if isinstance(el.tag, str):  # not a comment or processing instruction
            parts.append(" " if block else "")
            parts.append(el.text or "")
            for child in el:
                walk(child)
            parts.append(" " if block else "")
        if el is not td:
            parts.append(el.tail or "")

    walk(td)
    return _CJK_GAP.sub("", clean("".join(parts)))


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 100))
    except ValueError:
        return 1


def pieces(root: etree._Element, source: str = "") -> list[Para | Grid]:
    """Paragraphs and grids in document order; a table inside a table stays in its cell's text."""
    found: list[Para | Grid] = []
    buffer: list[str] = []

    def flush() -> None:
        text = clean("".join(buffer))
        buffer.clear()
        if text:
            found.append(Para(text))

    def walk(el: etree._Element) -> None:
        if not isinstance(el.tag, str):
            return
        if el.tag == "table":
            flush()
            found.append(grid(el, source))
            if el.tail:
                buffer.append(el.tail)
            return
        block = el.tag in BLOCKS or el.tag == "br"
        if block:
            flush()
        if el.text:
            buffer.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            buffer.append(el.tail)

    walk(root)
    flush()
    return found


def read_html(raw: bytes, source: str, kind: str = "html") -> Document:
    if len(raw) > MAX_BYTES:
        raise ReadError(f"{source}：文件有 {len(raw) // 1_000_000} MB，不像是一篇年报网页。请确认没有选错文件。")
    text = decode(raw, source)
    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(f"{source}：网页内容为空或无法解析（{exc}）。请重新保存该网页后再试。") from None
    title = clean(" ".join(tree.xpath("//title//text()")))
    published = _meta_date(tree) or _page_date(tree)
    article = _article(tree)
    _drop_chrome(article)
    return Document(source, kind, pieces(article, source), title=title, published=published)
