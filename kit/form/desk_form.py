"""The clerk's form on the county's desk: the same form, opened on the account's own unit only,
with 报送 in place of 发布 (the county publishes), and the desk's status and the reviewer's
comment at the top.

The unit comes from the signed-in account (the server writes it into the page's notebook
before the kernel starts, :mod:`kit.server.hooks`), never from the page: opening any other
unit is refused here as well.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path

from kit.base.errors import user_message
from kit.desk.accounts import Who
from kit.desk.service import Desk
from kit.desk.states import CONFIRM
from kit.form.chooser import years
from kit.form.export import ExportResult
from kit.form.report_form import ReportForm
from kit.form.widgets import html
from kit.rules.draft import draft_problems

SUBMIT = "报送（提交县里审核）"


DRAFT_REFUSED = "这份报告还是草稿，不能报送。请逐项处理下面列出的问题（点“转到”可打开该处）。"


class DeskForm(ReportForm):
    """ReportForm bound to one unit of one county, submitting to ``desk``."""

    def __init__(self, desk: Desk, who: Who, year: int | None = None,
                 href: Callable[[Path], str] | None = None, base: str = "/") -> None:
        self.desk, self.who, self.base = desk, who, base
        self.desk_status = html("", "kit-desk-status")
        found = years(desk.params_dir, who.county, who.unit)
        chosen = year or (found[-1] if found else date.today().year - 1)
        super().__init__(params_dir=desk.params_dir, county=who.county, unit=who.unit, year=chosen,
                         out_root=desk.out_root, href=href)
        for box in (self.chooser.county, self.chooser.unit):
            box.disabled = True
        self.actions.publish_button.description = SUBMIT
        self.actions.publish_button.tooltip = "检查通过、文字都已改写后，提交县政务公开办审核；审核通过后由县里发布"
        kids = list(self.widget.children)
        self.widget.children = [kids[0], kids[1], self.desk_status, *kids[2:]]
        self._show_desk_status()

    def open(self, county: str, unit: str, year_text: str) -> None:
        if (county, unit) != (self.who.county, self.who.unit):
            self._show_message(f"只能打开本单位（{self.who.county}{self.who.unit}）的报告。")
            return
        super().open(county, unit, year_text)
        self._show_desk_status()

    def save(self, force: bool = False) -> bool:
        saved = super().save(force)
        if saved and self.state is not None and getattr(self, "desk", None) is not None:
            try:
                self.desk.record_save(self.who, self.who.county, self.who.unit, self.state.year)
            except Exception as exc:  # the file is saved; only the log entry is missing
                self._show_message(f"已保存，但未能写入操作记录：{user_message(exc, '保存记录')}")
        return saved

    def export(self, draft: bool = False) -> ExportResult | None:
        """生成草稿 as before; 发布 becomes 报送."""
        return super().export(draft=True) if draft else self.submit()

    def submit(self) -> ExportResult | None:
        state = self.state
        if state is None:
            return None
        blocking = tuple(draft_problems(state.problems))
        if blocking:  # refused before anything is saved, as 发布 is
            result = ExportResult(False, DRAFT_REFUSED, refused=blocking)
        elif state.dirty and not self.save():
            return None
        else:
            result = self._submit(state.year)
        self._show_message(result.message, good=result.ok)
        self.actions.show_refusal(list(result.refused), self._where, self.goto)
        self._show_desk_status()
        return result

    def _submit(self, year: int) -> ExportResult:
        try:
            done = self.desk.submit(self.who, self.who.county, self.who.unit, year)
        except Exception as exc:
            return ExportResult(False, f"报送未完成：{user_message(exc, '报送')}")
        if done.version:
            return ExportResult(True, f"已报送（第 {done.version} 版）。县政务公开办审核后会在这里给出意见。")
        return ExportResult(False, DRAFT_REFUSED, refused=done.refused)

    def _show_desk_status(self) -> None:
        if getattr(self, "desk", None) is None or self.state is None:
            return
        try:
            status = self.desk.status(self.who, self.who.county, self.who.unit, self.state.year)
        except Exception as exc:
            self.desk_status.value = f'<div class="kit-alert">{escape(user_message(exc, "报送状态"))}</div>'
            return
        version = f"（第 {status.version} 版）" if status.version else ""
        comment = (f'<div class="kit-desk-comment">审核意见：{escape(status.returned_with)}</div>'
                   if status.returned_with else "")
        if status.version:
            marked = [f for f in self.desk.findings(self.who, self.who.county, self.who.unit, self.state.year)
                      if f.decision == CONFIRM]
            comment += "".join(f'<div class="kit-desk-finding">· {escape(f.problem.clerk_where() or "全文")}：'
                               f"{escape(f.comment or f.problem.message)}</div>" for f in marked)
        self.desk_status.value = (f'<div class="kit-desk-state">报送状态：<b>{escape(status.label)}</b>{version}'
                                  f'　<a href="{escape(self.base)}logout">退出登录</a></div>{comment}')
