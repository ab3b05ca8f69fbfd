"""The desk's pages: login, password change, the reviewer's queue and review page, the region's
overview, and the report files a signed-in account may read. Every page is Chinese; every form
carries Jupyter Server's XSRF token; an error is a Chinese page, never a traceback."""

from __future__ import annotations

from typing import Any

from jupyter_server.auth.decorator import allow_unauthenticated
from jupyter_server.base.handlers import JupyterHandler
from markupsafe import Markup
from tornado import web

from kit.base.errors import user_message
from kit.desk.accounts import ADMIN, CLERK, REVIEWER, VIEWER, LoginFailed, Who
from kit.desk.database import DeskError
from kit.desk.records import NotAllowed
from kit.desk.service import Desk
from kit.formats.common import REPORT_NAME

FORM_PAGE = "voila/render/desk.ipynb"
SERVED = frozenset({"report.html", "report.pdf", "report.docx", "report-pdfa.pdf"})
MESSAGES = {403: "没有权限访问这个页面。", 404: "找不到这个页面。", 405: "不支持这种操作。"}


class DeskPage(JupyterHandler):
    """A page of the desk: the signed-in account, Chinese pages and errors."""

    @property
    def desk(self) -> Desk:
        desk: Desk = self.settings["kit_desk"]
        return desk

    @property
    def who(self) -> Who:
        who = getattr(self.current_user, "who", None)
        if who is None:
            raise web.HTTPError(403)
        found: Who = who
        return found

    def page(self, name: str, code: int = 200, **context: Any) -> None:
        self.set_status(code)
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")
        template = self.settings["kit_jinja"].get_template(name)
        who = getattr(self.current_user, "who", None)
        self.finish(template.render(who=who, base=self.base_url, xsrf=Markup(self.xsrf_form_html()),
                                    report_name=REPORT_NAME, **context))

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        exc = kwargs.get("exc_info", (None, None))[1]
        text = MESSAGES.get(status_code) or (user_message(exc, f"{self.request.method} {self.request.path}")
                                             if exc is not None and status_code >= 500 else "请求无法完成。")
        if isinstance(exc, web.HTTPError) and exc.log_message and status_code in (400, 403):
            text = exc.log_message
        self.page("message.html", status_code, title="出错了", message=text)

    def must_change_first(self) -> bool:
        if self.who.must_change:
            self.redirect(self.base_url + "kit/password")
            return True
        return False

    def run(self, action: Any) -> str | None:
        """An action of the desk; its Chinese refusal, or None when done."""
        try:
            action()
        except NotAllowed as exc:
            raise web.HTTPError(403, str(exc)) from exc
        except DeskError as exc:
            return str(exc)
        return None


class LoginHandler(DeskPage):
    @allow_unauthenticated
    def get(self) -> None:
        if getattr(self.current_user, "who", None) is not None:
            self.redirect(self.base_url + "kit/")
            return
        self.page("login.html", title="登录")

    @allow_unauthenticated
    def post(self) -> None:
        name, password = self.get_body_argument("username", ""), self.get_body_argument("password", "")
        try:
            who = self.desk.login(name.strip()[:100], password[:1000])
        except LoginFailed as exc:
            self.page("login.html", 403, title="登录", message=str(exc), username=name[:100])
            return
        found = self.desk.account(who.username)
        assert found is not None
        self.identity_provider.set_desk_cookie(self, who, found[1])  # type: ignore[attr-defined]
        self.redirect(self.base_url + ("kit/password" if who.must_change else "kit/"))


class LogoutHandler(DeskPage):
    @allow_unauthenticated
    def get(self) -> None:
        self.identity_provider.clear_login_cookie(self)
        self.redirect(self.base_url + "login")


class PasswordHandler(DeskPage):
    @web.authenticated
    def get(self) -> None:
        self.page("password.html", title="修改密码", first=self.who.must_change)

    @web.authenticated
    def post(self) -> None:
        old, new, again = (self.get_body_argument(k, "")[:1000] for k in ("old", "new", "again"))
        if new != again:
            self.page("password.html", 400, title="修改密码", first=self.who.must_change,
                      message="两次输入的新密码不一致。")
            return
        try:
            who = self.desk.change_password(self.who.username, old, new)
        except DeskError as exc:
            self.page("password.html", 400, title="修改密码", first=self.who.must_change, message=str(exc))
            return
        found = self.desk.account(who.username)
        assert found is not None
        self.identity_provider.set_desk_cookie(self, who, found[1])  # type: ignore[attr-defined]
        self.redirect(self.base_url + "kit/")


class HomeHandler(DeskPage):
    @web.authenticated
    def get(self) -> None:
        if self.must_change_first():
            return
        role = self.who.role
        target = {CLERK: FORM_PAGE, REVIEWER: "kit/queue", ADMIN: "kit/queue", VIEWER: "kit/region"}[role]
        self.redirect(self.base_url + target)
