"""``kit build --to html,pdf,docx,fragment`` writes all four outputs of each report."""

from __future__ import annotations

import docx
from build_helpers import XIALIANG

from kit.params.outputs import OUTPUT_NAMES


def test_all_four_formats_are_written(built):
    assert built.code == 0, built.stdout
    folder = built.folder(XIALIANG)
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(OUTPUT_NAMES[f] for f in ("notebook", "html", "pdf", "pdfa", "docx", "fragment"))
    assert folder.joinpath("report.pdf").read_bytes().startswith(b"%PDF")
    document = docx.Document(str(folder / "report.docx"))
    assert len(document.tables) == 4 and document.core_properties.author == "襄垣县下良镇人民政府"  # 表三: 2 parts
    fragment = folder.joinpath("report.fragment.html").read_text(encoding="utf-8")
    assert "<style" not in fragment and "三、本年度办理结果" in fragment
