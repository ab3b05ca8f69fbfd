"""Two ``kit serve`` processes against one PostgreSQL database serve the same county: what is
done through one is seen through the other, and a session opened on one is valid on the other
(the same cookie secret in the shared data folder)."""

from __future__ import annotations

import re

import httpx
import pytest
from desk_server import desk_server
from pg_server import new_database

from kit.desk.database import open_engine
from kit.desk.service import Desk

pytestmark = pytest.mark.slow
R, A = "襄垣县审核", "襄垣县下良镇"


def _sign_in(url: str, name: str, password: str, new: str) -> httpx.Client:
    client = httpx.Client(base_url=url, follow_redirects=False, timeout=60)
    token = re.search(r'name="_xsrf" value="([^"]+)"', client.get("login").text).group(1)
    client.post("login", data={"_xsrf": token, "username": name, "password": password})
    token = re.search(r'name="_xsrf" value="([^"]+)"', client.get("kit/password").text).group(1)
    client.post("kit/password", data={"_xsrf": token, "old": password, "new": new, "again": new})
    return client


def test_two_servers_one_database(pg_server, tmp_path):
    db = new_database(pg_server)
    with desk_server(tmp_path, db) as first, desk_server(tmp_path, db) as second:
        assert first.passwords and not second.passwords  # the second found the accounts there
        reviewer = _sign_in(first.url, R, first.passwords[R], "审核口令2024x")
        desk = Desk(open_engine(db), first.params, tmp_path / "outputs")
        clerk = desk.account(A)[0]
        assert desk.submit(clerk, "襄垣县", "下良镇", 2021).version == 1  # as the clerk's form does
        on_second = httpx.Client(base_url=second.url, cookies=reviewer.cookies, follow_redirects=False, timeout=60)
        queue = on_second.get("kit/queue?year=2021")
        assert queue.status_code == 200 and "第 1 版" in queue.text  # same session, same data
        page = on_second.get("kit/review/下良镇/2021")
        token = re.search(r'name="_xsrf" value="([^"]+)"', page.text).group(1)
        done = on_second.post("kit/review/下良镇/2021", data={"_xsrf": token, "action": "return", "version": "1",
                                                         "comment": "请补写收费情况"})
        assert done.status_code == 302
        assert "已退回" in reviewer.get("kit/review/下良镇/2021").text  # seen through the first
        assert desk.status(clerk, "襄垣县", "下良镇", 2021).returned_with == "请补写收费情况"
        desk.engine.dispose()
