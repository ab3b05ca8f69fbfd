"""``outputs/index.html``: every report under the output folder, its status, checks and files.

Built from what is on disk, not from one run: each report's state file
(``.kit-build/<县>/<乡镇>/<年>.json``) gives its last status and check problems, so reports
built earlier keep their place. The page is one
self-contained file (inline CSS, no scripts, no web fonts) with relative links, so the whole
``outputs/`` folder can be copied or zipped and still works. Written atomically.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from kit.atomic import write_text
from kit.incremental import OUTPUT_NAMES, STATE_DIR, read_state
from kit.runner import STATUS_LABELS

INDEX = "index.html"
STATUS = {status: (STATUS_LABELS[status], css) for status, css in
          (("ok", "ok"), ("partial", "warn"), ("failed", "bad"), ("invalid", "bad"))}
STATUS[None] = ("未记录", "warn")
LINKS = (("notebook", "笔记本"), ("html", "HTML"), ("pdf", "PDF"))
_YEAR = re.compile(r"^\d{4}$")

STYLE = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
       margin: 2em auto; max-width: 72em; padding: 0 1em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.5em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: .35em .6em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
.ok { color: #17652b; } .warn { color: #8a5a00; } .bad { color: #b00020; font-weight: bold; }
.muted { color: #777; } details summary { cursor: pointer; } ul { margin: .3em 0; padding-left: 1.2em; }
a { margin-right: .8em; }
"""


def report_folders(out_root: Path) -> list[Path]:
    """``<县>/<乡镇>/<年>/`` folders that hold a report output or have a state file."""
    found = set()
    for folder in out_root.glob("*/*/*"):
        if (not folder.parts[-3].startswith(".") and _YEAR.match(folder.name) and folder.is_dir()
                and any((folder / name).is_file() for name in OUTPUT_NAMES.values())):
            found.add(folder)
    for state in (out_root / STATE_DIR).glob("*/*/*.json"):
        if _YEAR.match(state.stem):
            found.add(out_root / state.parent.parent.name / state.parent.name / state.stem)
    return sorted(found)


ROLLUP_FILES = (("summary.html", "汇总 HTML"), ("summary.pdf", "汇总 PDF"),
                ("summary.ipynb", "汇总笔记本"), ("review.zip", "审阅包"))


def rollups(out_root: Path) -> dict[str, list[tuple[str, str]]]:
    """County → [(year, links HTML)] for the roll-ups in ``<县>/<年>/``."""
    found: dict[str, list[tuple[str, str]]] = {}
    for folder in sorted(out_root.glob("*/*")):
        if folder.parts[-2].startswith(".") or not _YEAR.match(folder.name):
            continue
        rel = folder.relative_to(out_root).as_posix()
        links = " ".join(f'<a href="{quote(f"{rel}/{name}")}">{label}</a>'
                         for name, label in ROLLUP_FILES if (folder / name).is_file())
        if links:
            found.setdefault(folder.parts[-2], []).append((folder.name, links))
    return found


def write_index(out_root: Path) -> Path:
    """Write ``<out_root>/index.html`` and return its path."""
    rows = [_entry(out_root, folder) for folder in report_folders(out_root)]
    return write_text(out_root / INDEX, render(rows, rollups(out_root)))


def _entry(out_root: Path, folder: Path) -> dict[str, Any]:
    state = read_state(folder) or {}
    rel = folder.relative_to(out_root)
    files = {key: quote(f"{rel.as_posix()}/{name}") for key, name in OUTPUT_NAMES.items()
             if (folder / name).is_file()}
    return {"county": rel.parts[0], "unit": rel.parts[1], "year": rel.parts[2],
            "status": state.get("status"), "state": state, "files": files}


def render(rows: list[dict[str, Any]], county_rollups: dict[str, list[tuple[str, str]]] | None = None,
           ) -> str:
    county_rollups = county_rollups or {}
    counts = Counter(STATUS.get(r["status"], STATUS[None])[0] for r in rows)
    summary = "，".join(f"{label} {n} 份" for label, n in counts.most_common())
    parts = ["<h1>政府信息公开工作年度报告 · 生成结果</h1>",
             f"<p>共 {len(rows)} 份报告{('：' + escape(summary)) if rows else ''}。"
             f"<span class=\"muted\">本页更新于 {time.strftime('%Y-%m-%d %H:%M:%S')}，"
             "由 python -m kit build 生成。</span></p>"]
    if not rows:
        parts.append("<p>输出目录中还没有报告。运行 python -m kit build 生成报告。</p>")
    for county in sorted({r["county"] for r in rows} | set(county_rollups)):
        parts.append(f"<h2>{escape(county)}</h2>")
        for year, links in county_rollups.get(county, []):
            parts.append(f"<p>{escape(year)} 年度县级汇总：{links}</p>")
        parts.append("<table><thead><tr><th>乡镇</th><th>年度</th><th>状态</th><th>校验问题</th>"
                     "<th>文件</th><th>说明</th></tr></thead><tbody>")
        parts += [_row(r) for r in rows if r["county"] == county]
        parts.append("</tbody></table>")
    body = "\n".join(parts)
    return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>年度报告生成结果</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n"
            "</body>\n</html>\n")


def _row(r: dict[str, Any]) -> str:
    state = r["state"]
    label, css = STATUS.get(r["status"], STATUS[None])
    links = " ".join(f'<a href="{href}">{name}</a>' for key, name in LINKS
                     if (href := r["files"].get(key))) or '<span class="muted">无</span>'
    return (f"<tr><td>{escape(r['unit'])}</td><td>{escape(r['year'])}</td>"
            f'<td class="{css}">{label}</td><td>{_problems(state)}</td><td>{links}</td>'
            f"<td>{_note(state)}</td></tr>")


def _problems(state: dict[str, Any]) -> str:
    problems = state.get("problems")
    if problems is None:
        return '<span class="muted">-</span>'
    if not problems:
        return '<span class="ok">无</span>'
    errors = int(state.get("errors", 0))
    warnings = int(state.get("warnings", 0))
    head = "，".join(t for t in (f"错误 {errors}" if errors else "", f"警告 {warnings}" if warnings else "") if t)
    items = "".join(f"<li>{escape(str(p.get('text', '')))}</li>" for p in problems)
    css = "bad" if errors else "warn"
    return f'<details><summary class="{css}">{head}</summary><ul>{items}</ul></details>'


def _note(state: dict[str, Any]) -> str:
    if not state:
        return '<span class="muted">没有生成记录（可能被中断）；重新运行 python -m kit build 即可补齐。</span>'
    parts = []
    if state.get("failed_cell"):
        parts.append(f"出错的单元格：{escape(str(state['failed_cell']))}")
    if state.get("error"):
        parts.append(escape(str(state["error"])))
    parts.append(f'<span class="muted">{escape(str(state.get("finished", "")))}'
                 f'，用时 {float(state.get("seconds", 0)):.1f} 秒</span>')
    return "<br>".join(parts)
