"""Walking a 年报专栏: its listing pages (下一页 and numbered pages followed, on its host only), the
entries they list in order, each report page fetched with its attachments checked, and the 解读
and 图解 entries beside them. A saved folder of pages is walked the same way, offline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html

from kit.audit.fetch import Fetched, Fetcher
from kit.formats.common import REPORT_NAME
from kit.reading.html_reader import decode

MAX_LISTINGS = 200  # listing pages followed
MAX_ENTRIES = 1000  # entries (reports, 解读, 图解) taken from the listings
ATTACHMENT = re.compile(r"\.(pdf|docx?|xlsx?|wps|ofd)$", re.I)
NEXT = re.compile(r"^(下一?页|下页|后页|>|›|»)$")
YEAR = re.compile(r"(20\d\d)\s*年")
COMPANIONS = ("解读", "图解")


@dataclass
class Entry:
    """One item of the column: a report, or a 解读 or 图解 of one."""

    title: str
    url: str
    position: int  # its place in the listing, first = 0
    kind: str = "report"  # or "解读", "图解"
    page: Fetched | None = None
    path: Path | None = None  # the archived page (a report), read by kit lint
    attachments: list[tuple[str, str, Path | None]] = field(default_factory=list)  # address, why it
    # fails ("" when it opens), where it is archived

    @property
    def year(self) -> int | None:
        found = YEAR.search(self.title.replace(" ", ""))
        return int(found.group(1)) if found else None


@dataclass
class Column:
    start: str
    entries: list[Entry] = field(default_factory=list)
    listings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # Chinese: what could not be done


def _links(html: str, base: str) -> list[tuple[str, str]]:
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    found = []
    for a in tree.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        text = " ".join(" ".join(a.itertext()).split()) or (a.get("title") or "").strip()
        found.append((text, urljoin(base, href)))
    return found


def kind_of(title: str) -> str | None:
    """What a listed title is: a report, its 解读 or 图解; None for anything else."""
    plain = title.replace(" ", "")
    if any(word in plain for word in COMPANIONS) and ("年报" in plain or "年度报告" in plain):
        return next(word for word in COMPANIONS if word in plain)
    if REPORT_NAME in plain or ("政府信息公开" in plain and "年度报告" in plain):
        return "report"
    return None


def crawl(fetcher: Fetcher, start: str) -> Column:
    column = Column(start)
    queue, seen = [start], {start}
    while queue and len(column.listings) < MAX_LISTINGS:
        url = queue.pop(0)
        page = fetcher.get(url)
        if not page.ok:
            column.notes.append(f"栏目页 {url} 无法打开：{page.error}")
            continue
        column.listings.append(url)
        links = _links(decode(page.body, url), page.url)
        listed = [(t, u) for t, u in links if kind_of(t) and fetcher.same_host(u)]
        if not listed and url == start:
            column.notes.append(f"{url} 中没有找到年报条目（标题含“{REPORT_NAME}”的链接），它可能不是年报专栏的列表页。")
        for title, link in listed:
            if len(column.entries) >= MAX_ENTRIES:
                column.notes.append(f"条目超过 {MAX_ENTRIES} 条，只检查了前 {MAX_ENTRIES} 条。")
                break
            if link not in {e.url for e in column.entries}:
                column.entries.append(Entry(title, link, len(column.entries), kind_of(title) or "report"))
        for text, link in links:
            same_list = fetcher.same_host(link) and (NEXT.match(text) or _numbered(url, link))
            if same_list and link not in seen:
                seen.add(link)
                queue.append(link)
    for entry in column.entries:
        if entry.kind == "report":
            _report(fetcher, entry)
    return column


def _numbered(listing: str, link: str) -> bool:
    """index_1.html, index_2.html … beside the listing (TRS, 政府网站集约化平台 paging)."""
    here, there = urlsplit(listing).path, urlsplit(link).path
    folder = here.rsplit("/", 1)[0]
    return there.startswith(folder + "/") and bool(re.fullmatch(r"index_\d+\.s?html?", there.rsplit("/", 1)[1]))


def _report(fetcher: Fetcher, entry: Entry) -> None:
    entry.page = page = fetcher.get(entry.url)
    if not page.ok:
        return
    entry.path = fetcher.archived(page)
    if ATTACHMENT.search(urlsplit(page.url).path):
        return  # the entry is itself a file (a PDF report)
    for _, link in _links(decode(page.body, page.url), page.url):
        if ATTACHMENT.search(urlsplit(link).path) and fetcher.same_host(link):
            got = fetcher.get(link)
            entry.attachments.append((link, "" if got.ok else got.error, fetcher.archived(got) if got.ok else None))


class Offline(Fetcher):
    """A saved folder of pages as if it were the site: addresses are file paths under it."""

    def __init__(self, folder: Path, archive: Path) -> None:  # no network, no robots.txt
        self.folder, self.archive, self.index = folder.resolve(), archive, []
        self.host, self.interval = "", 0.0

    def close(self) -> None:
        pass

    def same_host(self, url: str) -> bool:
        return self._path(url) is not None

    def get(self, url: str, keep: bool = True) -> Fetched:
        import hashlib

        path = self._path(url)
        if path is None or not path.is_file():
            return Fetched(url, 404, error="文件不存在")
        body = path.read_bytes()
        found = Fetched(path.as_uri(), 200, body, sha256=hashlib.sha256(body).hexdigest())
        if keep:
            self.archived(found).write_bytes(body)
        return found

    def _path(self, url: str) -> Path | None:
        parts = urlsplit(url)
        if parts.scheme not in ("", "file"):
            return None
        path = Path(parts.path).resolve()
        return path if path == self.folder or self.folder in path.parents else None
