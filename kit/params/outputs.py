"""The files a report's build writes into ``<out>/<县>/<乡镇>/<年>/``, by output format (the
build writes them, the county bundle and the index page list them)."""

from __future__ import annotations

#: --to formats, in the order they are made and listed
FORMATS = ("html", "pdf", "pdfa", "docx", "fragment")
NOTEBOOK = "report.ipynb"  # always kept: the executed template, with review cells
OUTPUT_NAMES = {"notebook": NOTEBOOK, "html": "report.html", "pdf": "report.pdf",
                "pdfa": "report-pdfa.pdf", "docx": "report.docx", "fragment": "report.fragment.html"}
#: how the index page and messages name each file
LABELS = {"notebook": "笔记本", "html": "HTML", "pdf": "PDF", "pdfa": "PDF/A 存档版", "docx": "Word",
          "fragment": "门户网站片段"}
