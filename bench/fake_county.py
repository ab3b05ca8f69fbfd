"""A fictional county for benchmarks and batch tests: 基准县 with N townships, consistent numbers.

Every township gets non-zero tables that satisfy the validator (R1, R6 roll-forward from the
previous year when two years are written) and prose whose numbers match the tables. The
names (基准县, 基准一镇, 基准二镇, …) are clearly fictional.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kit.params.model import Breakdown, Prose, ReportParams, SectionText, Unit
from kit.params.newyear import default_preamble
from kit.params.writer import dumps, write_atomic

COUNTY = "基准县"
COLS = ("natural", "commercial", "research", "nonprofit", "legal", "other")
DIGITS = "〇一二三四五六七八九"


THEMES = ("政策解读", "便民服务", "基层政务公开标准化", "重点领域信息公开", "政民互动", "公开质效提升")


def unit_name(index: int) -> str:
    """1 → 基准一镇, 12 → 基准一二镇: short, unique and obviously invented."""
    return "基准" + "".join(DIGITS[int(d)] for d in str(index)) + "镇"


def _row(seed: int, *cols: str) -> dict[str, int]:
    return {c: 1 + (seed + i) % 3 for i, c in enumerate(cols)}


def build(index: int, year: int, first_year: int = 2023) -> ReportParams:
    """The params of township ``index`` (1-based) for ``year`` (2021 format, ≥ 2021)."""
    name = unit_name(index)
    unit = Unit("示例省", "示例市", COUNTY, name, "镇")
    age = year - first_year
    carried_over = {"natural": 1} if age > 0 else {}  # = last year's carried_forward
    received = _row(index + year, "natural", "commercial", "legal")
    got = {c: received.get(c, 0) + carried_over.get(c, 0) for c in COLS}
    carried_forward = {"natural": 1}
    disclosed = {c: n - carried_forward.get(c, 0) for c, n in got.items() if n}
    applications = {row: {c: cells.get(c, 0) for c in COLS} for row, cells in {
        "received": received, "carried_over": carried_over, "disclosed": disclosed,
        "carried_forward": carried_forward}.items()}
    in_force = 4 + index % 5 + age
    proactive = {
        "regulations": {"issued": 0, "repealed": 0, "in_force": 0},
        "normative_documents": {"issued": 1, "repealed": 0, "in_force": in_force},
        "licensing": {"decisions": 10 + index}, "punishment": {"decisions": 2 + index % 7},
        "coercion": {"decisions": index % 3}, "fees": {"amount": Decimal("0")}}
    review = {"review": {"upheld": 1, "corrected": 0, "other": 0, "pending": 0},
              "litigation_direct": {"upheld": 0, "corrected": 0, "other": 0, "pending": 1}}
    items = {"机构职能": 3 + index % 4, "通知公告": 12 + index, "财政信息": 6 + index % 5}
    total, listing = sum(items.values()), "，".join(f"{k}{v}条" for k, v in items.items())
    n_received, n_over = sum(received.values()), sum(carried_over.values())
    done = sum(disclosed.values())
    theme = THEMES[year % len(THEMES)]  # each year's text differs beyond its year (no V-S5)
    general = {
        "proactive": Prose(f"{year}年，{name}围绕{theme}共发布信息{total}条。其中：{listing}。"),
        "on_request": Prose(f"{year}年，{name}共收到政府信息公开申请{n_received}件，上年结转{n_over}件，"
                            f"办结{done}件，结转下年度继续办理1件。"),
        "management": Prose("严格执行信息发布前保密审查制度（虚构的基准数据）。"),
        "platform": Prose("及时更新县政府门户网站乡镇专栏。"),
        "oversight": Prose(f"将{theme}纳入年度工作考核，开展社会评议一次，本年度未发生责任追究情况。"),
    }
    sections = {
        "general": SectionText(f"{year}年，{name}以{theme}为重点贯彻落实《条例》（虚构单位，仅供性能测试）。",
                               general),
        "problems": SectionText("", {"problems": Prose("政策解读形式较为单一。"),
                                     "improvements": Prose("增加图解、问答等解读形式。")}),
        "other": SectionText("本年度未收取信息处理费。"),
    }
    base = ReportParams(unit=unit, year=year)
    return ReportParams(
        unit=unit, year=year, preamble=default_preamble(unit, year, base.format),
        sections=sections, breakdown=Breakdown(total, dict(items)),
        tables={"proactive": proactive, "applications": applications, "review_litigation": review})


def write_county(params_dir: Path, units: int, years: tuple[int, ...] = (2023,)) -> list[Path]:
    """``params_dir/基准县/<乡镇>/<年>.yaml`` for townships 1..units; returns the files."""
    written = []
    for index in range(1, units + 1):
        for year in years:
            path = params_dir / COUNTY / unit_name(index) / f"{year}.yaml"
            write_atomic(path, dumps(build(index, year, min(years))))
            written.append(path)
    return written
