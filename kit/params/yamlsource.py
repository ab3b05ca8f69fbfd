"""Reading a params file's text: encoding, YAML syntax, duplicate keys, line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kit.base.place import Place
from kit.base.problems import Problem, error

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (2 ms of kit check)
if TYPE_CHECKING:
    from typing import Any

KeyPath = tuple[str, ...]
MAX_BYTES = 1_000_000  # a params file is ~10 KB; more is a wrong file or pasted data
MAX_NODES = 200_000  # values after expanding aliases; a params file has about 500
_HUGE_NUMBER = re.compile(r"\d{4300,}")  # past Python's int limit (sys.get_int_max_str_digits)
# libyaml's loader (shipped in PyYAML's wheels) parses about 9× faster than the pure-Python one.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlDoc:
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)  # key path → 1-based line

    def line(self, path: KeyPath) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None


def decode(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        hint = "（看起来是 GBK/GB18030 编码）" if _looks_gbk(raw) else ""
        msg = (f"文件不是 UTF-8 编码{hint}，第 {line} 行无法读取。"
               "请用文本编辑器（如 VS Code、记事本）以“UTF-8”编码另存后再试。")
        return None, [error("P-ENC", msg, file=file, line=line)]


def _looks_gbk(raw: bytes) -> bool:
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return True


def parse(text: str, file: str) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse YAML text, reporting syntax errors with their line and duplicate keys."""
    loader = Loader(text)  # a safe loader (CSafeLoader or SafeLoader)
    try:  # one parse: compose the node tree (for line numbers), then construct from it
        node = loader.get_single_node()
        if node is not None and expanded_size(node) > MAX_NODES:
            return None, [error("P-YAML", "文件中的别名（& 与 * 引用）展开后有上百万项，不像是参数文件，"
                                "可能是被改坏或恶意构造的文件。参数文件不需要别名：请删除 & 和 * 引用，"
                                "或用备份恢复。", file=file)]
        data = loader.construct_document(node) if node is not None else None
    except (ValueError, RecursionError) as exc:  # a number of 4,300+ digits; nesting too deep
        return None, [_unreadable(text, exc, file)]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, [error("P-YAML", yaml_message(str(what)), file=file, line=line)]
    finally:
        loader.dispose()
    doc = YamlDoc(data)
    problems: list[Problem] = []
    if node is not None:
        _walk(node, (), doc.lines, problems, file)
    return doc, problems


# libyaml's words for what is wrong → what a clerk should do about it
_YAML_PROBLEMS = (
    ("cannot start any token", "这一行用了 Tab 缩进或不能出现在开头的字符。缩进只能用空格"),
    ("mapping values are not allowed", "冒号的位置不对。“键: 值”的冒号后要有空格；文字里有冒号时，"
     "请把整段文字加上引号"),
    ("could not find expected ':'", "缺少冒号。每一项应写作“键: 值”"),
    ("did not find expected key", "缩进不整齐。同一层的各项应对齐，只能用空格缩进"),
    ("did not find expected", "括号或引号没有成对"),
    ("end of stream", "引号或括号没有成对，文件在中途结束"),
    ("could not determine a constructor", "使用了参数文件不允许的标签（如 !!python/…）。"
     "参数文件只能写文字和数字，请删除该标签"),
    ("found undefined alias", "引用了不存在的别名（*名称）。请删除这个 * 引用"),
    ("nesting depth", "嵌套层次过深，文件可能已被其他程序改坏。请用备份恢复"),
    ("found duplicate anchor", "同一个别名（&名称）定义了两次。请删除其中一个"),
    ("control characters are not allowed", "文件中有不可见的控制字符。请用文本编辑器删除它们"),
)


def yaml_message(problem: str) -> str:
    """A YAML syntax problem in Chinese, with the fix; an unknown one keeps libyaml's words."""
    for words, chinese in _YAML_PROBLEMS:
        if words in problem:
            return f"YAML 格式错误：{chinese}。"
    return (f"YAML 格式错误（原文：{problem}）。请检查该行及上一行的缩进（只能用空格，不能用 Tab）、"
            "冒号后是否有空格、引号是否成对。")


def _unreadable(text: str, exc: BaseException, file: str) -> Problem:
    huge = _HUGE_NUMBER.search(text)
    if huge is not None:
        line = text.count("\n", 0, huge.start()) + 1
        msg = (f"这一行有一个 {len(huge.group(0))} 位的数字，文件无法读取。"
               "请检查是否误粘贴了长串数字；件数不会超过 1000000。")
        return error("P-YAML", msg, file=file, line=line)
    what = "嵌套层次过深" if isinstance(exc, RecursionError) else "内容无法解析"
    return error("P-YAML", f"文件{what}，无法读取。请检查文件是否被其他程序改坏，或用备份恢复。",
                 file=file)


def _walk(node: yaml.Node, path: KeyPath, lines: dict[KeyPath, int],
          problems: list[Problem], file: str) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in seen:
                msg = f"键“{key}”重复出现，后一个会覆盖前一个。请删除或合并重复的键。"
                problems.append(error("P-KEY", msg, file=file, line=line,
                                      place=Place(key=".".join((*path, key)))))
            seen.add(key)
            lines[(*path, key)] = line
            _walk(value_node, (*path, key), lines, problems, file)


def read(path: Path) -> tuple[YamlDoc | None, list[Problem]]:
    file = str(path)
    try:
        if path.is_dir():
            return None, [error("P-FILE", "这是一个文件夹，不是参数文件。请给出 .yaml 文件，"
                                "或去掉末尾的文件名以检查整个文件夹。", file=file)]
        size = path.stat().st_size
        if size > MAX_BYTES:
            msg = (f"文件有 {size / 1_000_000:.1f} MB，超过参数文件的上限 {MAX_BYTES // 1_000_000} MB"
                   "（一份参数文件通常只有十几 KB）。请确认没有选错文件，或删去误粘贴的内容。")
            return None, [error("P-FILE", msg, file=file)]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [error("P-FILE", f"无法读取文件（{exc.strerror or '读取失败'}）。"
                            "请确认路径正确且有读取权限。", file=file)]
    text, problems = decode(raw, file)
    if text is None:
        return None, problems
    return parse(text, file)


def expanded_size(root: yaml.Node) -> int:
    """How many values the document holds once every alias is expanded (a billion-laughs file:
    a few KB of text, billions of values), counted without expanding: each node once."""
    sizes: dict[int, int] = {}
    order: list[yaml.Node] = []
    stack, seen = [root], set()
    while stack:  # children before parents, every shared node once
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        order.append(node)
        stack.extend(_children(node))
    for node in reversed(order):
        sizes[id(node)] = min(10**12, 1 + sum(sizes.get(id(c), 1) for c in _children(node)))
    return sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []
