"""What a build is asked to do and what one report's build gave, without the machinery.

Kept apart from :mod:`kit.batch.runner` (which loads nbconvert, papermill, Chromium's driver,
python-docx, pikepdf …) so that planning, the incremental check, the index page and the CLI's
skip path start fast: ``kit build`` with nothing to do loads none of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kit.base.problems import Problem
from kit.batch.plan import BuildJob
from kit.notebook.template import DEFAULT_TEMPLATE, KERNEL
from kit.params.paths import DEFAULT_OUT, DEFAULT_PARAMS

Status = Literal["ok", "partial", "failed", "invalid", "draft"]


@dataclass(frozen=True)
class BuildOptions:
    formats: tuple[str, ...] = ("html",)  # any of FORMATS; the executed notebook is always kept
    params_dir: Path = DEFAULT_PARAMS
    template: Path = DEFAULT_TEMPLATE
    out_root: Path = DEFAULT_OUT
    kernel_name: str = KERNEL
    timeout: int | None = 600  # seconds per cell
    chromium: str | None = None  # Chromium executable for PDF; None: $KIT_CHROMIUM or PATH
    font_family: str | None = None  # body font preset ("仿宋") or CSS family list
    reuse_kernel: bool = False  # True: one kernel per worker, reset between reports (kit.notebook.warm_kernel)
    draft: bool = False  # build drafts too, every output stamped 草稿 (kit.render.draft)


@dataclass(frozen=True)
class JobResult:
    job: BuildJob
    status: Status  # ok; partial (some export failed); failed (notebook); invalid (params 错误);
    # draft (text not yet rewritten: refused without --draft)
    outputs: tuple[Path, ...] = ()
    problems: tuple[Problem, ...] = ()  # from checking the params file (warnings too)
    error: str | None = None  # Chinese: why it failed or what is missing
    failed_cell: str | None = None  # e.g. 'In [3] report.section("general")'
    seconds: float = 0.0
    draft: bool = False  # built with --draft: every output stamped 草稿

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def settings_of(options: BuildOptions) -> dict[str, object]:
    """Options besides formats and template that change the outputs (part of the fingerprint)."""
    return {"font": options.font_family, "kernel": options.kernel_name, "draft": options.draft}
