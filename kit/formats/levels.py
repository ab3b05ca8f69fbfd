"""Who publishes a report, by level: the rules that differ by level, as data.

Four levels (spec §4, §5), each with what the law makes of it:

* 乡镇（街道）— 乡、镇 人民政府, 街道办事处 and bodies with township functions (片区管理局):
  deadline set by the county (default 1月31日); no 规章; reports 考核、评议、追究 (第五十条(四)).
* 县级以上政府部门 — 局、委、办、中心 of a county, city or province: 1月31日 (第四十九条); no 规章
  (a local department makes none); 第五十条(四) names only 人民政府, so no such paragraph is due.
* 县级人民政府 — a 县、区、县级市 government: 3月31日; no 规章 (立法法 第八十二条: only 省级 and
  设区的市 governments make 地方政府规章); reports 考核、评议、追究.
* 市级以上人民政府 — 设区的市、自治州 and 省级 governments: 3月31日; may make 规章; reports them.

A params file names its unit's kind (:data:`KINDS`, ``unit.kind``: 乡、镇、街道、片区、部门、县政府、
市政府、省政府); the kind gives the level and the organ's full name. A published document's level is
inferred from its title (:func:`infer_level`), and ``kit lint --level`` overrides it.
"""

from __future__ import annotations

import re
from datetime import date

from kit.base.record import Record, record
from kit.formats.deadlines import MonthDay, due_date

TOWNSHIP, DEPARTMENT, COUNTY, CITY = "township", "department", "county", "city"


@record
class Level(Record):
    id: str
    name: str  # as messages name it, e.g. "乡镇（街道）"
    short: str  # the --level word, e.g. "乡镇"
    deadline: MonthDay  # statutory (or, for townships, default) month and day of the next year
    makes_regulations: bool  # may make 规章 (V-N8 applies when not)
    reports_oversight: bool  # 第五十条(四): must state 工作考核、社会评议、责任追究 (V-S2)
    example: str  # an organ of this level, for messages: "××县××镇人民政府"
    basis: str = ""  # where its deadline comes from, in words
    kind: str = ""  # the unit kind a document of this level is read as when its title says no more
    local_deadline: bool = False  # the county sets it (county.yaml deadline)

    def due(self, year: int) -> date:
        return due_date(year, self.deadline)


LEVELS: dict[str, Level] = {level.id: level for level in (
    Level(TOWNSHIP, "乡镇（街道）", "乡镇", (1, 31), makes_regulations=False, reports_oversight=True,
          example="××县××镇人民政府", kind="镇",
          basis="由县级政务公开主管部门规定，未规定时为次年1月31日", local_deadline=True),
    Level(DEPARTMENT, "县级以上政府部门", "部门", (1, 31), makes_regulations=False, reports_oversight=False,
          example="××县××局", kind="部门",
          basis="《条例》第四十九条：县级以上人民政府部门于次年1月31日前公布"),
    Level(COUNTY, "县级人民政府", "县政府", (3, 31), makes_regulations=False, reports_oversight=True,
          example="××县人民政府", kind="县政府",
          basis="《条例》第四十九条：县级以上地方人民政府于次年3月31日前公布"),
    Level(CITY, "市级以上人民政府", "市政府", (3, 31), makes_regulations=True, reports_oversight=True,
          example="××市人民政府", kind="市政府",
          basis="《条例》第四十九条：县级以上地方人民政府于次年3月31日前公布"),
)}


@record
class UnitKind(Record):
    """What ``unit.kind`` may say, and how the organ's full name is made from the unit's names."""

    name: str  # "镇"
    level: str
    suffix: str = ""  # appended to county + unit name unless the name already ends with it
    whole: str = ""  # the organ is this place (province/city/county) + 人民政府: "province" …
    help: str = ""


KINDS: tuple[UnitKind, ...] = (
    UnitKind("乡", TOWNSHIP, "人民政府"),
    UnitKind("镇", TOWNSHIP, "人民政府"),
    UnitKind("街道", TOWNSHIP, "办事处"),
    UnitKind("片区", TOWNSHIP, "管理局", help="承担乡镇职能的片区管理机构"),
    UnitKind("部门", DEPARTMENT, help="县级政府工作部门（局、委、办、中心等）"),
    UnitKind("县政府", COUNTY, whole="county", help="县（区、县级市）人民政府本级"),
    UnitKind("市政府", CITY, whole="city", help="设区的市人民政府本级"),
    UnitKind("省政府", CITY, whole="province", help="省级人民政府本级"),
)
KIND_NAMES: tuple[str, ...] = tuple(k.name for k in KINDS)


