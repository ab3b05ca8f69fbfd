"""The county's pages: the reviewer's queue and review page, the region's overview, the report
files an account may read, and the kernel shutdown of Voilà's pages (owner checked)."""

from __future__ import annotations

import mimetypes
from datetime import date
from pathlib import Path
from urllib.parse import quote

from tornado import web

from kit.desk import states
from kit.desk.accounts import ADMIN, REVIEWER, VIEWER, Who
from kit.desk.database import DeskError
from kit.desk.publishing import publish
from kit.desk.queue import queue
from kit.server.pages import DeskPage
from kit.server.review import review_context

SERVED = frozenset({"report.html", "report.pdf", "report.docx", "report-pdfa.pdf", "jiedu.html", "jiedu.docx",
                    "tujie.png", "tujie.pdf"})


def _year(handler: DeskPage) -> int:
    text = handler.get_query_argument("year", "")
    return int(text) if text.isdigit() and 2019 <= int(text) <= 2100 else date.today().year - 1


class QueueHandler(DeskPage):
    @web.authenticated
    def get(self) -> None:
        if self.must_change_first():
            return
        who, year = self.who, _year(self)
        if who.role != REVIEWER:
            raise web.HTTPError(403, "只有县审核人可以查看报送情况。")
        rows = queue(self.desk, who, who.county, year, date.today())
        self.page("queue.html", title=f"{who.county} {year} 年度报送情况", rows=rows, year=year, county=who.county,
                  approved=sum(r.state == states.APPROVED for r in rows), message=self.get_query_argument("m", ""))

    @web.authenticated
    def post(self) -> None:
        """批量发布: every 已通过 report of the year."""
        who, year = self.who, _year(self)
        if who.role != REVIEWER:
            raise web.HTTPError(403, "只有县审核人可以发布。")
        done: list[str] = []
        failed: list[str] = []
        for row in queue(self.desk, who, who.county, year, date.today()):
            if row.state == states.APPROVED:
                why = self.run(lambda row=row: publish(self.desk, who, who.county, row.unit, year, row.version))
                (failed if why else done).append(row.unit if not why else f"{row.unit}（{why}）")
        note = f"已发布 {len(done)} 份" + (f"；未发布：{'；'.join(failed)}" if failed else "。")
        self.redirect(f"{self.base_url}kit/queue?year={year}&m={quote(note)}")


class ReviewHandler(DeskPage):
    @web.authenticated
    def get(self, unit: str, year: str) -> None:
        if self.must_change_first():
            return
        self._show(unit, int(year))

    @web.authenticated
    def post(self, unit: str, year_text: str) -> None:
        who, year, arg = self.who, int(year_text), self.get_body_argument
        county = who.county
        if not who.may_review(county):
            raise web.HTTPError(403, "只有本县的审核人可以审核。")
        action, comment = arg("action", ""), arg("comment", "")
        version = int(arg("version", "0") or 0)
        steps = {
            "decide": lambda: self.desk.decide(who, county, unit, year, arg("fingerprint", ""), arg("decision", ""),
                                               comment),
            "return": lambda: self.desk.send_back(who, county, unit, year, version, comment),
            "approve": lambda: self.desk.approve(who, county, unit, year, version, comment),
            "publish": lambda: publish(self.desk, who, county, unit, year, version),
        }
        if action not in steps:
            raise web.HTTPError(400, "未知的操作。")
        why = self.run(steps[action])
        if why:
            self._show(unit, year, why, 409)
        else:
            self.redirect(f"{self.base_url}kit/review/{quote(unit)}/{year}")

    def _show(self, unit: str, year: int, message: str = "", status: int = 200) -> None:
        who = self.who
        if not who.may_review(who.county):
            raise web.HTTPError(403, "只有本县的审核人可以审核。")
        try:
            context = review_context(self.desk, who, who.county, unit, year)
        except DeskError as exc:
            self.page("message.html", 404, title="没有这份报告", message=str(exc))
            return
        if not context["status"].version:
            self.page("message.html", 404, title="没有这份报告", message=f"本县没有已报送的{unit} {year} 年度报告。")
            return
        self.page("review.html", status, title=f"审核：{who.county}{unit} {year} 年度", message=message, **context)


class RegionHandler(DeskPage):
    @web.authenticated
    def get(self) -> None:
        if self.must_change_first():
            return
        from kit.county.region import counties_of

        who, year = self.who, _year(self)
        if who.role != VIEWER:
            raise web.HTTPError(403, "只有市、省查看人可以查看这个页面。")
        counties = counties_of(self.desk.params_dir, who.region)
        lines = []
        for county in counties:
            rows = queue(self.desk, Who("region", REVIEWER, county), county, year, date.today())
            counts = {label: sum(r.label == label for r in rows) for label in states.LABELS.values()}
            lines.append((county, len(rows), counts, [r.unit for r in rows if r.late],
                          sum(r.errors for r in rows)))
        self.page("region.html", title=f"{who.region} {year} 年度报送情况", lines=lines, year=year,
                  labels=list(states.LABELS.values()))


class FilesHandler(DeskPage):
    """A report's HTML, PDF or Word, for an account that may read that unit's report."""

    @web.authenticated
    def get(self, county: str, unit: str, year: str, rest: str) -> None:
        name = rest.rsplit("/", 1)[-1]
        folder = rest[: -len(name)].strip("/")
        if name not in SERVED or (folder not in ("",) and not (folder.startswith("v") and folder[1:].isdigit())):
            raise web.HTTPError(404)
        if not self.who.may_read(county, unit):
            raise web.HTTPError(403)
        root = self.desk.out_root.resolve()
        path = (root / county / unit / year / folder / name).resolve()
        if root not in path.parents or not path.is_file() or path.is_symlink():
            raise web.HTTPError(404)
        self.set_header("Content-Type", mimetypes.guess_type(name)[0] or "application/octet-stream")
        self.set_header("X-Content-Type-Options", "nosniff")
        if not name.endswith(".html"):
            self.set_header("Content-Disposition", f"attachment; filename*=UTF-8''{quote(unit + '-' + name)}")
        self.finish(Path(path).read_bytes())


class ShutdownHandler(DeskPage):
    """Voilà's page shuts its kernel down when it closes: only its owner's (or an admin's)."""

    @web.authenticated
    async def post(self, kernel_id: str) -> None:
        from kit.server.owners import OWNERS

        if not (self.who.role == ADMIN or OWNERS.get(kernel_id) == self.who.username):
            raise web.HTTPError(403)
        await self.kernel_manager.shutdown_kernel(kernel_id)
        self.set_status(204)
        self.finish()
