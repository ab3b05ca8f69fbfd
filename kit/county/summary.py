"""What the county roll-up notebook (notebooks/summary.ipynb) calls: HTML parts of the summary.

    s = open_summary("测试县", 2022, "params")
    s.title(); s.checks(); s.roster(); s.overview()
    s.section("applications"); s.section("review_litigation"); s.copies(); s.charts()
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from kit import __version__
from kit.base.errors import KitError
from kit.county.desk_blocks import copies_blocks, roster_blocks, unit_word
from kit.county.history_charts import chart_blocks
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
from kit.render.report_html import blocks_html, render_meta

DOC = '<div class="kit-doc kit-summary">{}</div>'
ORDER = ("roster", "overview", "applications", "review_litigation", "copies", "charts")
TITLES = {"roster": "报送情况", "overview": "各{}概况", "copies": "内容雷同检查", "charts": "历年变化"}
SUMMED = "（各{}合计）"
FLAG = "※"  # marks a township whose report has errors, wherever its figures are summed


def overview_columns(fmt: ReportFormat, word: str = "乡镇") -> list[tuple[str, str]]:
    """The overview table's (OverviewRow field, heading); Table 二 rows by their labels."""
    proactive = fmt.table("proactive")
    fee = proactive.row("fees")
    fee_heading = next((f"{fee.label}（{c.measure}）" for c in fee.columns if c.measure), fee.label)
    return [("unit", word), ("proactive", "主动公开信息（条）"), ("received", "本年新收申请"),
            ("carried_over", "上年结转"), ("results", "办理结果总计"),
            ("carried_forward", "结转下年度"),
            *((r, proactive.row(r).label) for r in ("licensing", "punishment", "coercion")),
            ("fee", fee_heading), ("errors", "核对结果")]


def summary_title(county: str, year: int, word: str = "乡镇") -> str:
    """"襄垣县2021年度乡镇政府信息公开工作年度报告汇总" ("…年度政府信息公开…" when departments
    report too: ``word`` is then "单位")."""
    return f"{county}{year}年度{word if word == '乡镇' else ''}{format_for_year(year).report_name}汇总"


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


def _checked(row: OverviewRow) -> str:
    if row.errors:
        return f"有 {row.errors} 个错误"
    return f"无错误（{row.warnings} 个提示）" if row.warnings else "无错误"


