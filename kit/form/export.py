"""Exporting the drafted report through the same pipeline as ``python -m kit build``.

The build pipeline (:mod:`kit.batch.runner`) is imported only when the clerk asks for an export,
so the form opens quickly. Results are shown as links that open in a new tab: relative to the
notebook's folder in JupyterLab, through Voilà's allow-listed file route in the app.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html import escape
from pathlib import Path

from kit.base.errors import user_message
from kit.base.problems import Problem
from kit.export.manifest import current
from kit.params.outputs import OUTPUT_NAMES
from kit.rules.draft import draft_problems

FORMATS = ("html", "pdf", "docx", "jiedu", "jiedu-docx", "tujie", "tujie-pdf")  # 发布: the report and its companions
KINDS = {"html": "网页版（HTML）", "pdf": "打印版（PDF）", "docx": "Word 版", "jiedu": "解读（网页）",
         "jiedu-docx": "解读（Word）", "tujie": "图解（图片）", "tujie-pdf": "图解（PDF）"}
LINKED = {OUTPUT_NAMES[f]: KINDS[f] for f in FORMATS}  # file name → its link's words
ORDER = {name: i for i, name in enumerate(LINKED)}


@dataclass(frozen=True)
class ExportResult:
    ok: bool
    message: str  # Chinese, for the clerk: no paths, commands or rule codes
    files: tuple[Path, ...] = ()
    detail: str = ""  # for a technician (folded under 详细)
    refused: tuple[Problem, ...] = ()  # why a draft was not published


def default_out_root(params_dir: Path) -> Path:
    """``outputs/`` beside ``params/``, where ``python -m kit build`` writes by default."""
    return params_dir.resolve().parent / "outputs"


def export(params_path: Path, county: str, unit: str, year: int, params_dir: Path,
           out_root: Path, formats: tuple[str, ...] = FORMATS, draft: bool = False) -> ExportResult:
    """Build the report of one saved params file; never raises for a failed build.

    Without ``draft`` a draft is refused, as ``kit build`` refuses it; with ``draft`` every
    output is stamped 草稿.
    """
    try:
        # lazy: the build pipeline (papermill, nbconvert, Chromium) loads on the first export
        from kit.batch.plan import BuildJob
        from kit.batch.runner import BuildOptions, build_one
    except ImportError as exc:
        return ExportResult(False, "生成功能不可用，请更新本工具包后重试。", detail=str(exc))
    job = BuildJob(county, unit, year, params_path, out_root / county / unit / str(year))
    options = BuildOptions(formats=formats, params_dir=params_dir, out_root=out_root, draft=draft)
    try:
        # A worker thread: the kernel's own event loop must not host papermill or Playwright.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kit-export") as pool:
            result = pool.submit(build_one, job, options).result()
    except Exception as exc:
        return ExportResult(False, f"生成失败：{user_message(exc, f'表单生成 {params_path}')}",
                            detail=f"命令行可运行 python -m kit build {params_path} 查看")
    files = tuple(p for p in result.outputs if p.name in LINKED)
    if result.ok:
        what = "草稿（每页标注“草稿”，仅供审阅，不得发布）" if draft else "可发布的报告"
        return ExportResult(True, f"已生成{what}（{result.seconds:.1f} 秒）：", files,
                            detail="；".join(map(str, result.outputs)))
    if result.status in ("invalid", "draft"):
        refused = tuple(draft_problems(list(result.problems)))
        why = "有错误" if any(p.is_error for p in refused) else "还有尚未按本年度改写的文字"
        return ExportResult(False, f"这份报告{why}，是草稿，不能发布。请逐项处理下面列出的问题"
                            "（点击可转到该处）；只想看排版效果，可点“生成草稿”。", refused=refused)
    cell = f"出错位置：{result.failed_cell}；" if result.failed_cell else ""
    return ExportResult(False, f"生成未完成：{result.error}", files, detail=cell)


def links_html(files: tuple[Path, ...], href: Callable[[Path], str]) -> str:
    """Links that open the results in a new browser tab; ``href`` makes a file's address."""
    items = []
    for file in sorted(files, key=lambda f: ORDER.get(f.name, 99)):
        label = LINKED.get(file.name, file.name)
        items.append(f'<a href="{escape(href(file))}" target="_blank" rel="noopener">{escape(label)}</a>')
    return f'<div class="kit-links">打开：{"".join(items)}</div>' if items else ""


def relative_href(base: Path) -> Callable[[Path], str]:
    """Addresses relative to ``base`` (JupyterLab: the notebook's folder)."""
    return lambda file: Path(os.path.relpath(file.resolve(), base.resolve())).as_posix()


def outputs_html(params_path: Path, year: int, out_root: Path, href: Callable[[Path], str],
                 files: tuple[Path, ...] = ()) -> str:
    """Links to a report's generated files (``files``, or the current ones under ``out_root``,
    :func:`kit.export.manifest.current`); when the report was saved again after they were
    made, no link but a note to publish again."""
    if files:
        return links_html(files, href)
    unit = params_path.parent
    folder = out_root / unit.parent.name / unit.name / str(year)
    found = current(folder, [OUTPUT_NAMES[f] for f in FORMATS])
    if found.changed and not found.names:
        return ('<div class="kit-links"><span class="kit-msg-warning">上次生成的文件已过时（之后报告又有修改），'
                "请重新发布或生成草稿。</span></div>")
    return links_html(tuple(folder / OUTPUT_NAMES[f] for f in FORMATS
                            if OUTPUT_NAMES[f] in found.names), href)
