"""The files a report's build writes into ``<out>/<县>/<乡镇>/<年>/``, by output format (the
build writes them, the county bundle and the index page list them)."""

from __future__ import annotations

#: --to formats, in the order they are made and listed (each one file)
FORMATS = ("html", "pdf", "pdfa", "docx", "fragment", "jiedu", "jiedu-docx", "tujie", "tujie-svg", "tujie-pdf",
           "tujie-text")
#: --to words that stand for several files: the 解读 (HTML and Word) and the 图解 (PNG, SVG, PDF and
#: its text alternative)
GROUPS = {"jiedu": ("jiedu", "jiedu-docx"), "tujie": ("tujie", "tujie-svg", "tujie-pdf", "tujie-text")}
NOTEBOOK = "report.ipynb"  # always kept: the executed template, with review cells
OUTPUT_NAMES = {"notebook": NOTEBOOK, "html": "report.html", "pdf": "report.pdf",
                "pdfa": "report-pdfa.pdf", "docx": "report.docx", "fragment": "report.fragment.html",
                "jiedu": "jiedu.html", "jiedu-docx": "jiedu.docx", "tujie": "tujie.png", "tujie-svg": "tujie.svg",
                "tujie-pdf": "tujie.pdf", "tujie-text": "tujie.html"}
#: how the index page and messages name each file
LABELS = {"notebook": "笔记本", "html": "HTML", "pdf": "PDF", "pdfa": "PDF/A 存档版", "docx": "Word",
          "fragment": "门户网站片段", "jiedu": "解读（网页）", "jiedu-docx": "解读（Word）", "tujie": "图解（图片）",
          "tujie-svg": "图解（SVG）", "tujie-pdf": "图解（PDF）", "tujie-text": "图解（文字版）"}


def expand(wanted: list[str]) -> list[str]:
    """--to words with each group (jiedu, tujie) as its files' formats."""
    return [f for word in wanted for f in GROUPS.get(word, (word,))]