def kind(name: str) -> UnitKind:
    """The kind called ``name``; KeyError when there is none."""
    for found in KINDS:
        if found.name == name:
            return found
    raise KeyError(name)


def level_of(kind_name: str) -> Level:
    """The level of a unit kind (a township's for an unknown kind: the kit's first users)."""
    try:
        return LEVELS[kind(kind_name).level]
    except KeyError:
        return LEVELS[TOWNSHIP]


def level_named(word: str) -> Level | None:
    """A level from what a user types: its id, short word or name ("部门", "department" …)."""
    word = word.strip()
    for level in LEVELS.values():
        if word in (level.id, level.short, level.name):
            return level
    found = next((k for k in KINDS if k.name == word), None)
    return LEVELS[found.level] if found else None


def organ(kind_name: str, province: str, city: str, county: str, name: str) -> str:
    """The organ's full name: "襄垣县下良镇人民政府", "襄垣县教育局", "襄垣县人民政府"."""
    try:
        found = kind(kind_name)
    except KeyError:
        found = kind("镇")
    if found.whole:
        place = {"province": province, "city": city, "county": county}[found.whole] or county
        return f"{place}人民政府"
    own = name if name.startswith(county) else f"{county}{name}"
    if found.name == "街道" and not own.endswith("街道"):
        return own if own.endswith("办事处") else f"{own}街道办事处"
    return own if not found.suffix or own.endswith(found.suffix) else f"{own}{found.suffix}"


def kind_from_name(name: str) -> str:
    """A unit kind guessed from the unit's name (``kit new``): 下良镇 → 镇, 教育局 → 部门."""
    for word in ("街道", "片区", "镇", "乡"):
        if name.endswith(word) or name.endswith(f"{word}人民政府") or name.endswith(f"{word}办事处"):
            return word
    if name.endswith("管理局") and "片区" in name:
        return "片区"
    if re.search(r"人民政府$|^(县|区|市)政府$", name):
        return "县政府"
    return "部门" if _DEPARTMENT.search(name) else "镇"


# a title's organ, before the year: 镇/乡/街道/片区 first (街道办事处 ends in 办, 片区管理局 in 局)
_TOWNSHIP = re.compile(r"(镇|乡|街道|街道办事处|片区|片区管理局|苏木)(人民政府)?$")
_GOVERNMENT = re.compile(r"(省|自治区|市|州|盟|县|区|旗)人民政府(?:办公厅|办公室)?$")
_DEPARTMENT = re.compile(r"(局|委员会|委|办公室|办|中心|厅|署|院|所|站|队|会|部)$")


def title_organ(title: str) -> str:
    """The organ a report's title names: the title without its year and report name
    ("襄垣县下良镇人民政府2021年政府信息公开工作年度报告" → "襄垣县下良镇人民政府")."""
    text = re.sub(r"^(?:19|20)\d\d年度?", "", re.sub(r"\s", "", title))
    text = re.split(r"(?:19|20)\d\d年度?|政府信息公开|关于", text, maxsplit=1)[0] or text
    return text.strip("《》“”\"'")


def infer_level(organ_name: str) -> Level | None:
    """The level an organ's name shows (None when it shows none): 镇/乡/街道/片区 → township;
    …县/区 人民政府 → county; …市/州/省 人民政府 → city (a 县级市 cannot be told from a 设区的市
    by its name: the lenient reading, which never calls a lawful 规章 wrong); a government's
    办公厅/办公室 as its government (it compiles and publishes the government's report and its
    规章, as 上海市人民政府办公厅 does: again the lenient reading, 3月31日); 局、委、办 … →
    department."""
    text = re.sub(r"\s", "", organ_name)
    if _TOWNSHIP.search(text):
        return LEVELS[TOWNSHIP]
    government = _GOVERNMENT.search(text)
    if government:
        return LEVELS[COUNTY if government.group(1) in ("县", "区", "旗") else CITY]
    if _DEPARTMENT.search(text):
        return LEVELS[DEPARTMENT]
    return None
