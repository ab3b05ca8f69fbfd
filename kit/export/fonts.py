"""Chinese font stacks for exported reports, and the CSS that overrides the body font.

The template (kit/templates/kit_report/static/kit_report.css) reads the CSS variables
``--kit-font-body``, ``--kit-font-title``, ``--kit-font-heading`` and ``--kit-font-kai``.
Every stack ends with fonts from Debian's fonts-noto-cjk, so a missing office font falls back
to Noto instead of showing boxes.
"""

from __future__ import annotations

# Free fallbacks that are always installed with fonts-noto-cjk.
# "Kit Noto …" are TrueType copies of Noto (kit/export/font_build.py): PDFs embed them as CID
# subsets, where Noto's own CFF outlines become Type 3 fonts.
SERIF_FALLBACK = '"Kit Noto Serif SC", "Noto Serif CJK SC", "Source Han Serif SC", serif'
SANS_FALLBACK = '"Kit Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif'

# Preset names a township office may ask for; each is tried first, Noto follows.
FONT_PRESETS: dict[str, str] = {
    "宋体": f'"SimSun", "宋体", "STSong", "Songti SC", {SERIF_FALLBACK}',
    "仿宋": (
        f'"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", {SERIF_FALLBACK}'
    ),
    "黑体": f'"SimHei", "黑体", "STHeiti", {SANS_FALLBACK}',
    "楷体": (
        '"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN", '
        f'"LXGW WenKai", {SERIF_FALLBACK}'
    ),
    "noto-serif": SERIF_FALLBACK,
    "noto-sans": SANS_FALLBACK,
}
FONT_PRESETS["fangsong"] = FONT_PRESETS["仿宋"]
FONT_PRESETS["songti"] = FONT_PRESETS["宋体"]
FONT_PRESETS["heiti"] = FONT_PRESETS["黑体"]
FONT_PRESETS["kaiti"] = FONT_PRESETS["楷体"]

_FORBIDDEN = set("{};<>\\")


def body_font_stack(font: str) -> str:
    """Turn a preset name ("仿宋") or a CSS family list into a stack that ends with Noto.

    Raises ValueError (Chinese message) for text that could break out of the CSS rule.
    """
    font = font.strip()
    if font in FONT_PRESETS:
        return FONT_PRESETS[font]
    if not font or _FORBIDDEN & set(font):
        raise ValueError(
            f"字体设置无效：{font!r}。请填写预设名（{'、'.join(_preset_names())}），"
            '或 CSS 字体列表，例如 "仿宋_GB2312", "FangSong"。'
        )
    families = [part.strip() for part in font.split(",") if part.strip()]
    quoted = [f if f[0] in "\"'" or f in {"serif", "sans-serif"} else f'"{f}"' for f in families]
    return ", ".join([*quoted, SERIF_FALLBACK])


def font_override_css(font: str | None) -> str:
    """CSS that makes ``font`` the body font of a kit report ('' when font is None or '')."""
    if not font:
        return ""
    stack = body_font_stack(font)
    return f":root {{ --kit-font-body: {stack}; }}\nbody {{ font-family: var(--kit-font-body); }}\n"


def _preset_names() -> list[str]:
    return [name for name in FONT_PRESETS if not name.isascii()]
