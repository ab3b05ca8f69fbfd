"""The params file's schema, declared once: its keys, their order, names, help and comments.

``params/<县>/<乡镇>/<年>.yaml`` holds, in this order, the keys of :data:`TOP`. The loader
checks files against it, the form builds its fields from it, and the writer lays files out
by it. Section, subsection, table, row and column keys come from the format model (their ids).
"""

from __future__ import annotations

from kit.base.record import Record, record


@record
class Key(Record):
    name: str
    label: str  # what the form and messages call it
    required: bool = False
    text: bool = False  # a text field of the form (one value, edited as text)
    comment: str = ""  # the comment the writer puts above it in a new file
    help: str = ""  # what a clerk should write there


UNIT = "unit"
YEAR = "year"
SECTIONS = "sections"
BREAKDOWN = "proactive_breakdown"
TABLES = "tables"
YOY = "yoy"
JIEDU = "jiedu"  # the clerk's 解读 of the report (kit.render.jiedu), edited from its draft

UNIT_FIELDS: tuple[Key, ...] = (
    Key("province", "省", required=True, text=True),
    Key("city", "市（州）", required=True, text=True),
    Key("county", "县（市、区）", required=True, text=True),
    Key("name", "单位（乡镇、部门）", required=True, text=True),
    Key("kind", "类型", required=True, text=True,
        help="乡、镇、街道、片区（乡镇一级），部门（县级政府部门），县政府、市政府或省政府（本级政府）"),
)
#: Chinese keys a clerk may type for unit fields → the real key (for "did you mean").
UNIT_ALIASES = {"省": "province", "市": "city", "县": "county", "名称": "name", "类型": "kind"}

TOP: tuple[Key, ...] = (
    Key(UNIT, "单位信息", required=True),
    Key(YEAR, "报告年度", required=True, help="四位整数，如 2021"),
    Key("title", "报告标题", text=True, help="不填则自动生成规范标题"),
    Key("published", "发布日期", text=True, help="YYYY-MM-DD，如 2022-01-20"),
    Key("contact", "联系方式", text=True),
    Key("preamble", "导语", text=True),
    Key(SECTIONS, "正文"),
    Key(BREAKDOWN, "主动公开信息条数", comment="一（一）主动公开：本年发布信息总条数及各栏目条数"),
    Key(YOY, "同比句", comment="同比句（接受后写入正文；删除则不使用）"),
    Key(TABLES, "表格"),
    Key(JIEDU, "解读", text=True, comment="解读（随报告发布；删除则按报告的数字重新生成草稿）"),
)
SECTION_TEXT = "text"  # a section's own paragraphs
SUBSECTION_KEYS = ("title", "text")  # a subsection's own title (optional) and paragraphs
BREAKDOWN_KEYS = ("total", "items")  # 本年发布信息总条数, 各栏目条数


def names(keys: tuple[Key, ...]) -> tuple[str, ...]:
    return tuple(k.name for k in keys)


def key(name: str) -> Key:
    return next(k for k in TOP if k.name == name)


TEXT_FIELDS = tuple(k.name for k in TOP if k.text)  # title, published, contact, preamble, jiedu


def key_label(path: str) -> str | None:
    """What a clerk calls the field at a params key path ("unit.province" → "省", "title" →
    "报告标题"); None for keys the schema does not name (sections, tables: the format names
    those)."""
    head, _, rest = path.partition(".")
    if head == UNIT and rest:
        return next((k.label for k in UNIT_FIELDS if k.name == rest), None)
    if rest:
        return None
    return next((k.label for k in TOP if k.name == head), None)
