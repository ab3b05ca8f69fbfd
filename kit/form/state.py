"""The state behind the drafting form, in plain Python (no widgets).

:class:`FormState` holds the text of every field and table cell of one unit-year, turns it
into :class:`~kit.params.model.ReportParams` through the loader, lists the same problems as
``python -m kit check``, knows whether there are unsaved changes, and saves safely
(backup, atomic write, refusal when the file changed on disk since it was loaded; see
:mod:`kit.form.files`). Widgets only call it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from kit.base.atomic import write_error
from kit.base.errors import KitError
from kit.base.problems import Problem, has_errors
from kit.form.clerk_text import said
from kit.form.fields import data_from_texts, problem_key, texts_from_params
from kit.form.file_notes import (
    FormError,
    SaveResult,
    file_notice,
    not_saved,
    unreadable,
    unreadable_cells,
)
from kit.form.files import fingerprint, text_fingerprint, write_with_backup
from kit.formats import NoFormatError, format_for_year
from kit.formats.spec import Table
from kit.params.cells import format_cell
from kit.params.loader import load_params, params_from_data
from kit.params.lock import locked
from kit.params.model import REWRITE_MARK, ReportParams
from kit.params.newyear import NewYearError, new_params
from kit.params.paths import UnsafePathError, params_path
from kit.params.writer import text_for
from kit.rules.validate import load_previous, validate
from kit.rules.yoy import suggest

NOT_WRITTEN = "保存后才会写入文件。"


@dataclass(frozen=True)
class Evaluation:
    params: ReportParams | None
    input_problems: list[Problem]  # unreadable input: blocks saving
    problems: list[Problem]  # everything, as `kit check` reports it


IdSet = set[int]  # (inside FormState, "set" is its method)

class FormState:
    """One unit-year being drafted. Use :meth:`open`."""

    def __init__(self, root: Path, path: Path, params: ReportParams, loaded: str | None,
                 notice: str = "", raw_cells: dict[str, str] | None = None) -> None:
        self.root = root
        self.path = path
        self.format = params.format
        self.year = params.year
        self.notice = notice  # how the file was opened, e.g. pre-filled from last year
        self._yoy = dict(params.yoy)  # accepted 同比 sentences: kept as they are
        self._source = str(path)
        self.previous = load_previous(path)
        self._start({**texts_from_params(params), **(raw_cells or {})}, loaded)
        # a new year's fields as pre-filled: 待填写 until the clerk touches them
        self._untouched: set[str] = set(self.texts) if loaded is None else set()

    @classmethod
    def open(cls, root: Path, county: str, unit: str, year: int) -> FormState:
        """Load ``<root>/<county>/<unit>/<year>.yaml``, or start it (pre-filled from the year before)."""
        try:
            format_for_year(year)
            path = params_path(root, county, unit, year)
        except (NoFormatError, UnsafePathError) as exc:
            raise FormError(str(exc)) from exc
        if path.is_file():
            loaded = fingerprint(path)
            params, problems = load_params(path)
            if params is None:
                raise unreadable(f"{county}{unit} {year} 年的报告文件无法读取，表单不能打开它：",
                                  path, problems)
            return cls(root, path, params, loaded, file_notice(problems),
                       unreadable_cells(path, params))
        try:
            params, path, _ = new_params(root, county, unit, year)
        except NewYearError as exc:
            msg = (f"无法新建 {year} 年的报告：{year - 1} 年的报告有错误（或 {year} 年的文件已存在）。"
                   f"请先打开 {year - 1} 年的报告改正错误。")
            raise FormError(msg, detail=str(exc)) from exc
        before = path.with_name(f"{year - 1}.yaml")
        stocks = "、".join(dict.fromkeys(
            t.row(t.roll_forward.rows[0]).column(t.roll_forward.stock).label
            for t in params.format.tables if t.roll_forward is not None))
        notice = (f"新建 {year} 年报告：已根据 {year - 1} 年报告预填单位信息、联系方式、各节文字、"
                  f"“二、上年结转”{'和' + stocks if stocks else ''}，请逐段改写。"
                  "尚未改写、尚未填写的内容标为“待填写”。" if before.is_file() else
                  f"新建 {year} 年报告（没有找到 {year - 1} 年的参数文件，从空白开始）。")
        return cls(root, path, params, None, notice + NOT_WRITTEN)

    def _start(self, texts: dict[str, str], loaded: str | None) -> None:
        self.texts = texts
        self._saved = dict(texts)
        self._saved_yoy = dict(self._yoy)
        self._loaded = loaded
        self._cache: Evaluation | None = None
        self._grouped: tuple[Evaluation, dict[str | None, list[Problem]]] | None = None

    # ---- editing -------------------------------------------------------------------

    def get(self, key: str) -> str:
        return self.texts[key]

    def set(self, key: str, text: str) -> None:
        if key not in self.texts:
            msg = f"unknown form field {key!r}"
            raise KeyError(msg)
        if self.texts[key] != text:
            self.texts[key] = text
            self._untouched.discard(key)
            self._cache = None

    def pending(self, key: str | None) -> bool:
        """待填写: text carried over from last year and not rewritten yet (it keeps the
        【请按本年度情况改写】 marker), or a new year's field the clerk has not touched yet.
        Problems on such a field are shown as 待填写, not as errors."""
        return key is not None and (key in self._untouched or REWRITE_MARK in self.texts.get(key, ""))

    # ---- 同比 sentences --------------------------------------------------------------

    @property
    def yoy(self) -> dict[str, str]:
        """Accepted 同比 sentences by subsection id of section ``general``."""
        return dict(self._yoy)

    def yoy_suggestions(self) -> dict[str, str]:
        """Sentences proposed from this year's and last year's figures ({} without last year)."""
        params = self.params
        return suggest(params, self.previous) if params is not None else {}

    def set_yoy(self, sub_id: str, text: str | None) -> None:
        """Accept (or edit) a 同比 sentence; ``None`` or blank drops it."""
        if text and text.strip():
            self._yoy[sub_id] = text.strip()
        else:
            self._yoy.pop(sub_id, None)
        self._cache = None

    @property
    def is_new(self) -> bool:
        """The file does not exist yet (it was not there when the form opened it)."""
        return self._loaded is None

    @property
    def dirty(self) -> bool:
        """There are changes that are not in the file."""
        return self.is_new or self.texts != self._saved or self._yoy != self._saved_yoy

    # ---- checking ------------------------------------------------------------------

    def evaluate(self) -> Evaluation:
        if self._cache is None:
            data, input_problems, invalid = data_from_texts(self.texts, self.format, self.year)
            params, loader_problems = params_from_data(data, self._source)
            input_problems = input_problems + [p for p in loader_problems if p.is_error]
            problems = input_problems + [p for p in loader_problems if not p.is_error]
            if params is not None:
                params = replace(params, invalid=frozenset(invalid), yoy=dict(self._yoy))
                problems += validate(params, self.previous)
            self._cache = Evaluation(params, input_problems, problems)
        return self._cache

    @property
    def params(self) -> ReportParams | None:
        return self.evaluate().params

    @property
    def problems(self) -> list[Problem]:
        return self.evaluate().problems

    def problems_by_key(self) -> dict[str | None, list[Problem]]:
        """Problems grouped by the form field they concern (None: no single field); worked
        out once per evaluation (every editor, tab title and the status line ask for it)."""
        ev = self.evaluate()
        if self._grouped is None or self._grouped[0] is not ev:
            keys = set(self.texts)
            grouped: dict[str | None, list[Problem]] = {}
            for problem in ev.problems:
                grouped.setdefault(problem_key(problem, keys), []).append(problem)
            self._grouped = (ev, grouped)
        return self._grouped[1]

    def pending_ids(self) -> IdSet:
        """``id()`` of each problem found on a 待填写 field (see :meth:`pending`)."""
        return {id(p) for key, found in self.problems_by_key().items() if self.pending(key)
                for p in found}

    def total_text(self, table: Table, row_id: str, col_id: str) -> str:
        """A computed total as printed, or "？" while a cell it adds up is unreadable."""
        params = self.params
        row = table.row(row_id)
        column = row.column(col_id)
        if params is None or any(k[0] == table.id and _adds_up(table, row_id, col_id, k[1], k[2])
                                 for k in params.invalid):
            return "？"
        return format_cell(params.value(table.id, row_id, col_id), column)

    # ---- files ---------------------------------------------------------------------

    def changed_on_disk(self) -> bool:
        return fingerprint(self.path) != self._loaded

    def save(self, force: bool = False) -> SaveResult:
        """Write the file (backup first); refuse on unreadable input or a change on disk."""
        ev = self.evaluate()
        if ev.params is None or has_errors(ev.input_problems):
            shown = "\n".join(f"· {said(p)}" for p in ev.input_problems[:8])
            more = f"\n……另有 {len(ev.input_problems) - 8} 处" if len(ev.input_problems) > 8 else ""
            return SaveResult(False, "未保存：以下内容填写有误（已标红），改正后才能保存。\n"
                              f"{shown}{more}")
        try:
            with locked(self.path):  # no other save between the check and the write
                return self._save_locked(ev, force)
        except KitError as exc:  # the folder is read-only or blocked, or another save hangs
            return not_saved(exc, exc.__cause__ if isinstance(exc.__cause__, OSError) else None)
        except OSError as exc:  # e.g. the backup could not be copied
            return not_saved(write_error(self.path, exc), exc)

    def _save_locked(self, ev: Evaluation, force: bool) -> SaveResult:
        assert ev.params is not None
        if not force and self.changed_on_disk():
            if self._loaded is None:
                what = "在您打开表单之后，已有人创建了这个文件"
            elif not self.path.exists():
                what = "在您打开表单之后，这个文件已被删除或改名"
            else:
                what = "在您打开表单之后，这个文件已被修改（可能是其他人、其他窗口或编辑器）"
            msg = (f"未保存：{what}。为免覆盖别人的修改，本次没有写入。"
                   "请选择“重新载入”（放弃表单中的修改，读取文件的最新内容），"
                   "或“仍然覆盖”（以表单内容为准；文件现有内容会先备份）。")
            return SaveResult(False, msg, conflict=True, detail=f"参数文件：{self.path}")
        text = text_for(ev.params, self.path)  # the file's own comments and layout kept
        saved = write_with_backup(self.path, text)
        self._loaded = text_fingerprint(text)
        self._saved = dict(self.texts)
        self._saved_yoy = dict(self._yoy)
        self.notice = self.notice.replace(NOT_WRITTEN, "")
        note = "原文件已自动备份。" if saved else ""
        errors = sum(p.is_error for p in ev.problems)
        check = f"检查发现 {errors} 个错误，改正后才能发布。" if errors else ""
        detail = f"参数文件：{self.path}" + (f"；备份：{saved}" if saved else "")
        return SaveResult(True, f"已保存。{note}{check}", backup=saved, detail=detail)

    def reload(self) -> None:
        """Discard the form's changes and read the file as it is on disk now."""
        loaded = fingerprint(self.path)
        if loaded is None:
            msg = "这份报告的文件已不存在，无法重新载入。可点“仍然覆盖”用表单内容重新创建它。"
            raise FormError(msg, detail=f"参数文件：{self.path}")
        params, problems = load_params(self.path)
        if params is None:
            raise unreadable("这份报告的文件现在无法读取（可点“仍然覆盖”以表单内容为准）：",
                              self.path, problems)
        self._yoy = dict(params.yoy)
        self.previous = load_previous(self.path)
        self.notice = file_notice(problems)
        self._start({**texts_from_params(params), **unreadable_cells(self.path, params)}, loaded)


def _adds_up(table: Table, row_id: str, col_id: str, in_row: str, in_col: str) -> bool:
    """Whether input cell (in_row, in_col) is part of cell (row_id, col_id)."""
    row = table.row(row_id)
    if row.computed:
        return any(_adds_up(table, r, col_id, in_row, in_col) for r in row.sum_of)
    column = row.column(col_id)
    if column.computed:
        return any(_adds_up(table, row_id, c, in_row, in_col) for c in column.sum_of)
    return (row_id, col_id) == (in_row, in_col)
