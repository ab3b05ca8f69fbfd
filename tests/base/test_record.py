"""kit.base.record behaves as ``@dataclass(frozen=True)`` does, for every use the kit makes."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass, field

import pytest

from kit.base.record import Record, record


@record
class Cell(Record):
    id: str
    label: str = ""
    tags: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    span: int = 1


@dataclass(frozen=True)
class Twin:  # the dataclass it stands in for
    id: str
    label: str = ""
    tags: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    span: int = 1


@record
class Checked(Record):
    n: int

    def __post_init__(self) -> None:
        if self.n < 0:
            raise ValueError("negative")


def test_construction_like_a_dataclass():
    for make in (Cell, Twin):
        a = make("x", span=2)
        assert (a.id, a.label, a.tags, a.span) == ("x", "", {}, 2)
        assert make("x").tags is not make("x").tags  # a fresh default each time
    assert Cell("x", "甲", {"k": 1}, 3).span == 3
    for bad, words in (((), "missing"), (("x", "y", {}, 1, 9), "takes"), (("x",), "unexpected")):
        with pytest.raises(TypeError, match=words):
            Cell(*bad, **({"colour": 1} if words == "unexpected" else {}))
    with pytest.raises(TypeError, match="multiple values"):
        Cell("x", id="y")
    with pytest.raises(ValueError, match="negative"):
        Checked(-1)


def test_equality_hash_and_repr_match_the_dataclass():
    a, b = Cell("x", "甲", {"k": 1}), Cell("x", "甲", {"other": 2})
    assert a == b and hash(a) == hash(b)  # tags: compare=False
    assert a != Cell("x", "乙") and a != Twin("x", "甲") and a != ("x", "甲", 1)
    assert {a: 1}[b] == 1
    assert repr(a) == repr(Twin("x", "甲", {"k": 1})).replace("Twin", "Cell")
    assert repr(a) == "Cell(id='x', label='甲', span=1)"


def test_frozen_and_usable_by_dataclass_tools():
    a = Cell("x", "甲")
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.label = "乙"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del a.label
    assert dataclasses.is_dataclass(a)
    assert [f.name for f in dataclasses.fields(a)] == ["id", "label", "tags", "span"]
    assert dataclasses.replace(a, label="乙") == Cell("x", "乙")
    assert dataclasses.asdict(a) == {"id": "x", "label": "甲", "tags": {}, "span": 1}
    assert pickle.loads(pickle.dumps(a)) == a
    assert dataclasses.replace(Checked(1), n=2).n == 2
