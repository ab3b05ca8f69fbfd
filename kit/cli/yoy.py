"""``python -m kit yoy <参数文件> [--accept]``: show, and optionally accept, the 同比 sentences.

Without ``--accept`` it prints the proposed sentences and what the file already holds. With
``--accept`` it writes the proposals into the file's ``yoy`` mapping (entries already there are
kept, so the clerk's edits survive), touching no other line of the file.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

from kit.base.errors import KitError
from kit.params.loader import load_params, params_from_data
from kit.params.model import ReportParams
from kit.params.writer import write_atomic
from kit.params.yamlsource import parse
from kit.rules.validate import load_previous
from kit.rules.yoy import SUBJECTS, describe, suggest

YOY_COMMENT = "# 同比句（接受后写入正文；删除则不使用）\n"
_TOP_KEY = re.compile(r"^(?P<key>[^\s#][^:]*):")


class YoyError(KitError):
    """The 同比 sentences cannot be written; the message is Chinese and names the fix."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="参数文件，例如 params/襄垣县/下良镇/2022.yaml")
    parser.add_argument("--accept", action="store_true",
                        help="把建议的同比句写入参数文件的 yoy 项（已有的句子保留不动）")


def yoy_block(sentences: dict[str, str]) -> str:
    body = yaml.safe_dump({"yoy": sentences}, allow_unicode=True, sort_keys=False, width=10_000)
    return YOY_COMMENT + body


def replace_yoy(text: str, sentences: dict[str, str]) -> str:
    """``text`` with its top-level ``yoy:`` block replaced by ``sentences`` (inserted before
    ``tables:``, or at the end, when there is none)."""
    lines = text.splitlines(keepends=True)
    keys = [(i, m.group("key").strip()) for i, line in enumerate(lines)
            if (m := _TOP_KEY.match(line))]
    block = yoy_block(sentences)
    for n, (start, key) in enumerate(keys):
        if key == "yoy":
            end = keys[n + 1][0] if n + 1 < len(keys) else len(lines)
            while end > start + 1 and lines[end - 1].startswith("#"):
                end -= 1  # a comment heading the next key stays with it
            if start > 0 and lines[start - 1] == YOY_COMMENT:
                start -= 1
            return "".join([*lines[:start], block, *lines[end:]])
    for start, key in keys:
        if key == "tables":
            while start > 0 and lines[start - 1].startswith("#"):
                start -= 1
            return "".join([*lines[:start], block, *lines[start:]])
    tail = "" if not text or text.endswith("\n") else "\n"
    return text + tail + block


def accept(path: Path, params: ReportParams, proposals: dict[str, str]) -> dict[str, str]:
    """Write ``proposals`` (without overriding sentences already in the file); return the
    resulting ``yoy`` mapping."""
    merged = {k: params.yoy.get(k) or proposals[k] for k in SUBJECTS if k in params.yoy or k in proposals}
    merged |= {k: v for k, v in params.yoy.items() if k not in merged}
    text = path.read_text(encoding="utf-8-sig")
    before = sum(p.is_error for p in load_params(path)[1])
    new_text = replace_yoy(text, merged)
    doc, problems = parse(new_text, str(path))
    check, more = params_from_data(doc.data, str(path), doc) if doc else (None, [])
    if check is None or check.yoy != merged or sum(p.is_error for p in problems + more) > before:
        msg = (f"无法安全地把同比句写入 {path}（改写后的文件读不回来）。"
               "请手工在文件中加入 yoy: 项，例如\n" + yoy_block(merged))
        raise YoyError(msg)
    write_atomic(path, new_text)
    return merged


def run(args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.is_file():
        print(f"找不到参数文件 {path}。请检查路径。", file=sys.stderr)
        return 2
    params, _ = load_params(path)
    if params is None:
        print(f"{path} 无法读取，请先运行 python -m kit check {path} 并改正。", file=sys.stderr)
        return 1
    previous = load_previous(path)
    if previous is None:
        print(f"找不到 {params.year - 1} 年的参数文件（{path.with_name(f'{params.year - 1}.yaml')}），"
              "无法生成同比句。可在正文中自行写明与上年的比较。", file=sys.stderr)
        return 1
    proposals = suggest(params, previous)
    print(f"建议的同比句（依据 {previous.source}）：")
    for sub_id, text in proposals.items():
        print(f"  {describe(params, {sub_id: text})}")
    if "proactive" not in proposals:
        print("  一（一）：两年中有一年未填 proactive_breakdown（主动公开条数），无法比较。")
    if params.yoy:
        print("参数文件中已接受的同比句：")
        for sub_id, text in params.yoy.items():
            print(f"  {sub_id}: {text}")
    if not args.accept:
        print(f"如需采用，运行 python -m kit yoy {path} --accept；也可直接在文件的 yoy 项中修改或删除。")
        return 0
    try:
        merged = accept(path, params, proposals)
    except YoyError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"已写入 {path} 的 yoy 项（{len(merged)} 句）。可在文件中修改措辞，删除某一句则不再使用。")
    return 0
