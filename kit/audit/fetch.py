"""Fetching a portal's pages politely, and keeping every page fetched.

One host only (the column's); its robots.txt obeyed; at most one request per ``interval``
seconds; a timeout, two retries on a failed connection or a server error, at most five
redirects (a loop is a failure, not a hang); a User-Agent naming the kit. Every page fetched is
archived under ``<out>/archive/`` by its SHA-256 with the address and the time it was fetched,
so an audit can be shown later and the next audit can tell a page that changed.
"""

from __future__ import annotations

import hashlib
import json
import time
import urllib.robotparser
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

from kit import __version__
from kit.base.atomic import write_bytes, write_text

USER_AGENT = f"kit-annual-report-audit/{__version__} (county self-check of the annual report column)"  # ASCII: a header
TIMEOUT = 15.0
RETRIES = 2
MAX_BYTES = 30_000_000


@dataclass(frozen=True)
class Fetched:
    url: str  # where it ended, after redirects
    status: int  # 0: no answer (the error says why)
    body: bytes = b""
    error: str = ""  # Chinese
    sha256: str = ""
    fetched_at: str = ""
    content_type: str = ""

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300 and not self.error


class Fetcher:
    """Pages of one host, one at a time, archived."""

    def __init__(self, start: str, archive: Path, interval: float = 1.0) -> None:
        parts = urlsplit(start)
        self.host, self.scheme = parts.netloc, parts.scheme
        self.archive = archive
        self.interval = interval
        self._last = 0.0
        self._client = httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=TIMEOUT, follow_redirects=True,
                                    max_redirects=5)
        self._robots = self._read_robots()
        self.index: list[dict[str, object]] = []

    def close(self) -> None:
        self._client.close()
        write_text(self.archive / "index.json", json.dumps(self.index, ensure_ascii=False, indent=1))

    def same_host(self, url: str) -> bool:
        return urlsplit(url).netloc == self.host

    def allowed(self, url: str) -> bool:
        return self._robots is None or self._robots.can_fetch(USER_AGENT, url)

    def get(self, url: str, keep: bool = True) -> Fetched:
        if not self.same_host(url):
            return Fetched(url, 0, error="不是该网站的地址，未访问")
        if not self.allowed(url):
            return Fetched(url, 0, error="网站的 robots.txt 不允许访问，未访问")
        error = ""
        for attempt in range(RETRIES + 1):
            self._wait()
            try:
                response = self._client.get(url)
            except httpx.TooManyRedirects:
                return Fetched(url, 0, error="重定向次数过多（可能是循环重定向）")
            except httpx.HTTPError as exc:
                error = f"无法连接（{type(exc).__name__}）"
                continue
            if response.status_code >= 500 and attempt < RETRIES:
                error = f"服务器错误 {response.status_code}"
                continue
            body = response.content[:MAX_BYTES]
            found = Fetched(str(response.url), response.status_code, body,
                            "" if response.status_code < 400 else f"返回 {response.status_code}",
                            hashlib.sha256(body).hexdigest(), datetime.now().isoformat(timespec="seconds"),
                            response.headers.get("content-type", ""))
            if keep and found.ok:
                self._keep(url, found)
            return found
        return Fetched(url, 0, error=error)

    def _wait(self) -> None:
        pause = self.interval - (time.monotonic() - self._last)
        if pause > 0:
            time.sleep(pause)
        self._last = time.monotonic()

    def archived(self, page: Fetched) -> Path:
        """Where ``page`` is kept: its SHA-256 and the suffix of its address (.html by default)."""
        return self.archive / f"{page.sha256}{Path(urlsplit(page.url).path).suffix.lower()[:6] or '.html'}"

    def _keep(self, asked: str, page: Fetched) -> None:
        write_bytes(self.archived(page), page.body)
        self.index.append({"url": asked, "final": page.url, "sha256": page.sha256, "fetched_at": page.fetched_at,
                           "status": page.status})

    def _read_robots(self) -> urllib.robotparser.RobotFileParser | None:
        robots = urllib.robotparser.RobotFileParser()
        try:
            self._wait()
            response = self._client.get(urljoin(f"{self.scheme}://{self.host}/", "/robots.txt"))
        except httpx.HTTPError:
            return None
        if response.status_code >= 400:
            return None
        robots.parse(response.text.splitlines())
        return robots
