"""No official label is typed outside ``kit/formats/``: everything else reads it from the model.

Every label of both formats (headings, subsection titles, table titles and captions, row,
column and printed layout labels, the notices) of four characters or more is searched for in
the string literals (docstrings aside) of every other module of the kit, and in its templates.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from kit.formats import FORMATS

KIT = Path(__file__).resolve().parents[2] / "kit"
MIN_LENGTH = 4  # shorter labels (总计, 规章, 其他) are ordinary words


def official_labels() -> set[str]:
    found: set[str] = set()
    for fmt in FORMATS:
        found |= {fmt.notice, fmt.notice_title, fmt.report_name}
        for section in fmt.sections:
            found |= {section.heading, section.full_heading}
            found |= {sub.title for sub in section.subsections}
        for table in fmt.tables:
            found |= {table.title, table.caption, *table.labels()}
            found |= {row.label for row in table.rows}
            found |= {col.label for row in table.rows for col in row.columns}
    return {label for label in found if len(label) >= MIN_LENGTH}


def literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant):
            docstrings.add(id(body[0].value))
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def test_labels_are_collected():
    labels = official_labels()
    assert "一、本年新收政府信息公开申请数量" in labels and "本年制发件数" in labels
    assert "国办公开办函〔2019〕60号" in labels and "表三 收到和处理政府信息公开申请情况" in labels


def test_no_official_label_outside_the_format_package():
    labels = official_labels()
    hits = []
    for path in sorted(KIT.rglob("*")):
        if "formats" in path.relative_to(KIT).parts or "__pycache__" in path.parts:
            continue
        if path.suffix == ".py":
            texts = literals(path)
        elif path.suffix in (".j2", ".html"):  # Jinja comments aside
            text = re.sub(r"\{#.*?#\}", lambda m: "\n" * m.group(0).count("\n"),
                          path.read_text(encoding="utf-8"), flags=re.S)
            texts = list(enumerate(text.splitlines(), 1))
        else:
            continue
        for line, text in texts:
            hits += [f"{path.relative_to(KIT)}:{line}: {label}" for label in labels if label in text]
    assert not hits, "official labels typed outside kit/formats/:\n" + "\n".join(sorted(set(hits)))
