"""Year-over-year bar charts with Chinese labels, as PNG bytes (matplotlib, Agg, no pyplot).

The CJK font is Noto Sans CJK SC from Debian's fonts-noto-cjk. :func:`cjk_font` registers the
.ttc when matplotlib's font cache lacks it, and every chart is checked for characters the font
cannot draw before it is saved, so a chart never shows tofu boxes.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from pathlib import Path

from matplotlib import font_manager, rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from kit.base.errors import KitError

FAMILY = "Noto Sans CJK SC"
FONT_FILES = (Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
              Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"))
BAR_COLORS = ("#3b6ea8", "#c0504d")
METRICS = (("proactive", "主动公开信息（条）"), ("received", "收到政府信息公开申请（件）"))


class ChartError(KitError):
    """A chart cannot be drawn correctly; the message is Chinese and names the fix."""


def cjk_font() -> str:
    """The CJK family name to draw with; registers the Noto .ttc files when needed."""
    if not _has_family():
        for path in FONT_FILES:
            if path.is_file():
                font_manager.fontManager.addfont(str(path))
    if not _has_family():
        msg = (f"找不到中文字体 {FAMILY}，图表中的中文会显示为方框。请运行 "
               "sudo apt-get install -y fonts-noto-cjk 安装后重试。")
        raise ChartError(msg)
    return FAMILY


def _has_family() -> bool:
    return any(f.name == FAMILY for f in font_manager.fontManager.ttflist)


def missing_glyphs(text: str, family: str = FAMILY) -> set[str]:
    """Characters of ``text`` that ``family`` has no glyph for (whitespace ignored)."""
    font = font_manager.get_font(font_manager.findfont(
        font_manager.FontProperties(family=family), fallback_to_default=False))
    return {ch for ch in text if not ch.isspace() and font.get_char_index(ord(ch)) == 0}


def _check_glyphs(fig: Figure, family: str) -> None:
    text = "".join(t.get_text() for t in fig.findobj(Text))
    missing = missing_glyphs(text, family)
    if missing:
        msg = (f"字体 {family} 缺少字符 {'、'.join(sorted(missing))}，图表会显示方框。"
               "请安装 fonts-noto-cjk，或把这些字符换成常用写法。")
        raise ChartError(msg)


def bar_chart(title: str, years: Sequence[int], series: Mapping[str, Sequence[int | None]],
              year_notes: Sequence[str] = (), size: tuple[float, float] = (8.0, 3.2)) -> bytes:
    """A PNG with one panel per series (bars by year, values printed on the bars).

    ``series`` maps a panel title to one value per year (None: no file that year).
    ``year_notes`` adds a second line under each year label, e.g. "3个乡镇".
    """
    family = cjk_font()
    labels = [f"{y}年" + (f"\n{year_notes[i]}" if year_notes else "") for i, y in enumerate(years)]
    with rc_context({"font.family": family, "axes.unicode_minus": False, "font.size": 10}):
        fig = Figure(figsize=size, dpi=110, layout="constrained")
        FigureCanvasAgg(fig)
        axes = fig.subplots(1, len(series), squeeze=False)[0]
        for i, (ax, (name, values)) in enumerate(zip(axes, series.items(), strict=True)):
            xs = [x for x, v in enumerate(values) if v is not None]
            heights = [v for v in values if v is not None]
            bars = ax.bar(xs, heights, color=BAR_COLORS[i % len(BAR_COLORS)], width=0.6)
            ax.bar_label(bars, padding=2)
            for x, v in enumerate(values):
                if v is None:
                    ax.text(x, 0, "无数据", ha="center", va="bottom", color="#888", fontsize=9)
            ax.set_title(name, fontsize=11)
            ax.set_xticks(range(len(years)), labels)
            ax.set_xlim(-0.6, len(years) - 0.4)
            ax.set_ylim(0, max([*heights, 1]) * 1.22)
            ax.yaxis.get_major_locator().set_params(integer=True)
            ax.spines[["top", "right"]].set_visible(False)
        fig.suptitle(title, fontsize=12)
        _check_glyphs(fig, family)
        out = io.BytesIO()
        fig.savefig(out, format="png")
    return out.getvalue()
