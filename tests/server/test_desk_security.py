"""Bad input and attacks against a real ``python -m kit serve``: each gets a refusal (a Chinese
page, 403 or 404) and changes nothing. One server (SQLite) for the module."""

from __future__ import annotations

import json
import re
import time
import uuid

import httpx
import pytest
import websocket
from desk_server import desk_server
from process_helpers import running_kernels

A, B, R, OTHER = "襄垣县下良镇", "襄垣县上良镇", "襄垣县审核", "潞城区审核"
NEW = "新口令abc12345"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with desk_server(tmp_path_factory.mktemp("desk-security")) as running:
        yield running


def xsrf_of(client: httpx.Client, path: str = "login") -> str:
    return re.search(r'name="_xsrf" value="([^"]+)"', client.get(path).text).group(1)


def signed_in(server, name: str) -> httpx.Client:
    """A client signed in as ``name`` (its first login changes the one-time password)."""
    client = httpx.Client(base_url=server.url, follow_redirects=False, timeout=180)
    reply = client.post("login", data={"_xsrf": xsrf_of(client), "username": name,
                                       "password": server.passwords[name]})
    assert reply.status_code == 302, reply.text
    if reply.headers["location"].endswith("kit/password"):
        done = client.post("kit/password", data={"_xsrf": xsrf_of(client, "kit/password"), "old": server.passwords[name],
                                                 "new": NEW, "again": NEW})
        assert done.status_code == 302
        server.passwords[name] = NEW
    return client


def kernels(server) -> int:
    return running_kernels(server.pid)


def kernel_of(client: httpx.Client) -> str:
    page = client.get("voila/render/desk.ipynb")
    assert page.status_code == 200
    return re.search(r"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})", page.text).group(1)


def channel(server, client: httpx.Client, kernel_id: str, origin: str | None = None) -> websocket.WebSocket:
    cookies = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    url = server.url.replace("http", "ws") + f"api/kernels/{kernel_id}/channels"
    return websocket.create_connection(url, cookie=cookies, timeout=10,
                                       origin=origin or server.url.rstrip("/"))


def message(kind: str, content: dict) -> str:
    header = {"msg_id": uuid.uuid4().hex, "msg_type": kind, "username": "x", "session": uuid.uuid4().hex,
              "date": "", "version": "5.3"}
    return json.dumps({"header": header, "parent_header": {}, "metadata": {}, "content": content,
                       "channel": "shell", "buffers": []})


def replies(ws: websocket.WebSocket, seconds: float) -> list[str]:
    found, end = [], time.monotonic() + seconds
    ws.settimeout(0.5)
    while time.monotonic() < end:
        try:
            found.append(json.loads(ws.recv())["header"]["msg_type"])
        except websocket.WebSocketTimeoutException:
            continue
    return found


def test_wrong_password_and_lockout(server):
    client = httpx.Client(base_url=server.url, timeout=30)
    for attempt in range(5):
        reply = client.post("login", data={"_xsrf": xsrf_of(client), "username": OTHER, "password": f"x{attempt}"})
        assert reply.status_code == 403 and "账号或密码不正确" in reply.text
    reply = client.post("login", data={"_xsrf": xsrf_of(client), "username": OTHER,
                                       "password": server.passwords[OTHER]})
    assert reply.status_code == 403 and "已锁定" in reply.text and "Traceback" not in reply.text


def test_foreign_host_forged_xsrf_and_tampered_or_stale_sessions(server):
    assert httpx.get(server.url + "login", headers={"Host": "evil.example"}).status_code == 403
    client = signed_in(server, R)
    assert client.post("kit/queue?year=2021").status_code == 403  # no XSRF token
    assert client.post("kit/queue?year=2021", data={"_xsrf": "2|00|00|1"}).status_code == 403
    forged = httpx.Client(base_url=server.url, cookies={"kit-desk": "eyJ1IjogIngifQ=="})
    assert forged.get("kit/queue").headers["location"].startswith("/login")
    other = signed_in(server, R)  # a second session of the same account
    assert other.get("kit/queue?year=2021").status_code == 200
    changed = client.post("kit/password", data={"_xsrf": xsrf_of(client, "kit/password"), "old": server.passwords[R],
                                                "new": "再换一个口令99", "again": "再换一个口令99"})
    assert changed.status_code == 302
    server.passwords[R] = "再换一个口令99"
    assert other.get("kit/queue?year=2021").status_code == 302  # its session ended with the old password


def test_anonymous_requests_start_no_kernel_and_reach_nothing(server):
    before = kernels(server)
    for path in ["voila/render/desk.ipynb"] * 12 + ["kit/queue", "kit/review/下良镇/2021", "api/kernels",
                                                     "api/contents", "kit/files/襄垣县/下良镇/2021/report.pdf"]:
        reply = httpx.get(server.url + path, headers={"Origin": "http://evil.example"})
        assert reply.status_code in (302, 403, 404), path
    time.sleep(1)
    assert kernels(server) == before


def test_a_clerk_reaches_only_its_own_unit_and_kernel(server):
    a, b = signed_in(server, A), signed_in(server, B)
    kernel = kernel_of(a)
    for path in ("kit/queue", "kit/review/下良镇/2021", "kit/region", "api/contents", "api/kernels",
                 "api/sessions", "files/desk.ipynb", "voila/files/desk.ipynb"):
        assert a.get(path).status_code in (403, 404), path
    for path in ("kit/files/襄垣县/上良镇/2021/report.pdf", "kit/files/潞城区/店上镇/2021/report.html"):
        assert a.get(path).status_code == 403, path
    assert a.get(f"api/kernels/{kernel}").status_code == 200  # its own kernel
    assert b.get(f"api/kernels/{kernel}").status_code == 403  # not another clerk's
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        channel(server, b, kernel)  # B cannot talk to A's kernel
    assert refused.value.status_code == 403
    with pytest.raises(websocket.WebSocketBadStatusException):
        channel(server, a, kernel, origin="http://evil.example")  # a foreign page
    ws = channel(server, a, kernel)
    ws.send(message("execute_request", {"code": "open('/etc/passwd').read()", "silent": False,
                                        "store_history": False, "user_expressions": {}, "allow_stdin": False}))
    assert "execute_reply" not in replies(ws, 3)  # code sent by hand is never run
    ws.send(message("kernel_info_request", {}))
    assert "kernel_info_reply" in replies(ws, 10)  # what the page needs still works
    ws.close()


def test_only_the_owner_shuts_a_kernel_down(server):
    a, b = signed_in(server, A), signed_in(server, B)
    kernel = kernel_of(a)

    def shut(client: httpx.Client) -> int:
        xsrf_of(client, "kit/password")  # sets the _xsrf cookie
        token = client.cookies.get("_xsrf")
        return client.post(f"voila/api/shutdown/{kernel}", headers={"X-XSRFToken": token}).status_code

    assert shut(b) == 403
    assert a.get(f"api/kernels/{kernel}").status_code == 200  # still running
    assert shut(a) == 204  # the page's own kernel, when it closes
    assert a.get(f"api/kernels/{kernel}").status_code in (403, 404)


def test_kernels_per_clerk_are_limited(server):
    a = signed_in(server, A)
    before = kernels(server)
    for _ in range(4):
        kernel_of(a)
    time.sleep(2)
    assert kernels(server) - before <= 2


@pytest.mark.parametrize("path", [
    "kit/files/襄垣县/下良镇/2021/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    "kit/files/襄垣县/下良镇/2021/v1/../../../../params/襄垣县/下良镇/2021.yaml",
    "kit/files/襄垣县/下良镇/2021/report.ipynb",
    "kit/files/%2E%2E/%2E%2E/etc/passwd/2021/report.pdf",
])
def test_path_traversal(server, path):
    reviewer = signed_in(server, R)
    assert reviewer.get(path).status_code in (403, 404)


def test_a_long_comment_changes_nothing(server):
    clerk, reviewer = signed_in(server, A), signed_in(server, R)
    kernel_of(clerk)  # the form exists; submit through the service's page instead of widgets
    from kit.desk.database import open_engine, sqlite_url
    from kit.desk.service import Desk

    desk = Desk(open_engine(sqlite_url(server.root / "desk")), server.params, server.root / "outputs")
    who = desk.account(A)[0]
    version = desk.submit(who, "襄垣县", "下良镇", 2021).version
    reply = reviewer.post("kit/review/下良镇/2021", data={"_xsrf": xsrf_of(reviewer, "kit/review/下良镇/2021"),
                                                      "action": "return", "version": str(version),
                                                      "comment": "改" * 50_000})
    assert reply.status_code == 409 and "超过上限" in reply.text
    assert desk.status(desk.account(R)[0], "襄垣县", "下良镇", 2021).label == "已报送"


def test_an_expired_session_is_refused(server):
    """A correctly signed cookie older than a working day signs nobody in."""
    import hashlib
    import hmac

    from tornado.web import create_signed_value

    from kit.server.identity import COOKIE, SESSION_DAYS

    key = (server.root / "desk" / "cookie_secret").read_bytes()
    secret = hmac.new(key, b"", hashlib.sha256).digest()  # how Jupyter Server derives it (no password)
    signed_in(server, R)  # the account exists and has its own password now
    from kit.desk.database import open_engine, sqlite_url
    from kit.desk.service import Desk

    desk = Desk(open_engine(sqlite_url(server.root / "desk")), server.params, server.root / "outputs")
    stamp = desk.account(R)[1]
    value = json.dumps({"u": R, "s": stamp})
    old = time.time() - (SESSION_DAYS + 0.1) * 86400
    stale = create_signed_value(secret, COOKIE, value, clock=lambda: old).decode()
    fresh = create_signed_value(secret, COOKIE, value).decode()
    assert httpx.get(server.url + "kit/queue?year=2021", cookies={COOKIE: fresh}).status_code == 200
    refused = httpx.get(server.url + "kit/queue?year=2021", cookies={COOKIE: stale})
    assert refused.status_code == 302 and refused.headers["location"].startswith("/login")
