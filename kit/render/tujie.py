"""The 图解: the report's headline figures (:mod:`kit.render.highlights`) as one tall picture,
750 px wide as portals show it, built as SVG (the kit's fonts, then Noto and the system's) and
printed to PNG and PDF through the kit's Chromium (:meth:`kit.export.publish.Publisher.graphic`);
with an HTML text alternative saying the same for screen readers."""

from __future__ import annotations

from html import escape

from kit.formats.spec import ReportFormat
from kit.render.highlights import DOWN, SAME, UP, Figure, Highlights

WIDTH = 750
PAD = 36
FONT = '"Kit Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif'
BLUE, LIGHT, INK, GREY = "#1f5f9f", "#eaf1f8", "#1d2733", "#5b6673"
SHARE_COLORS = ("#1f5f9f", "#4f8fca", "#e0913a", "#c0504d", "#7b8a99", "#9a6fb0")
ARROWS = {UP: "较上年上升", DOWN: "较上年下降", SAME: "与上年持平"}


def _width(text: str, size: float) -> float:
    return sum(size * (0.56 if ord(ch) < 0x2E80 else 1.0) for ch in text)


def wrap(text: str, size: float, room: float) -> list[str]:
    """``text`` in lines no wider than ``room`` at ``size`` (CJK one em, Latin and digits ~½)."""
    lines, line = [], ""
    for ch in text:
        if _width(line + ch, size) > room and line:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line] if line else lines


