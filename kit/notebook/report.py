"""What the template notebook calls: open one unit-year's report and display its parts."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from kit import __version__
from kit.base.atomic import file_digest
from kit.base.errors import KitError
from kit.base.problems import Problem, has_errors
from kit.notebook.handoff import read_checks
from kit.params.loader import load_params
from kit.params.model import ReportParams
from kit.params.paths import params_path, resolve_params_dir
from kit.render.draft import banner_html
from kit.render.report_html import render_meta, render_problems, render_section, render_title
from kit.rules.draft import draft_problems
from kit.rules.validate import check_file


class ReportError(KitError):
    """The report cannot be produced; the message is Chinese and names the fix."""


class HTML:
    """A fragment of HTML that Jupyter displays as such (plain text for text-only viewers)."""

    def __init__(self, html: str) -> None:
        self.html = html

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return html_text(self.html)


def html_text(fragment: str) -> str:
    """The text of an HTML fragment, one line per block element (for text/plain outputs)."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    lines = ("".join(parser.parts)).splitlines()
    return "\n".join(line.strip() for line in lines if line.strip())


class _TextParser(HTMLParser):
    BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "tr", "li", "div", "br", "table"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


@dataclass
class Report:
    params: ReportParams
    problems: list[Problem]
    path: Path
    digest: str
    parameters: dict[str, object] = field(default_factory=dict)
    draft: bool = False  # built with --draft: every output carries the 草稿 stamp

    def title(self) -> HTML:
        return HTML((banner_html() if self.draft else "") + render_title(self.params))

    def section(self, section_id: str) -> HTML:
        return HTML(render_section(self.params, section_id))

    def checks(self) -> HTML:
        """The reviewers' box: 校验结果 and what this run used (file hash, kit version)."""
        meta = render_meta({**self.parameters, "参数文件": self.path,
                            "参数文件 SHA-256": self.digest, "kit 版本": __version__})
        return HTML(meta + render_problems(self.problems))


def open_report(county: str, unit: str, year: int, params_dir: str | Path = "params",
                strict: bool = True, draft: bool = False) -> Report:
    """Load and check ``params/<county>/<unit>/<year>.yaml``.

    A file that cannot be read raises :class:`ReportError`. With ``strict`` (and not
    ``draft``) so does a draft: a report with 错误 or with text not yet rewritten
    (:func:`kit.rules.draft.draft_problems`), so a papermill run stops at this cell with the
    reasons. ``draft`` opens it anyway, to be stamped 草稿 (:mod:`kit.render.draft`).
    """
    _check_types(county, unit, year)
    path = params_path(resolve_params_dir(params_dir), county, unit, year)
    if not path.is_file():
        msg = (f"找不到参数文件 {path}。请先运行 python -m kit new {county}/{unit} {year} 创建，"
               "或检查县、乡镇名称和年份。")
        raise ReportError(msg)
    handed = read_checks(Path.cwd(), path)  # what the build found: no second validation
    if handed is not None:
        params, _ = load_params(path)
        problems = handed
    else:
        params, problems = check_file(path)
    if params is None:
        listing = "\n".join(p.format() for p in problems if p.is_error)
        msg = f"参数文件 {path} 有错误，不能生成报告：\n{listing}\n请改正后重新生成。"
        raise ReportError(msg)
    blocking = draft_problems(problems) if strict and not draft else []
    if blocking:
        listing = "\n".join(p.format() for p in blocking)
        what = "有错误" if has_errors(blocking) else "仍是草稿（有尚未改写的文字）"
        msg = (f"参数文件 {path} {what}，不能生成可发布的报告：\n{listing}\n"
               "请改正后重新生成；只想看排版效果时加 -p draft True 生成标注“草稿”的审阅稿。")
        raise ReportError(msg)
    digest = file_digest(path) or ""
    parameters = {"county": county, "unit": unit, "year": year, "params_dir": str(params_dir)}
    if draft:
        parameters["draft"] = True
    return Report(params, problems, path, digest, parameters, draft=draft)


def _check_types(county: object, unit: object, year: object) -> None:
    for name, value, example in (("county", county, "襄垣县"), ("unit", unit, "下良镇")):
        if not isinstance(value, str):
            msg = f"参数 {name} 应为文字（例如 {example}），现为 {value!r}。"
            raise ReportError(msg)
    if isinstance(year, bool) or not isinstance(year, int):
        msg = (f"参数 year 应为整数年份（例如 2021），现为 {year!r}。"
               "用 papermill 时请写 -p year 2021（不要用 -r，也不要加引号）。")
        raise ReportError(msg)

