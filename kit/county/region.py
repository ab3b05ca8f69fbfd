"""The roll-up above the county: a 市 or 省 summary built from the county roll-ups' figures.

    data = load_region(params_dir, "示例市", 2022)            # every county whose townships say 示例市
    data = load_region(params_dir, "示例市", 2022, ["仿真县"])  # or the counties named
    blocks = region_blocks(data)

Per county: who has reported (the roster's statuses), the townships missing, and the main
figures; then Table 三 and Table 四 summed over every county (:mod:`kit.county.figures`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from kit.base.errors import KitError
from kit.county.figures import SUMMED_TABLES, CountyFigures, load_figures
from kit.county.rollup import unit_years
from kit.county.roster import DRAFT, ERRORS, LABELS, LATE, MISSING, PUBLISHED
from kit.formats import format_for_year
from kit.formats.spec import cn_number
from kit.params.loader import load_params
from kit.params.paths import YEAR_FILE
from kit.render.blocks import Block
from kit.render.tables import BuiltTable

STATUS_ORDER = (PUBLISHED, LATE, ERRORS, DRAFT, MISSING)
FIGURE_COLUMNS = (("proactive", "主动公开信息（条）"), ("received", "本年新收申请"),
                  ("results", "办理结果总计"), ("carried_forward", "结转下年度"))


class RegionError(KitError):
    """The summary above the county cannot be made; the message is Chinese and names the fix."""


@dataclass(frozen=True)
class RegionYear:
    name: str  # 市 or 省
    year: int
    counties: list[CountyFigures]
    recomputed: int  # counties whose figures had to be recomputed

    def summed(self, table_id: str) -> BuiltTable:
        table = format_for_year(self.year).table(table_id)
        values = {(row.id, col.id): sum((c.cell(table_id, row.id, col.id) for c in self.counties), start=0)
                  for row in table.rows for col in row.columns}
        return BuiltTable(table, values)


def _place_of(params_dir: Path, county: str) -> tuple[str, str]:
    """(city, province) as the county's most recent readable params file gives them."""
    files = sorted((p for p in (params_dir / county).glob("*/*.yaml") if YEAR_FILE.match(p.name)),
                   key=lambda p: p.name, reverse=True)
    for path in files[:3]:
        params, _ = load_params(path)
        if params is not None:
            return params.unit.city, params.unit.province
    return "", ""


def counties_of(params_dir: Path, name: str) -> list[str]:
    """The counties under ``params_dir`` whose townships belong to the 市 or 省 ``name``."""
    if not params_dir.is_dir():
        raise RegionError(f"参数目录 {params_dir} 不存在。请用 --params 指定参数目录。")
    found, places = [], set()
    for folder in sorted(p for p in params_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        city, province = _place_of(params_dir, folder.name)
        places |= {x for x in (city, province) if x}
        if name in (city, province):
            found.append(folder.name)
    if not found:
        known = "、".join(sorted(places)) or "无"
        raise RegionError(f"参数目录 {params_dir} 中没有属于“{name}”的县（区）。参数文件中的市、省有：{known}。"
                          "请检查名称，或在命令后列出要汇总的县（区）。")
    return found


def load_region(params_dir: Path, name: str, year: int, counties: list[str] | None = None,
                out_root: Path | None = None, today: date | None = None) -> RegionYear:
    format_for_year(year)  # NoFormatError (Chinese) for a year without a format
    chosen = counties or counties_of(params_dir, name)
    absent = [c for c in chosen if not unit_years(params_dir, c) and not (params_dir / c / "county.yaml").is_file()]
    if absent:
        raise RegionError(f"在 {params_dir} 下没有找到这些县（区）的参数文件：{'、'.join(absent)}。请检查名称。")
    figures, recomputed = [], 0
    for county in chosen:
        found, fresh = load_figures(params_dir, county, year, out_root, today)
        figures.append(found)
        recomputed += fresh
    return RegionYear(name, year, figures, recomputed)


def region_title(name: str, year: int) -> str:
    return f"{name}{year}年度乡镇{format_for_year(year).report_name}汇总"


def _number(value: object) -> str:
    if value is None:
        return "—"
    return f"{value:.4f}" if isinstance(value, Decimal) else str(value)


def region_blocks(data: RegionYear) -> list[Block]:
    fmt = format_for_year(data.year)
    expected = sum(len(c.expected) for c in data.counties)
    reported = sum(c.reported for c in data.counties)
    heading = iter(f"{cn_number(i)}、" for i in range(1, 10))
    blocks = [Block("title", region_title(data.name, data.year)),
              Block("para", f"汇总范围：{len(data.counties)} 个县（区）（{'、'.join(c.county for c in data.counties)}），"
                            f"应报 {expected} 个乡镇，已有本年度报告 {reported} 个。数据取自各县（区）的汇总。")]
    head = ("县（区）", "应报", *(LABELS[s] for s in STATUS_ORDER))
    rows = [head] + [(c.county, str(len(c.expected)), *(str(c.status_count(s)) for s in STATUS_ORDER))
                     for c in data.counties]
    rows.append(("合计", str(expected), *(str(sum(c.status_count(s) for c in data.counties)) for s in STATUS_ORDER)))
    blocks += [Block("heading1", f"{next(heading)}各县（区）报送情况"),
               Block("grid", rows=tuple(rows), css="kit-overview kit-totalled")]
    missing = [f"{c.county}：{'、'.join(c.units_with(MISSING))}" for c in data.counties if c.units_with(MISSING)]
    late = [f"{c.county}：{'、'.join(c.units_with(LATE))}" for c in data.counties if c.units_with(LATE)]
    blocks.append(Block("heading1", f"{next(heading)}未报和逾期的乡镇"))
    blocks.append(Block("para", f"未报：{'；'.join(missing)}。" if missing else "所有应报乡镇均已报送。"))
    if late:
        blocks.append(Block("para", f"逾期：{'；'.join(late)}。"))
    figure_rows = [("县（区）", *(label for _, label in FIGURE_COLUMNS), "有错误的乡镇")]
    for c in data.counties:
        figure_rows.append((c.county, *(_number(c.totals.get(k)) for k, _ in FIGURE_COLUMNS),
                            "、".join(c.with_errors) or "无"))
    figure_rows.append(("合计", *(str(sum(int(c.totals.get(k) or 0) for c in data.counties))
                                 for k, _ in FIGURE_COLUMNS), str(sum(len(c.with_errors) for c in data.counties))))
    blocks += [Block("heading1", f"{next(heading)}各县（区）概况"),
               Block("grid", rows=tuple(figure_rows), css="kit-overview kit-totalled"),
               Block("note", "有错误的乡镇报告，其数字已计入合计，改正后合计会随之变化。")]
    for table_id in SUMMED_TABLES:
        blocks += [Block("heading1", f"{next(heading)}{fmt.table(table_id).title}（各县区合计）"),
                   Block("table", table=data.summed(table_id))]
    return blocks
