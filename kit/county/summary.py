"""What the county roll-up notebook (notebooks/summary.ipynb) calls: HTML parts of the summary.

    s = open_summary("测试县", 2022, "params")
    s.checks(); s.title(); s.notices(); s.overview()
    s.section("applications"); s.section("review_litigation"); s.charts()
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from kit import __version__
from kit.base.errors import KitError
from kit.county.rollup import (
    CountyYear,
    OverviewRow,
    Point,
    RollupError,
    history,
    load_county,
    overview,
    summed_table,
)
from kit.formats import NoFormatError, format_for_year
from kit.formats.spec import ReportFormat, cn_number
from kit.params.cells import format_cell
from kit.params.paths import resolve_params_dir
from kit.render.blocks import Block
from kit.render.charts import METRICS, bar_chart
from kit.render.report_html import block_html, blocks_html, render_meta

DOC = '<div class="kit-doc kit-summary">{}</div>'
ORDER = ("overview", "applications", "review_litigation", "charts")
SUMMED = "（各乡镇合计）"


def overview_columns(fmt: ReportFormat) -> list[tuple[str, str]]:
    """The overview table's (OverviewRow field, heading); Table 二 rows by their labels."""
    proactive = fmt.table("proactive")
    fee = proactive.row("fees")
    fee_heading = next((f"{fee.label}（{c.measure}）" for c in fee.columns if c.measure), fee.label)
    return [("unit", "乡镇"), ("proactive", "主动公开信息（条）"), ("received", "本年新收申请"),
            ("carried_over", "上年结转"), ("results", "办理结果总计"),
            ("carried_forward", "结转下年度"),
            *((r, proactive.row(r).label) for r in ("licensing", "punishment", "coercion")),
            ("fee", fee_heading), ("errors", "错误"), ("warnings", "警告")]


def summary_title(county: str, year: int) -> str:
    """"襄垣县2021年度乡镇政府信息公开工作年度报告汇总"."""
    return f"{county}{year}年度乡镇{format_for_year(year).report_name}汇总"


class HTML:
    """A fragment of HTML that Jupyter displays as such."""

    def __init__(self, html: str) -> None:
        self.html = html

    def _repr_html_(self) -> str:
        return self.html


def _cell(value: object, fmt: ReportFormat) -> str:
    if value is None:
        return "—"
    if isinstance(value, Decimal):  # the fee, printed as the format prints it
        amount = next(c for c in fmt.table("proactive").row("fees").columns if c.kind == "decimal")
        return format_cell(value, amount)
    return str(value)


def _heading(key: str, fmt: ReportFormat) -> Block:
    titles = {"overview": "各乡镇概况", "charts": "历年变化"}
    title = titles.get(key) or f"{fmt.table(key).title}{SUMMED}"
    return Block("heading1", f"{cn_number(ORDER.index(key) + 1)}、{title}")