class Canvas:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.y = 0.0

    def text(self, x: float, y: float, text: str, size: float, color: str = INK, weight: str = "normal",
             anchor: str = "start") -> None:
        self.parts.append(f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{color}" '
                          f'font-weight="{weight}" text-anchor="{anchor}">{escape(text)}</text>')

    def rect(self, x: float, y: float, w: float, h: float, fill: str, radius: float = 0) -> None:
        self.parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="{radius}" fill="{fill}"/>')

    def trend(self, right: float, y: float, words: str, trend: str) -> None:
        """The change from last year, right-aligned at ``right``: a drawn arrow (no glyph the
        fonts may lack) and its words."""
        self.text(right, y, words, 18, GREY, anchor="end")
        x = right - _width(words, 18) - 22
        shape = {UP: f"{x},{y - 2} {x + 16},{y - 2} {x + 8},{y - 15}", DOWN: f"{x},{y - 15} {x + 16},{y - 15} {x + 8},{y - 2}",
                 SAME: ""}[trend]
        if shape:
            self.parts.append(f'<polygon points="{shape}" fill="{BLUE if trend == UP else GREY}"/>')
        else:
            self.rect(x, y - 12, 16, 3, GREY)
            self.rect(x, y - 6, 16, 3, GREY)

    def heading(self, text: str) -> None:
        self.y += 26
        self.rect(PAD, self.y, 6, 30, BLUE)
        self.text(PAD + 18, self.y + 23, text, 24, BLUE, "bold")
        self.y += 46

    def tiles(self, figures: list[Figure], per_row: int = 3) -> None:
        gap = 14
        w = (WIDTH - 2 * PAD - gap * (per_row - 1)) / per_row
        for i, figure in enumerate(figures):
            x = PAD + (i % per_row) * (w + gap)
            y = self.y + (i // per_row) * (96 + gap)
            self.rect(x, y, w, 96, LIGHT, 8)
            lines = wrap(figure.label, 15, w - 24)[:2]
            for n, line in enumerate(lines):
                self.text(x + 12, y + 24 + n * 19, line, 15, GREY)
            self.text(x + 12, y + 84, figure.value, 30, INK, "bold")
        rows = (len(figures) + per_row - 1) // per_row
        self.y += rows * (96 + gap) - gap + 8

    def paragraph(self, lines: list[str], size: float = 17, color: str = INK, indent: float = 0) -> None:
        for text in lines:
            for line in wrap(text, size, WIDTH - 2 * PAD - indent):
                self.y += size * 1.55
                self.text(PAD + indent, self.y, line, size, color)


def tujie_svg(h: Highlights, fmt: ReportFormat) -> str:
    """The 图解 as an SVG document (section headings from ``fmt``)."""
    c = Canvas()
    title_lines = wrap(h.organ, 30, WIDTH - 2 * PAD)
    band = 78 + 40 * len(title_lines)
    c.rect(0, 0, WIDTH, band, BLUE)
    for n, line in enumerate(title_lines):
        c.text(WIDTH / 2, 52 + 40 * n, line, 30, "#ffffff", "bold", "middle")
    c.text(WIDTH / 2, band - 24, f"{h.year}年{fmt.report_name}图解", 22, "#dbe7f3", anchor="middle")
    c.y = band
    if h.proactive is not None:
        c.heading("主动公开")
        c.text(PAD, c.y + 34, f"{h.proactive}", 44, BLUE, "bold")
        c.text(PAD + _width(str(h.proactive), 44) + 10, c.y + 34, "条政府信息", 20, INK)
        if h.proactive_trend:
            c.trend(WIDTH - PAD, c.y + 30, ARROWS[h.proactive_trend], h.proactive_trend)
        c.y += 56
        top = max((n for _, n in h.columns), default=0)
        for name, count in h.columns[:8]:
            c.text(PAD, c.y + 20, name, 16)
            length = (WIDTH - 2 * PAD - 190) * count / top if top else 0
            c.rect(PAD + 130, c.y + 5, max(length, 2), 20, "#4f8fca", 3)
            c.text(PAD + 138 + length, c.y + 21, str(count), 16, INK, "bold")
            c.y += 32
    c.heading(fmt.section("proactive").heading)
    c.tiles([*h.documents, *h.decisions])
    c.heading("依申请公开")
    if h.received_trend:
        c.trend(WIDTH - PAD, c.y - 22, f"收到申请{ARROWS[h.received_trend]}", h.received_trend)
    c.tiles(h.requests, per_row=4)
    if h.shares:
        answered = sum(s.count for s in h.shares)
        x, room = float(PAD), WIDTH - 2 * PAD
        c.y += 6
        for n, share in enumerate(h.shares):
            w = room * share.count / answered
            c.rect(x, c.y, w, 26, SHARE_COLORS[n % len(SHARE_COLORS)])
            x += w
        c.y += 34
        for n, share in enumerate(h.shares):
            col, row = n % 2, n // 2
            x = PAD + col * (room / 2)
            y = c.y + row * 30
            c.rect(x, y + 6, 16, 16, SHARE_COLORS[n % len(SHARE_COLORS)], 3)
            c.text(x + 24, y + 21, f"{share.label} {share.count}件（{share.percent}%）", 17)
        c.y += ((len(h.shares) + 1) // 2) * 30
    c.heading(fmt.section("review_litigation").heading)
    c.tiles(h.cases, per_row=2)
    if h.problems or h.improvements:
        c.heading(fmt.section("problems").heading)
        c.paragraph(h.problems, 17)
        if h.improvements:
            c.y += 8
            c.paragraph(h.improvements, 17, BLUE)
    c.y += 34
    c.paragraph([f"数据来源：《{h.title}》"], 14, GREY)
    height = int(c.y + 30)
    body = "\n".join(c.parts)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
            f'viewBox="0 0 {WIDTH} {height}" font-family=\'{FONT}\' role="img" aria-labelledby="tujie-title">\n'
            f'<title id="tujie-title">{escape(h.title)}图解</title>\n'
            f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>\n{body}\n</svg>\n')


def tujie_text_html(h: Highlights, image: str = "tujie.png") -> str:
    """The 图解 for screen readers and for a portal's article: the picture with its alt text,
    and every figure on it as text."""
    items = [f"主动公开政府信息 {h.proactive} 条" + (f"（{ARROWS[h.proactive_trend]}）" if h.proactive_trend else "")
             ] if h.proactive is not None else []
    items += [f"{name} {count} 条" for name, count in h.columns]
    items += [f"{f.label} {f.value}" for f in (*h.documents, *h.decisions, *h.requests)]
    items += [f"{s.label} {s.count} 件（{s.percent}%）" for s in h.shares]
    items += [f"{f.label} {f.value} 件" for f in h.cases]
    points = "".join(f"<li>{escape(t)}</li>" for t in (*h.problems, *h.improvements))
    figures = "".join(f"<li>{escape(t)}</li>" for t in items)
    alt = f"{h.title}图解：" + "；".join(items[:6]) + "。"
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(h.title)}图解</title>'
            '<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>'
            f'<figure><img src="{escape(image)}" alt="{escape(alt)}" style="max-width:100%;height:auto">'
            f"<figcaption>{escape(h.title)}图解</figcaption></figure>"
            f"<h2>图中的数字</h2><ul>{figures}</ul>"
            + (f"<h2>问题和改进</h2><ul>{points}</ul>" if points else "") + "</body></html>\n")
