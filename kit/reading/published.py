"""One published document, read, parsed and checked: what ``kit lint`` and ``kit import`` use.

    result = check_published(Path("下良镇2021.html"))          # PublishedResult
    result.problems, result.report.tables, as_json(result)
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from kit.base.errors import user_message
from kit.base.problems import Problem, error
from kit.formats import FORMATS, format_for_year
from kit.formats.levels import LEVELS
from kit.reading.document import ReadError
from kit.reading.lint import lint_report
from kit.reading.model import PrintedCell, PublishedReport
from kit.reading.parse import parse
from kit.reading.readers import SUFFIXES, read_document
from kit.reading.to_params import Conversion

Deadline = Callable[[PublishedReport], date | None]


@dataclass
class PublishedResult:
    file: str
    report: PublishedReport | None
    problems: list[Problem] = field(default_factory=list)
    conversion: Conversion | None = None

    @property
    def errors(self) -> int:
        return sum(p.is_error for p in self.problems)


def default_deadline(report: PublishedReport) -> date | None:
    """The statutory (a township's: the default) deadline of the report's level."""
    return LEVELS[report.level].due(report.year) if report.year else None


def read_published(path: Path, year: int | None = None, level: str | None = None) -> PublishedReport:
    """What the document printed; ``year`` and ``level`` (a level id) override what it shows."""
    report = parse(read_document(path), year)
    if level is not None:
        report.level, report.level_from = level, "given"
    return report


def check_published(path: Path, year: int | None = None, deadline: Deadline = default_deadline,
                    level: str | None = None) -> PublishedResult:
    try:
        with time_limit(READ_SECONDS, f"{path}：读取超过 {READ_SECONDS} 秒仍未完成，文件可能已损坏或结构异常。"
                        "请改用该报告的网页版或重新下载后再试。"):
            report = read_published(path, year, level)
        problems, conversion = lint_report(report, deadline(report))
    except ReadError as exc:
        return PublishedResult(str(path), None, [error("P-READ", str(exc), file=str(path))])
    except Exception as exc:  # whatever one file does, the others of a folder are still checked
        why = user_message(exc, f"kit lint {path}")
        return PublishedResult(str(path), None, [error("P-READ", f"{path}：无法检查这份文件。{why}", file=str(path))])
    return PublishedResult(str(path), report, problems, conversion)


READ_SECONDS = 10  # one document; a report reads in well under a second


@contextmanager
def time_limit(seconds: float, message: str) -> Iterator[None]:
    """ReadError(``message``) when the block takes longer than ``seconds`` (in a process's main
    thread, where a timer signal can interrupt it; elsewhere no limit)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise ReadError(message)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_many(paths: list[Path], year: int | None = None, deadline: Deadline = default_deadline,
               jobs: int | None = None, level: str | None = None) -> list[PublishedResult]:
    """``check_published`` for each file, in order; in ``jobs`` worker processes (default: one
    per CPU) when there are several files. ``deadline`` must then be picklable (a module-level
    function or an object with ``__call__``)."""
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(paths) < 4:
        return [check_published(p, year, deadline, level) for p in paths]
    with ProcessPoolExecutor(max_workers=min(jobs, len(paths))) as pool:
        return list(pool.map(check_published, paths, [year] * len(paths), [deadline] * len(paths),
                             [level] * len(paths), chunksize=max(1, len(paths) // (4 * jobs))))


def documents(paths: list[Path]) -> list[Path]:
    """The files named, and in the folders named every file a reader takes, sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                            and p.suffix and not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _number(cell: PrintedCell) -> int | float | None:
    if not cell.known:
        return None
    return float(cell.value) if isinstance(cell.value, Decimal) else cell.value


def _official(format_id: str | None, table_id: str, row_id: str | None) -> str | None:
    fmt = next((f for f in FORMATS if f.id == format_id), None)
    return fmt.table(table_id).row(row_id).place if fmt and row_id else None


def as_json(result: PublishedResult) -> dict[str, object]:
    report = result.report
    problems = [{**p.to_dict(), "where": p.where()} for p in result.problems]
    if report is None:
        return {"file": result.file, "unit": None, "year": None, "layout": None, "tables": {},
                "problems": problems}
    tables: dict[str, object] = {}
    for table_id in ("proactive", "applications"):
        printed = report.tables.get(table_id)
        tables[table_id] = [{"label": r.label, "official": _official(r.format_id, table_id, r.official),
                             "cells": [_number(c) for c in r.cells]} for r in printed.rows] if printed else []
    cases = report.tables.get("review_litigation")
    values = [_number(c) for c in cases.rows[0].cells] if cases and cases.rows else []
    count = format_for_year(report.year or 2021).table("review_litigation").value_count
    tables["review_litigation"] = (values + [None] * count)[:count]
    unit = f"{report.unit.county}{report.unit.name}" if report.unit else None
    return {"file": result.file, "unit": unit, "year": report.year, "layout": report.layout,
            "level": report.level, "level_from": report.level_from,
            "tables": tables, "problems": problems}
