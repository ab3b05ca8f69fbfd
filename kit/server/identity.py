"""Who is signed in: the desk's accounts behind Jupyter Server's IdentityProvider API.

The login cookie is signed by the server (tornado secure cookie), HttpOnly and SameSite=Strict,
and holds the user name and a stamp of the password: changing the password ends every other
session. There is no token: every page needs a signed-in account.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from jupyter_server.auth.identity import IdentityProvider, User
from tornado import web

from kit.desk.accounts import Who

COOKIE = "kit-desk"
SESSION_DAYS = 0.5  # a session lasts a working day


@dataclass
class DeskUser(User):
    """Jupyter Server's user, with the desk's account."""

    who: Who | None = None


class DeskIdentityProvider(IdentityProvider):
    """Signed-in accounts of the desk (see the module)."""

    def _token_default(self) -> str:
        return ""  # no token: accounts only

    @property
    def auth_enabled(self) -> bool:
        return True

    @property
    def login_available(self) -> bool:
        return True

    def get_handlers(self) -> list[tuple[str, object]]:
        from kit.server.pages import LoginHandler, LogoutHandler

        return [(r"/login", LoginHandler), (r"/logout", LogoutHandler)]

    def get_cookie_name(self, handler: web.RequestHandler) -> str:
        return COOKIE

    async def get_user_token(self, handler: web.RequestHandler) -> User | None:
        return None  # no tokens: a signed-in account only

    def get_user_cookie(self, handler: web.RequestHandler) -> DeskUser | None:
        raw = handler.get_secure_cookie(COOKIE, max_age_days=SESSION_DAYS)
        if not raw:
            return None
        try:
            data = json.loads(raw)
            found = handler.settings["kit_desk"].account(str(data["u"]))
        except (ValueError, KeyError, TypeError):
            return None
        if found is None or found[1] != data.get("s"):
            return None  # no such account any more, or its password changed since
        return desk_user(found[0])

    def set_desk_cookie(self, handler: web.RequestHandler, who: Who, stamp: str) -> None:
        value = json.dumps({"u": who.username, "s": stamp})
        options: dict[str, Any] = {"httponly": True, "samesite": "Strict", "path": handler.base_url}  # type: ignore[attr-defined]
        if handler.request.protocol == "https":
            options["secure"] = True
        handler.set_secure_cookie(COOKIE, value, expires_days=None, **options)

    def clear_login_cookie(self, handler: web.RequestHandler) -> None:
        handler.clear_cookie(COOKIE, path=handler.base_url)  # type: ignore[attr-defined]

    def validate_security(self, app: Any, ssl_options: dict | None = None) -> None:
        return None  # accounts and passwords are the desk's: nothing of Jupyter's to check


def desk_user(who: Who) -> DeskUser:
    return DeskUser(username=who.username, name=who.username, display_name=who.username, who=who)