@dataclass
class Summary:
    data: CountyYear
    parameters: dict[str, object]

    @property
    def format(self) -> ReportFormat:
        return format_for_year(self.data.year)

    @property
    def title_text(self) -> str:
        return summary_title(self.data.county, self.data.year)

    def title_blocks(self) -> list[Block]:
        d = self.data
        names = "、".join(e.unit for e in d.entries) or "无"
        scope = (f"汇总范围：{len(d.entries)} 个乡镇（{names}）的 {d.year} 年度参数文件，"
                 f"数据由工具按各乡镇参数文件自动汇总。")
        return [Block("title", self.title_text), Block("para", scope)]

    def title(self) -> HTML:
        return HTML(blocks_html(self.title_blocks(), DOC))

    def notice_blocks(self) -> list[Block]:
        """Townships without a file for the year, and files that could not be read."""
        d = self.data
        items = []
        if d.missing:
            example = d.missing[0] if len(d.missing) == 1 else "<乡镇>"
            items.append(f"缺少 {d.year} 年度参数文件的乡镇（{len(d.missing)} 个）：{'、'.join(d.missing)}。"
                         f"请督促其运行 python -m kit new {d.county}/{example} {d.year} 创建并填写。")
        for e in d.unreadable:
            items.append(f"{e.unit}：参数文件 {e.path} 无法读取（{e.errors} 个错误），未计入合计。"
                         f"请运行 python -m kit check {e.path} 查看并改正。")
        if not items:
            items.append(f"辖区内已知的 {len(d.entries)} 个乡镇均有 {d.year} 年度参数文件。")
        alert = "alert" if d.missing or d.unreadable else ""
        return [Block("notice", "报送情况", parts=tuple(items), css=alert)]

    def notices(self) -> HTML:
        return HTML("".join(block_html(b) for b in self.notice_blocks()))

    def overview_rows(self) -> tuple[list[OverviewRow], OverviewRow]:
        return overview(self.data)

    def overview_blocks(self) -> list[Block]:
        rows, total = self.overview_rows()
        columns = [c for c in overview_columns(self.format)
                   if c[0] != "fee" or any(r.fee is not None for r in [*rows, total])]
        grid = [tuple(label for _, label in columns)]
        grid += [(row.unit, *(_cell(getattr(row, key), self.format) for key, _ in columns[1:]))
                 for row in [*rows, total]]
        note = ("主动公开信息条数取自各乡镇参数文件的 proactive_breakdown；申请数为表三“总计”列；"
                "错误、警告为校验结果（有错误的报告不能发布）。")
        return [_heading("overview", self.format), Block("grid", rows=tuple(grid), css="kit-overview"),
                Block("note", note)]

    def overview(self) -> HTML:
        return HTML(blocks_html(self.overview_blocks(), DOC))

    def table(self, table_id: str):  # -> BuiltTable (displays in the official layout)
        return summed_table(self.data, table_id)

    def section_blocks(self, table_id: str) -> list[Block]:
        return [_heading(table_id, self.format), Block("table", table=self.table(table_id))]

    def section(self, table_id: str) -> HTML:
        return HTML(blocks_html(self.section_blocks(table_id), DOC))

    def history(self) -> list[Point]:
        return history(self.data.params_dir, self.data.county, self.data.year)

    def chart_blocks(self) -> list[Block]:
        points = self.history()
        blocks = [_heading("charts", self.format)]
        years = sorted({p.year for p in points})
        if len(years) < 2:
            return [*blocks, Block("para", "只有一个年度的数据，暂无历年比较。")]
        series = {label: [_total([getattr(p, key) for p in points if p.year == y]) for y in years]
                  for key, label in METRICS}
        notes = [f"{sum(p.year == y for p in points)}个乡镇" for y in years]
        png = bar_chart(f"{self.data.county}历年情况（各乡镇合计）", years, series, notes)
        blocks.append(Block("image", f"{self.data.county}历年主动公开信息和收到申请数量", data=png))
        for unit in sorted({p.unit for p in points}):
            mine = {p.year: p for p in points if p.unit == unit}
            if len(mine) < 2:
                continue
            span = list(range(min(mine), self.data.year + 1))  # a missing year shows 无数据
            unit_series = {label: [getattr(mine[y], key) if y in mine else None for y in span]
                           for key, label in METRICS}
            png = bar_chart(f"{unit}历年情况", span, unit_series, size=(8.0, 2.6))
            blocks.append(Block("image", f"{unit}历年主动公开信息和收到申请数量", data=png))
        return blocks

    def charts(self) -> HTML:
        return HTML(blocks_html(self.chart_blocks(), DOC))

    def blocks(self) -> list[Block]:
        """The whole roll-up for readers (Word): title, notices, overview, tables, charts."""
        return [*self.title_blocks(), *self.notice_blocks(), *self.overview_blocks(),
                *self.section_blocks("applications"), *self.section_blocks("review_litigation"),
                *self.chart_blocks()]

    def checks(self) -> HTML:
        """Parameters used and kit version, for reviewers."""
        return HTML(render_meta({**self.parameters, "参数目录": self.data.params_dir,
                                 "kit 版本": __version__}))


def _total(values: list[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


class SummaryError(KitError):
    """The summary cannot be made; the message is Chinese and names the fix."""


def open_summary(county: str, year: int, params_dir: str | Path = "params") -> Summary:
    """Load every township of ``county`` for ``year`` (raises SummaryError with the fix)."""
    if not isinstance(county, str) or isinstance(year, bool) or not isinstance(year, int):
        msg = (f"参数应为 county 文字、year 整数年份（例如 county='襄垣县', year=2021），"
               f"现为 county={county!r}, year={year!r}。")
        raise SummaryError(msg)
    root = resolve_params_dir(params_dir)
    try:
        data = load_county(root, county, year)
    except (RollupError, NoFormatError) as exc:
        raise SummaryError(str(exc)) from exc
    return Summary(data, {"county": county, "year": year, "params_dir": str(params_dir)})
