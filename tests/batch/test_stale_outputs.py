"""No stale output is ever presented as current (kit.export.manifest through the publishing
path): after a report changes and is built again in fewer formats, the old PDF and Word are
gone, index.html links only the new files and review.zip bundles only them; a summary made
without --docx leaves no old summary.docx."""

from __future__ import annotations

import zipfile

from batch_helpers import build

from kit.cli.main import main

UNIT = ("襄垣县", "下良镇", "2021")


def _links(index: str) -> list[str]:
    return [part.split('"')[0] for part in index.split('href="')[1:]]


def test_an_edited_report_built_again_leaves_no_old_pdf_or_word(params_copy, tmp_path):
    out = tmp_path / "outputs"
    code, _, err = build("--to", "html,pdf,docx", "--out", str(out), str(params_copy))
    assert code == 0, err
    folder = out.joinpath(*UNIT)
    assert {p.name for p in folder.iterdir()} >= {"report.html", "report.pdf", "report.docx"}
    first = (out / "index.html").read_text(encoding="utf-8")
    assert any(link.endswith("report.docx") for link in _links(first))
    assert not any(link.endswith("report.ipynb") for link in _links(first))  # not for readers

    # same params, another format: what that source made stays
    code, _, err = build("--to", "fragment", "--force", "--out", str(out), str(params_copy))
    assert code == 0, err
    assert (folder / "report.docx").is_file() and (folder / "report.fragment.html").is_file()

    # a changed number, then kit build with the default --to (html only)
    path = params_copy.joinpath(*UNIT[:2], "2021.yaml")
    path.write_text(path.read_text(encoding="utf-8").replace("收到政府信息公开申请 0 件",
                                                             "未收到政府信息公开申请"), encoding="utf-8")
    index = (out / "index.html")
    code, _, err = build("--out", str(out), str(params_copy))
    assert code == 0, err
    names = {p.name for p in folder.iterdir()}
    assert "report.html" in names and not names & {"report.pdf", "report.docx", "report.fragment.html"}
    assert "未收到政府信息公开申请" in (folder / "report.html").read_text(encoding="utf-8")
    links = _links(index.read_text(encoding="utf-8"))
    assert [link.rsplit("/", 1)[1] for link in links if "/2021/report" in link] == ["report.html"]

    # bundled: only the current html (and its notebook), never an earlier file
    assert main(["summary", "襄垣县", "2021", "--no-pdf", "--params", str(params_copy),
                 "--out", str(out)]) == 0
    with zipfile.ZipFile(out / "襄垣县" / "2021" / "review.zip") as archive:
        bundled = {n for n in archive.namelist() if n.startswith("下良镇/")}
    assert bundled == {"下良镇/report.html", "下良镇/report.ipynb"}


def test_an_edit_after_the_build_unlinks_the_files_until_rebuilt(params_copy, tmp_path):
    out = tmp_path / "outputs"
    assert build("--to", "html", "--out", str(out), str(params_copy))[0] == 0
    path = params_copy.joinpath(*UNIT[:2], "2021.yaml")
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # saved again
    from kit.batch.index_page import CHANGED, write_index

    page = write_index(out).read_text(encoding="utf-8")
    assert CHANGED in page and not any(link.endswith("report.html") for link in _links(page))


def test_a_summary_without_docx_removes_the_old_summary_docx(params_copy, tmp_path):
    out = tmp_path / "outputs"
    common = ["襄垣县", "2021", "--no-pdf", "--no-bundle", "--params", str(params_copy), "--out", str(out)]
    assert main(["summary", *common, "--docx"]) == 0
    folder = out / "襄垣县" / "2021"
    assert (folder / "summary.docx").is_file()
    assert main(["summary", *common]) == 0
    assert (folder / "summary.html").is_file() and not (folder / "summary.docx").exists()
