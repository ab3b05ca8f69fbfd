"""``python -m kit yoy <参数文件> [--accept]``: show, and optionally accept, the 同比 sentences.

Without ``--accept`` it prints the proposed sentences and what the file already holds. With
``--accept`` it writes the proposals into the file's ``yoy`` mapping (entries already there are
kept, so the clerk's edits survive), touching no other line of the file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kit.params.loader import load_params
from kit.params.yoy_file import YoyError, accept
from kit.rules.validate import load_previous
from kit.rules.yoy import describe, suggest


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="参数文件，例如 params/襄垣县/下良镇/2022.yaml")
    parser.add_argument("--accept", action="store_true",
                        help="把建议的同比句写入参数文件的 yoy 项（已有的句子保留不动）")


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
