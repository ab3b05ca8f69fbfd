"""kit audit against a synthetic 年报专栏 served on 127.0.0.1 (no test touches the internet):
paginated listings, a GBK page, a missing year, a late report, a broken attachment, a page the
robots.txt forbids, a 解读 entry, a page changed between two audits; and bad input — an
unreachable host, a redirect loop, a listing of 10,000 links, a page that is not a listing —
each a Chinese message and a partial audit kept."""

from __future__ import annotations

import functools
import http.server
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[2]
PUBLISHED = ROOT / "tests" / "fixtures" / "published"
JIA, YI, XL = "虚构县甲镇人民政府", "虚构县乙乡人民政府", "襄垣县下良镇人民政府"
REPORT = "年政府信息公开工作年度报告"


class Handler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        super().do_GET()

    def log_message(self, *args):
        pass


def _listing(entries, next_page=""):
    items = "".join(f'<li><a href="{href}">{title}</a></li>' for title, href in entries)
    more = f'<a href="{next_page}">下一页</a>' if next_page else ""
    return f'<html><head><meta charset="utf-8"><title>年报专栏</title></head><body><ul>{items}</ul>{more}</body></html>'


@pytest.fixture
def portal(tmp_path):
    site = tmp_path / "site"
    (site / "ndbg").mkdir(parents=True)
    (site / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n", encoding="utf-8")
    for name in ("jiazhen-2022.html", "jiazhen-2021-hybrid.html", "jiazhen-2020-format2019.html", "defect-late.html",
                 "xialiang-trs-gbk.html"):
        shutil.copy(PUBLISHED / name, site / "ndbg" / name)
    page = site / "ndbg" / "jiazhen-2022.html"  # GB2312, as such portals serve them
    page.write_bytes(page.read_bytes().replace(b"</body>", '<a href="att/fujian.pdf">附件</a>'  # a broken one
                                               '<a href="att/jiazhen-2022.docx">附件</a></body>'.encode("gbk")))
    (site / "ndbg" / "att").mkdir()
    shutil.copy(PUBLISHED / "jiazhen-2022.docx", site / "ndbg" / "att")  # the same report as a file
    older = site / "ndbg" / "jiazhen-2020-format2019.html"  # a file of another report attached by mistake
    older.write_bytes(older.read_bytes().replace(b"</body>", '<a href="att/jiazhen-2022.docx">附件</a></body>'.encode("gbk")))
    (site / "ndbg" / "index.html").write_text(_listing([
        (f"{JIA}2022{REPORT}", "jiazhen-2022.html"), (f"关于《{JIA}2022{REPORT}》的解读", "jiedu.html"),
        (f"{YI}2022{REPORT}", "defect-late.html"), (f"{JIA}2021{REPORT}", "jiazhen-2021-hybrid.html"),
        (f"{YI}2021{REPORT}", "/private/yi-2021.html"), (f"{JIA}2020{REPORT}", "jiazhen-2020-format2019.html")],
        "index_1.html"), encoding="utf-8")
    (site / "ndbg" / "jiedu.html").write_text("<html><body>解读</body></html>", encoding="utf-8")
    (site / "ndbg" / "index_1.html").write_text(_listing([(f"{XL}2021{REPORT}", "xialiang-trs-gbk.html")]), encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", site
    server.shutdown()


def audit(*args, cwd):
    return subprocess.run([sys.executable, "-m", "kit", "audit", *args, "--interval", "0"], capture_output=True,
                          text=True, cwd=cwd, timeout=300, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def _rows(out: Path) -> dict[tuple[str, int], str]:
    book = load_workbook(out / "audit.xlsx")
    return {(r[0], r[1]): f"{r[5]}｜{r[6]}" for r in book["明细"].iter_rows(min_row=2, values_only=True)}


def test_the_column_audited(portal, tmp_path):
    url, site = portal
    out = tmp_path / "out"
    done = audit(f"{url}/ndbg/index.html", "--out", str(out), cwd=tmp_path)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stdout + done.stderr
    assert "检查了 2 个栏目页、6 篇年报" in done.stdout  # the second listing page followed
    rows = _rows(out)
    assert "未发布" in rows[(JIA, 2019)]  # a missing year
    assert "逾期" in rows[(YI, 2022)] and "晚 59 天" in rows[(YI, 2022)]  # published 2023-03-31
    assert "附件无法打开" in rows[(JIA, 2022)] and "fujian.pdf" in rows[(JIA, 2022)]
    assert "附件与网页数字不一致" not in rows[(JIA, 2022)]  # the .docx holds the page's figures
    assert "附件与网页数字不一致" in rows[(JIA, 2020)] and "表二" in rows[(JIA, 2020)]
    assert "无解读" not in rows[(JIA, 2022)] and "无解读" in rows[(JIA, 2021)]
    assert "年报页面无法打开" in rows[(YI, 2021)] and "robots.txt" in rows[(YI, 2021)]  # not fetched
    assert "逾期（不确定）" in rows[(JIA, 2021)]  # no publication date on the page: not a guess
    assert (XL, 2021) in rows and "附件无法打开" not in rows[(XL, 2021)]  # the GBK page read
    points = list(load_workbook(out / "audit.xlsx")["扣分"].iter_rows(min_row=2, values_only=True))
    assert points[[p[:3] for p in points].index((JIA, 2019, "未发布"))][:4] == (JIA, 2019, "未发布", -2, )
    assert any(p[2] == "逾期" and p[3] == "不确定" for p in points)
    assert (out / "audit.html").is_file() and (out / "扣分规则.yaml").is_file()
    archived = list((out / "archive").glob("*.html"))
    assert len(archived) >= 6 and (out / "archive" / "index.json").is_file()
    # the same column again after a report was edited: 发布后有变动
    page = site / "ndbg" / "jiazhen-2021-hybrid.html"
    page.write_bytes(page.read_bytes().replace(b"</body>", "<p>补充说明。</p></body>".encode("gbk")))
    audit(f"{url}/ndbg/index.html", "--out", str(out), cwd=tmp_path)
    again = _rows(out)
    assert "发布后有变动" in again[(JIA, 2021)] and "发布后有变动" not in again[(JIA, 2020)]


def test_a_rule_pack_the_county_edits(portal, tmp_path):
    url, _ = portal
    rules = tmp_path / "rules.yaml"
    rules.write_text("未发布: -3\n逾期: 0\n", encoding="utf-8")
    out = tmp_path / "out"
    audit(f"{url}/ndbg/index.html", "--out", str(out), "--rules", str(rules), cwd=tmp_path)
    points = list(load_workbook(out / "audit.xlsx")["扣分"].iter_rows(min_row=2, values_only=True))
    assert all(p[3] == -3 for p in points if p[2] == "未发布") and not any(p[2] == "逾期" and p[3] != "不确定" for p in points)
    rules.write_text("迟报: -1\n", encoding="utf-8")
    wrong = audit(f"{url}/ndbg/index.html", "--out", str(out), "--rules", str(rules), cwd=tmp_path)
    assert wrong.returncode == 2 and "不是可检查的项目" in wrong.stderr


def test_bad_input_gives_chinese_and_keeps_a_partial_audit(portal, tmp_path):
    url, site = portal
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    done = audit(f"http://127.0.0.1:{closed}/ndbg/", "--out", str(tmp_path / "a"), cwd=tmp_path)
    assert done.returncode == 1 and "无法连接" in done.stdout and "部分结果" in done.stderr and "Traceback" not in done.stderr
    assert (tmp_path / "a" / "audit.html").is_file()
    loop = audit(f"{url}/loop", "--out", str(tmp_path / "b"), cwd=tmp_path)
    assert "重定向次数过多" in loop.stdout and "Traceback" not in loop.stderr
    (site / "ndbg" / "big.html").write_text(_listing([(f"某单位{i}{REPORT}", f"r{i}.html") for i in range(10_000)]),
                                            encoding="utf-8")
    big = audit(f"{url}/ndbg/big.html", "--out", str(tmp_path / "c"), cwd=tmp_path)
    assert "只检查了前 1000 条" in big.stdout and "Traceback" not in big.stderr
    (site / "ndbg" / "news.html").write_text("<html><body><p>新闻</p><a href='x.html'>某新闻</a></body></html>",
                                             encoding="utf-8")
    news = audit(f"{url}/ndbg/news.html", "--out", str(tmp_path / "d"), cwd=tmp_path)
    assert "可能不是年报专栏的列表页" in news.stdout
    assert audit("not-a-folder", cwd=tmp_path).returncode == 2


def test_a_saved_folder_is_audited_offline(portal, tmp_path):
    _, site = portal
    done = audit(str(site / "ndbg"), "--out", str(tmp_path / "o"), cwd=tmp_path)
    # the saved folder holds no /private/ page: five reports
    assert "检查了 2 个栏目页、5 篇年报" in done.stdout, done.stdout + done.stderr
    assert "未发布" in _rows(tmp_path / "o")[(JIA, 2019)]
