"""A county-year's roll-up reduced to its figures, for summaries above the county (市, 省).

``<out>/<县>/<年>/summary.json`` keeps them, with what they were made from: the digests of
the county's params files of the year and the year before, of its county.yaml, of the kit,
and the day the statuses were judged on. A 市 or 省 summary reads that file when it still
matches and recomputes (and rewrites) it otherwise, so a province of 2,000 townships
re-checks only the counties whose files changed.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import kit
from kit.base.atomic import file_digest, tree_digest, write_text
from kit.county.rollup import CountyYear, load_county, overview, summed_table
from kit.county.roster import roster
from kit.params.county_file import settings_path
from kit.params.paths import YEAR_FILE

FIGURES = "summary.json"
SUMMED_TABLES = ("applications", "review_litigation")  # the tables a roll-up sums
TOTALS = ("proactive", "received", "carried_over", "results", "carried_forward", "licensing",
          "punishment", "coercion", "fee")


@lru_cache(maxsize=1)
def _kit_digest() -> str:
    return tree_digest(Path(kit.__file__).resolve().parent)


@dataclass(frozen=True)
class CountyFigures:
    county: str
    year: int
    city: str  # as the townships' params files give it ("" when none could be read)
    province: str
    expected: list[str]
    statuses: list[dict[str, str]]  # {"unit", "status", "label", "detail"} in roster order
    totals: dict[str, str | int | None]  # overview 合计 (the fee as a decimal string)
    tables: dict[str, dict[str, str | int | None]]  # table id → "row/col" → summed value
    reported: int  # townships with a readable file for the year
    with_errors: list[str]

    def status_count(self, status: str) -> int:
        return sum(s["status"] == status for s in self.statuses)

    def units_with(self, status: str) -> list[str]:
        return [s["unit"] for s in self.statuses if s["status"] == status]

    def cell(self, table_id: str, row: str, col: str) -> int | Decimal:
        value = self.tables[table_id][f"{row}/{col}"]
        return Decimal(value) if isinstance(value, str) else (value or 0)


def _plain(value: Any) -> str | int | None:
    return str(value) if isinstance(value, Decimal) else value


def county_figures(data: CountyYear, today: date) -> CountyFigures:
    loaded = data.loaded
    _, total = overview(data)
    tables = {t: {f"{r}/{c}": _plain(v) for (r, c), v in summed_table(data, t).values.items()}
              for t in SUMMED_TABLES}
    return CountyFigures(
        data.county, data.year, loaded[0].unit.city if loaded else "",
        loaded[0].unit.province if loaded else "", list(data.expected),
        [{"unit": s.unit, "status": s.status, "label": s.label, "detail": s.detail} for s in roster(data, today)],
        {k: _plain(getattr(total, k)) for k in TOTALS}, tables,
        len(loaded), [e.unit for e in data.with_errors])


def made_from(params_dir: Path, county: str, year: int, today: date) -> dict[str, Any]:
    files = sorted(p for p in (params_dir / county).glob("*/*.yaml")
                   if (m := YEAR_FILE.match(p.name)) and int(m.group(1)) in (year - 1, year))
    return {"params": {p.relative_to(params_dir).as_posix(): file_digest(p) for p in files},
            "settings": file_digest(settings_path(params_dir, county)), "kit": _kit_digest(),
            "judged_on": today.isoformat()}


def figures_path(out_root: Path, county: str, year: int) -> Path:
    return out_root / county / str(year) / FIGURES


def save_figures(data: CountyYear, out_root: Path, today: date | None = None,
                 path: Path | None = None) -> Path:
    """Keep the figures of a roll-up just made (``kit summary`` calls this), in ``path`` or
    the roll-up's folder."""
    today = today or date.today()
    source = made_from(data.params_dir, data.county, data.year, today)
    figures = county_figures(data, today)
    return write_text(path or figures_path(out_root, data.county, data.year),
                      json.dumps({"made_from": source, "figures": asdict(figures)}, ensure_ascii=False))


def load_figures(params_dir: Path, county: str, year: int, out_root: Path | None = None,
                 today: date | None = None, path: Path | None = None) -> tuple[CountyFigures, bool]:
    """The county-year's figures and whether they were recomputed; kept in ``path``, else in
    the roll-up's folder under ``out_root`` when given. RollupError (Chinese) when the county
    has nothing to sum."""
    today = today or date.today()
    source = made_from(params_dir, county, year, today)
    if path is None and out_root is not None:
        path = figures_path(out_root, county, year)
    if path is not None and path.is_file():
        try:
            kept = json.loads(path.read_text(encoding="utf-8"))
            if kept.get("made_from") == source:
                return CountyFigures(**kept["figures"]), False
        except (OSError, ValueError, TypeError, KeyError):
            pass  # unreadable or from another version: recompute
    data = load_county(params_dir, county, year)
    if path is not None:
        save_figures(data, out_root or path.parent, today, path)
    return county_figures(data, today), True
