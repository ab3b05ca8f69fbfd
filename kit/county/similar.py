"""Copy detection (内容雷同, spec V-S5): townships whose prose is nearly the same as a
neighbour's of the same year, or as their own of the year before.

Only what the township wrote counts: the preamble, the accepted 同比 sentences, mandated
headings and very short stock sentences are left out, and the township's own name, the
county's name are blanked and all figures left out, so that a copy with the name and numbers swapped
still reads as a copy. MinHash signatures over character 3-grams go into an LSH index
(datasketch), so a province's thousands of reports need about one lookup each instead of a
comparison with every other; each candidate pair then gets its exact similarity (rapidfuzz's
normalized Indel ratio, 0–1) and is flagged at or above the threshold.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from kit.base.place import PREAMBLE
from kit.county.rollup import CountyYear
from kit.params.loader import load_params
from kit.params.model import ReportParams
from kit.rules.copied import places

SHINGLE = 3  # characters per shingle: Chinese words are one to three characters
PERMUTATIONS = 64
CANDIDATE = 0.3  # Jaccard of 3-grams at which LSH proposes a pair: far below any flag ratio
MIN_CHARS = 12  # shorter paragraphs (after blanking) are stock sentences
MIN_SHARED = 8  # the shortest shared passage that is highlighted
NEIGHBOUR, LAST_YEAR = "neighbour", "last_year"
_DROP = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class ProseDoc:
    """What one township wrote in one year's report, as compared."""

    county: str
    unit: str
    year: int
    paragraphs: tuple[str, ...]  # as written, in report order

    @property
    def key(self) -> tuple[str, str, int]:
        return self.county, self.unit, self.year

    @property
    def name(self) -> str:
        return f"{self.unit}{self.year}年度"

    @cached_property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    @cached_property
    def normalized(self) -> str:
        return normalize(self.text, (self.county, self.unit))


def normalize(text: str, names: tuple[str, ...] = ()) -> str:
    """Full-width forms folded, the names blanked, figures, punctuation and spaces left out."""
    text = unicodedata.normalize("NFKC", text)
    for name in sorted(names, key=len, reverse=True):
        if name:
            text = text.replace(name, "@")
    return _DROP.sub("", "".join(ch for ch in text if not ch.isdigit()))


def prose_doc(params: ReportParams) -> ProseDoc:
    fmt = params.format
    stock = {normalize(s.heading) for s in fmt.sections}
    stock |= {normalize(sub.title) for s in fmt.sections for sub in s.subsections}
    accepted = {normalize(s) for s in params.yoy.values()}
    names = (params.unit.county, params.unit.name)
    kept = []
    for section_id, _, paragraph in places(params):
        norm = normalize(paragraph, names)
        if section_id != PREAMBLE and len(norm) >= MIN_CHARS and norm not in stock | accepted:
            kept.append(paragraph.strip())
    return ProseDoc(params.unit.county, params.unit.name, params.year, tuple(kept))


@dataclass(frozen=True)
class Pair:
    first: ProseDoc  # the earlier year, or the first in name order
    second: ProseDoc
    ratio: float  # 0–1
    kind: str  # NEIGHBOUR or LAST_YEAR

    @property
    def percent(self) -> int:
        return int(self.ratio * 100)

    def describe(self) -> str:
        if self.kind == LAST_YEAR:
            return f"{self.second.unit} {self.second.year} 年度与其 {self.first.year} 年度报告"
        return f"{self.first.unit}与{self.second.unit}（{self.first.year} 年度）"


def _signature(norm: str):  # -> datasketch.MinHash
    from datasketch import MinHash  # lazy: datasketch loads scipy (about 1 s), only needed here

    sig = MinHash(num_perm=PERMUTATIONS)
    grams = {norm[i:i + SHINGLE] for i in range(max(1, len(norm) - SHINGLE + 1))}
    sig.update_batch([g.encode("utf-8") for g in grams])
    return sig


def _kind(a: ProseDoc, b: ProseDoc) -> str | None:
    if a.key[:2] == b.key[:2]:
        return LAST_YEAR if abs(a.year - b.year) == 1 else None
    return NEIGHBOUR if a.year == b.year else None


def similar_pairs(docs: list[ProseDoc], threshold: float) -> list[Pair]:
    """Every pair at or above ``threshold`` (0–1): the same year's different townships, and each
    township against its year before; the most similar first."""
    from datasketch import MinHashLSH  # lazy: see _signature

    usable = [d for d in docs if len(d.normalized) >= MIN_CHARS]
    lsh = MinHashLSH(threshold=CANDIDATE, num_perm=PERMUTATIONS)
    signatures = {}
    for index, doc in enumerate(usable):
        signatures[index] = _signature(doc.normalized)
        lsh.insert(index, signatures[index])
    pairs = []
    for index, doc in enumerate(usable):
        for other in lsh.query(signatures[index]):
            if other <= index:
                continue
            a, b = sorted((doc, usable[other]), key=lambda d: (d.year, d.unit, d.county))
            kind = _kind(a, b)
            if kind is None:
                continue
            ratio = fuzz.ratio(a.normalized, b.normalized) / 100
            if ratio >= threshold:
                pairs.append(Pair(a, b, ratio, kind))
    return sorted(pairs, key=lambda p: (-p.ratio, p.first.key, p.second.key))


Segments = tuple[tuple[str, bool], ...]  # (text, shared) pieces of one paragraph


def shared_passages(pair: Pair) -> tuple[list[Segments], list[Segments]]:
    """Each side's paragraphs cut into pieces, ``shared`` where a passage of MIN_SHARED or more
    characters appears in the other side at the matching place."""
    a, b = pair.first.text, pair.second.text
    marks_a, marks_b = [False] * len(a), [False] * len(b)
    for op in Indel.opcodes(a, b):
        if op.tag == "equal" and op.src_end - op.src_start >= MIN_SHARED:
            marks_a[op.src_start:op.src_end] = [True] * (op.src_end - op.src_start)
            marks_b[op.dest_start:op.dest_end] = [True] * (op.dest_end - op.dest_start)
    return _cut(a, marks_a), _cut(b, marks_b)


def _cut(text: str, marks: list[bool]) -> list[Segments]:
    paragraphs: list[Segments] = []
    start = 0
    for line in text.split("\n"):
        pieces: list[tuple[str, bool]] = []
        for offset, ch in enumerate(line):
            flag = marks[start + offset]
            if pieces and pieces[-1][1] == flag:
                pieces[-1] = (pieces[-1][0] + ch, flag)
            else:
                pieces.append((ch, flag))
        paragraphs.append(tuple(pieces))
        start += len(line) + 1
    return paragraphs


def shared_share(segments: list[Segments]) -> float:
    """The part of one side's characters that is highlighted as shared."""
    total = sum(len(t) for para in segments for t, _ in para)
    return sum(len(t) for para in segments for t, flag in para if flag) / total if total else 0.0


def county_docs(data: CountyYear) -> list[ProseDoc]:
    """This year's readable reports of the county, and the year before's of the same townships."""
    docs = [prose_doc(p) for p in data.loaded]
    for entry in data.entries:
        previous = entry.path.with_name(f"{data.year - 1}.yaml")
        if previous.is_file():
            params, _ = load_params(previous)
            if params is not None:
                docs.append(prose_doc(params))
    return docs


def county_copies(data: CountyYear, threshold: float | None = None) -> list[Pair]:
    """The flagged pairs that concern the county's reports of ``data.year``."""
    limit = data.settings.similarity if threshold is None else threshold
    return [p for p in similar_pairs(county_docs(data), limit) if p.second.year == data.year]