@dataclass
class Summary:
    data: CountyYear
    parameters: dict[str, object]
    today: date | None = None  # the day statuses are judged on (None: today)

    @property
    def format(self) -> ReportFormat:
        return format_for_year(self.data.year)

    @property
    def word(self) -> str:
        """"乡镇" when every unit is a township, else "单位"."""
        return unit_word(self.data)

    @property
    def title_text(self) -> str:
        return summary_title(self.data.county, self.data.year, self.word)

    def heading(self, key: str) -> Block:
        title = TITLES.get(key) or f"{self.format.table(key).title}{SUMMED}"
        return Block("heading1", f"{cn_number(ORDER.index(key) + 1)}、{title.format(self.word)}")

    def included(self, data: CountyYear | None = None) -> str:
        """What the totals include, said once and repeated under each summed table."""
        d = data or self.data
        word = unit_word(d)
        names = "、".join(f"{e.unit}{FLAG}" if e.errors else e.unit for e in d.entries if e.params) or "无"
        text = f"合计包括 {len(d.loaded)} 个{word}的 {d.year} 年度报告：{names}。"
        if d.with_errors:
            text += f"标 {FLAG} 的{word}报告有错误，其数字已计入合计，改正后合计会随之变化。"
        left = [*d.missing, *(e.unit for e in d.unreadable)]
        if left:
            text += f"未计入：{'、'.join(left)}（没有可用的本年度报告）。"
        return text

    def title_blocks(self) -> list[Block]:
        return [Block("title", self.title_text), Block("para", self.included())]

    def title(self) -> HTML:
        return HTML(blocks_html(self.title_blocks(), DOC))

    def roster_blocks(self) -> list[Block]:
        return roster_blocks(self.data, self.heading("roster"), self.today)

    def roster(self) -> HTML:
        return HTML(blocks_html(self.roster_blocks(), DOC))

    def overview_rows(self) -> tuple[list[OverviewRow], OverviewRow]:
        return overview(self.data)

    def overview_blocks(self) -> list[Block]:
        rows, total = self.overview_rows()
        columns = [c for c in overview_columns(self.format, self.word)
                   if c[0] != "fee" or any(r.fee is not None for r in [*rows, total])]
        grid = [tuple(label for _, label in columns)]

        def line(row: OverviewRow, name: str) -> tuple[str, ...]:
            return (name, *(_cell(getattr(row, k), self.format) for k, _ in columns[1:-1]), _checked(row))

        levels = self.data.levels()
        for level in levels:
            part = self.data.of_level(level.id)
            mine = [r for r in rows if r.unit in {e.unit for e in part.entries}]
            grid += [line(row, f"{row.unit}{FLAG}" if row.errors else row.unit) for row in mine]
            if len(levels) > 1:  # townships and departments apart: each with its own subtotal
                grid.append(line(overview(part)[1], f"{level.name}小计"))
        grid.append(line(total, "合计"))
        general = self.format.section("general")
        source = general.numbered("proactive")
        table = self.format.table("applications")
        note = (f"主动公开信息条数取自各{self.word}报告“{general.full_heading}{source}”中的本年发布信息总数；"
                f"申请数取自{table.caption}的“总计”列；核对结果为工具按官方格式核对的结果，"
                f"有错误的报告须改正后才能发布。{self.included()}")
        return [self.heading("overview"), Block("grid", rows=tuple(grid), css="kit-overview kit-totalled"),
                Block("note", note)]

    def overview(self) -> HTML:
        return HTML(blocks_html(self.overview_blocks(), DOC))

    def table(self, table_id: str):  # -> BuiltTable (displays in the official layout)
        return summed_table(self.data, table_id)

    def section_blocks(self, table_id: str) -> list[Block]:
        levels = self.data.levels()
        if len(levels) == 1:
            return [self.heading(table_id), Block("table", table=self.table(table_id)),
                    Block("note", self.included())]
        blocks = [self.heading(table_id)]  # townships and departments summed apart
        for number, level in enumerate(levels, 1):
            part = self.data.of_level(level.id)
            blocks += [Block("heading2", f"（{cn_number(number)}）{level.name}"),
                       Block("table", table=summed_table(part, table_id)), Block("note", self.included(part))]
        return blocks

    def section(self, table_id: str) -> HTML:
        return HTML(blocks_html(self.section_blocks(table_id), DOC))

    def copies_blocks(self) -> list[Block]:
        return copies_blocks(self.data, self.heading("copies"))

    def copies(self) -> HTML:
        return HTML(blocks_html(self.copies_blocks(), DOC))

    def history(self) -> list[Point]:
        return history(self.data.params_dir, self.data.county, self.data.year)

    def chart_blocks(self) -> list[Block]:
        return chart_blocks(self.data.county, self.data.year, self.history(), self.heading("charts"))

    def charts(self) -> HTML:
        return HTML(blocks_html(self.chart_blocks(), DOC))

    def blocks(self) -> list[Block]:
        """The whole roll-up for readers (Word), in the notebook's order."""
        return [*self.title_blocks(), *self.roster_blocks(), *self.overview_blocks(),
                *self.section_blocks("applications"), *self.section_blocks("review_litigation"),
                *self.copies_blocks(), *self.chart_blocks()]

    def checks(self) -> HTML:
        """For reviewers: what was summed, in words; folders and commands folded under 详细."""
        d = self.data
        deadline = d.settings.deadline_for(d.year)
        shown = {"县（区）": d.county, "汇总年度": f"{d.year} 年度",
                 "发布截止日期": f"{deadline.year}年{deadline.month}月{deadline.day}日"
                 + ("（乡镇）" if len(d.levels()) > 1 else ""),
                 "应报名单": "县级设置" if d.settings.has_roster else f"参数目录中已有报告的{self.word}",
                 "生成工具": f"kit {__version__}"}
        folded = {"参数目录": d.params_dir.resolve(),
                  "县级设置文件": d.settings.source or "无（使用默认设置）",
                  "重新生成": f"python -m kit summary {d.county} {d.year}"}
        if d.missing:
            folded["补报"] = f"python -m kit new {d.county}/<乡镇> {d.year}"
        if d.unreadable or d.with_errors:
            folded["查看错误"] = f"python -m kit check {d.params_dir / d.county}"
        return HTML(render_meta(shown, folded))


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
