"""review.zip: every existing report output, the roll-up and the checks summary."""

import json
import zipfile

from county_helpers import COUNTY

from kit.county.bundle import write_bundle
from kit.export.manifest import Source, settle


def fake_outputs(out_root, year, units_files, summary_files, params_dir=None):
    """Outputs as a build leaves them: recorded in their folder's manifest (made from the
    unit's params file when ``params_dir`` has it)."""
    for unit, names in units_files.items():
        folder = out_root / COUNTY / unit / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            (folder / name).write_text(f"{unit} {name}", encoding="utf-8")
        source = params_dir / COUNTY / unit / f"{year}.yaml" if params_dir else None
        published = [folder / n for n in names if n != "report.ipynb"]
        settle(folder, [p.name for p in published], published, Source(source))
    folder = out_root / COUNTY / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    for name in summary_files:
        (folder / name).write_text(name, encoding="utf-8")


def test_bundle_members(params_dir, tmp_path):
    out = tmp_path / "outputs"
    fake_outputs(out, 2022,
                 {"甲镇": ("report.ipynb", "report.html", "report.pdf"),
                  "乙乡": ("report.ipynb", "report.html"),  # its PDF failed
                  "丙镇": ("report.ipynb",)},  # stale output of a township without a 2022 file
                 ("summary.ipynb", "summary.html", "summary.pdf"), params_dir)
    (out / COUNTY / "甲镇" / "2022" / "report.docx").write_text("an earlier build's", encoding="utf-8")
    (out / COUNTY / "甲镇" / "2021").mkdir()
    (out / COUNTY / "甲镇" / "2021" / "report.html").write_text("last year", encoding="utf-8")
    path = write_bundle(COUNTY, 2022, params_dir, out)
    assert path == out / COUNTY / "2022" / "review.zip"
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist() == [
            "乙乡/report.ipynb", "乙乡/report.html",
            "甲镇/report.ipynb", "甲镇/report.html", "甲镇/report.pdf",
            "summary.ipynb", "summary.html", "summary.pdf",
            "checks.json", "checks.txt",
        ]
        assert archive.read("甲镇/report.pdf").decode() == "甲镇 report.pdf"
        checks = json.loads(archive.read("checks.json"))
        text = archive.read("checks.txt").decode("utf-8")
    assert checks["county"] == COUNTY and checks["year"] == 2022
    assert checks["missing"] == ["丙镇"]
    assert sorted(checks["units"]) == ["乙乡", "甲镇"]
    jia = checks["units"]["甲镇"]
    assert (jia["errors"], jia["warnings"], jia["readable"]) == (0, 1, True)
    assert len(jia["sha256"]) == 64
    assert jia["problems"][0]["rule"] == "V-S7" and jia["problems"][0]["severity"] == "警告"
    assert "虚构县 2022 年度政府信息公开工作年度报告校验结果" in text
    assert "== 甲镇" in text and "0 个错误，1 个警告" in text
    assert "缺少 2022 年度参数文件的乡镇：丙镇。" in text
    assert "共 2 个乡镇：0 个错误，2 个警告。" in text
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []  # no temp left


def test_bundle_reports_errors_in_chinese(params_dir, tmp_path):
    path = params_dir / COUNTY / "乙乡" / "2022.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "received: {natural: 3,", "received: {natural: 4,"), encoding="utf-8")
    bundle = write_bundle(COUNTY, 2022, params_dir, tmp_path / "outputs")
    with zipfile.ZipFile(bundle) as archive:
        assert archive.namelist() == ["checks.json", "checks.txt"]
        text = archive.read("checks.txt").decode("utf-8")
        checks = json.loads(archive.read("checks.json"))
    assert "[错误] R1" in text and "有错误的报告不能发布" in text
    assert checks["errors"] == checks["units"]["乙乡"]["errors"] > 0
