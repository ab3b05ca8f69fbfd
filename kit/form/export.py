"""Exporting the drafted report through the same pipeline as ``python -m kit build``.

The build pipeline (:mod:`kit.build.runner`) is imported only when the clerk asks for an export,
so the form opens quickly. Results are shown as links relative to the notebook's folder,
which JupyterLab opens in a new tab.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html import escape
from pathlib import Path

FORMATS = ("html", "pdf", "docx")
KINDS = {".html": "网页版（HTML）", ".pdf": "打印版（PDF）", ".ipynb": "运行记录（笔记本）"}


@dataclass(frozen=True)
class ExportResult:
    ok: bool
    message: str  # Chinese
    files: tuple[Path, ...] = ()


def default_out_root(params_dir: Path) -> Path:
    """``outputs/`` beside ``params/``, where ``python -m kit build`` writes by default."""
    return params_dir.resolve().parent / "outputs"


def export(params_path: Path, county: str, unit: str, year: int, params_dir: Path,
           out_root: Path, formats: tuple[str, ...] = FORMATS) -> ExportResult:
    """Build HTML and PDF for one saved params file; never raises for a failed build."""
    try:
        # lazy: the build pipeline (papermill, nbconvert, Chromium) loads on the first export
        from kit.build.plan import BuildJob
        from kit.build.runner import BuildOptions, build_one
    except ImportError as exc:
        return ExportResult(False, f"导出功能不可用（{exc}）。请更新本工具包后重试，"
                            "或在终端运行 python -m kit build。")
    job = BuildJob(county, unit, year, params_path, out_root / county / unit / str(year))
    options = BuildOptions(formats=formats, params_dir=params_dir, out_root=out_root)
    try:
        # A worker thread: the kernel's own event loop must not host papermill or Playwright.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kit-export") as pool:
            result = pool.submit(build_one, job, options).result()
    except Exception as exc:
        return ExportResult(False, f"导出失败：{type(exc).__name__}: {exc}。"
                            "请在终端运行 python -m kit build 查看详细信息。")
    files = tuple(p for p in result.outputs if p.suffix in (".html", ".pdf"))
    if result.ok:
        return ExportResult(True, f"已生成（{result.seconds:.1f} 秒）：", files)
    if result.status == "invalid":
        errors = "\n".join(f"· {p.where() + '：' if p.where() else ''}{p.message}"
                           for p in result.problems if p.is_error)
        return ExportResult(False, f"{result.error}请先改正以下错误（见“检查结果”）：\n{errors}")
    cell = f"（出错位置：{result.failed_cell}）" if result.failed_cell else ""
    return ExportResult(False, f"{result.error}{cell}", files)


def links_html(files: tuple[Path, ...], base: Path) -> str:
    """Anchors to the results, relative to ``base`` (the notebook's folder)."""
    items = []
    for file in files:
        href = Path(os.path.relpath(file.resolve(), base.resolve())).as_posix()
        label = KINDS.get(file.suffix, file.name)
        items.append(f'<li><a href="{escape(href)}" target="_blank">{escape(label)}：'
                     f"{escape(href)}</a></li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""
