"""Each row check names the sheet, the row and the fix; dates as clerks type them; registers
as they are saved (GBK .csv, a title row merged above the header, hidden rows, a damaged or
password-protected file)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from ledger_helpers import filled
from openpyxl import Workbook, load_workbook

from kit.formats import format_for_year
from kit.ledger.compute import compute
from kit.ledger.dates import DateError, parse_date
from kit.ledger.template import LedgerError, write_template
from kit.ledger.workbook import read_register

FMT = format_for_year(2023)
TODAY = date(2024, 3, 1)


def _problems(path: Path, year: int = 2023):
    computed = compute(read_register(path), FMT, year, today=TODAY)
    return computed, {(p.rule, p.line, p.column): p.message for p in computed.problems}


@pytest.mark.parametrize(("typed", "day"), [
    (date(2023, 1, 5), date(2023, 1, 5)), ("2023-01-05", date(2023, 1, 5)), ("2023.1.5", date(2023, 1, 5)),
    ("2023/01/05", date(2023, 1, 5)), ("2023年1月5日", date(2023, 1, 5)), ("20230105", date(2023, 1, 5)),
    ("２０２３－０１－０５", date(2023, 1, 5)), ("2023-01-05 09:30", date(2023, 1, 5)), (44931, date(2023, 1, 5)),
    ("", None), (None, None),
])
def test_dates_as_clerks_type_them(typed, day):
    assert parse_date(typed) == day


@pytest.mark.parametrize("typed", ["2023-02-30", "明天", "2023-13-01", 3.5, True])
def test_what_is_not_a_date(typed):
    with pytest.raises(DateError):
        parse_date(typed)


def test_each_row_check(tmp_path):
    rows = [
        ["C1", "2023-03-01", "自然人", "", "（一）予以公开", "2023-02-01", "", ""],  # answered before received
        ["C2", "2023-03-01", "个人", "", None, None, "", ""],  # not an applicant type
        ["C2", "2023-03-02", "自然人", "", "予以公开", "2023-03-05", "", ""],  # duplicate 编号
        ["C3", None, "自然人", "", None, None, "", ""],  # no received date
        ["C4", "2023-03-01", "自然人", "", "（一）予以公开", None, "", ""],  # result without an answer date
        ["C5", "2023-03-01", "自然人", "", "不予公开", "2023-03-09", "", ""],  # not one result (which of eight?)
        ["C6", "2031-01-01", "自然人", "", None, None, "", ""],  # in the future
        ["C7", "2023-06-01", "自然人", "", "（一）予以公开", "2023-07-27", "是", ""],  # extended: 39 working days
        ["C8", "2023-06-01", "自然人", "", None, None, "", ""],  # never answered
    ]
    computed, found = _problems(filled(tmp_path / "r.xlsx", "虚构县", "甲镇", 2023, {"依申请公开": rows}))
    assert "早于收到日期" in found[("L-DATE", 2, "答复日期")]
    assert "“个人”，不是可选的值" in found[("L-VALUE", 3, "申请人类型")]
    assert "与第 3 行重复" in found[("L-DUP", 4, "编号")]
    assert "没有填写“收到日期”" in found[("L-DATE", 5, "收到日期")]
    assert "没有填写“答复日期”" in found[("L-DATE", 6, "答复日期")]
    assert "“不予公开”，不是可选的值" in found[("L-VALUE", 7, "办理结果")]
    assert "晚于今天" in found[("L-DATE", 8, "收到日期")]
    assert ("L-LATE", 9, "答复日期") not in found
    assert "尚未答复，已超过" in found[("L-LATE", 10, "答复日期")]
    every = [p for p in computed.problems if p.rule != "L-LATE"]
    assert all(p.is_error and "台账“依申请公开”第" in p.where() for p in every)
    # rows with an error (the repeated 编号 too) count nowhere: only C7 and C8 are in the table
    assert computed.tables["applications"]["received"] == {"natural": 2}


def test_nearest_allowed_value_is_named(tmp_path):
    rows = [["D1", "2023-03-01", "自然人", "", "（一）予以公示", "2023-03-05", "", ""]]
    _, found = _problems(filled(tmp_path / "r.xlsx", "虚构县", "甲镇", 2023, {"依申请公开": rows}))
    assert "最接近的是“（一）予以公开”" in found[("L-VALUE", 2, "办理结果")]


def test_a_gbk_csv_with_a_title_row(tmp_path):
    text = ("甲镇2023年依申请公开登记台账,,,,,,,\n编号,收到日期,申请人类型,申请内容摘要,办理结果,答复日期,是否延期,备注\n"
            "E1,2023.2.1,自然人,某事项,（一）予以公开,2023.2.10,否,\nE2,2023年3月1日,法律服务机构,,,,,\n")
    path = tmp_path / "台账.csv"
    path.write_bytes(text.encode("gbk"))
    computed = compute(read_register(path), FMT, 2023, today=TODAY)
    assert computed.tables["applications"]["received"] == {"natural": 1, "legal": 1}
    assert computed.tables["applications"]["carried_forward"] == {"legal": 1}


def test_hidden_rows_and_merged_title_rows_in_xlsx(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "登记簿"  # not the template's name: found by its header
    sheet.append(["甲镇依申请公开登记台账"])
    sheet.merge_cells("A1:H1")
    sheet.append(["编号", "收到日期", "申请人类型", "申请内容摘要", "办理结果", "答复日期", "是否延期", "备注"])
    sheet.append(["H1", date(2023, 2, 1), "自然人", "", "（一）予以公开", date(2023, 2, 3), "", ""])
    sheet.append(["H2", date(2023, 2, 1), "自然人", "", "（一）予以公开", date(2023, 2, 3), "", ""])
    sheet.row_dimensions[4].hidden = True  # a row the clerk hid: not part of the register
    path = tmp_path / "登记簿.xlsx"
    book.save(path)
    computed = compute(read_register(path), FMT, 2023, today=TODAY)
    assert computed.tables["applications"]["received"] == {"natural": 1}


def test_damaged_files_are_refused_in_chinese(tmp_path):
    good = filled(tmp_path / "r.xlsx", "虚构县", "甲镇", 2023, {})
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[:2000])
    with pytest.raises(LedgerError, match="已损坏"):
        read_register(cut)
    with pytest.raises(LedgerError, match="不是台账文件"):
        read_register(tmp_path / "r.xlsx.bak") if (tmp_path / "r.xlsx.bak").write_text("x") else None


def test_the_template_a_clerk_opens(tmp_path):
    path = write_template(tmp_path / "t.xlsx", "虚构县", "甲镇", 2023)
    book = load_workbook(path)
    assert book.sheetnames[:2] == ["说明", "选项"] and book["选项"].sheet_state == "hidden"
    sheet = book["依申请公开"]
    assert sheet.freeze_panes == "A2" and sheet.column_dimensions["E"].width == 40
    lists = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in sheet.data_validations.dataValidation}
    assert set(lists) == {"C2", "E2", "G2"}
    results = [c.value for c in book["选项"]["B"][1:] if c.value]
    assert results[0] == "（一）予以公开" and len(results) == 21
    assert [book["说明"]["B2"].value, book["说明"]["B3"].value, book["说明"]["B4"].value] == ["虚构县", "甲镇", 2023]
    with pytest.raises(LedgerError, match="已存在"):
        write_template(path, "虚构县", "甲镇", 2023)
    with pytest.raises(LedgerError, match="2019 试行格式"):
        write_template(tmp_path / "old.xlsx", "虚构县", "甲镇", 2020)


def test_an_xls_saved_by_libreoffice_calc(tmp_path):
    """A register saved as Excel 97–2003 (.xls) by LibreOffice Calc reads as the .xlsx did."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("LibreOffice is not installed: ./dev.sh setup installs libreoffice-calc-nogui")
    rows = [["X1", date(2023, 3, 1), "自然人", "", "（一）予以公开", "2023.3.9", "否", ""],
            ["X2", date(2023, 12, 28), "商业企业", "", None, None, "", ""]]
    source = filled(tmp_path / "台账.xlsx", "虚构县", "甲镇", 2023, {"依申请公开": rows})
    done = subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                           "--convert-to", "xls", "--outdir", str(tmp_path / "xls"), str(source)],
                          capture_output=True, text=True, timeout=180)
    xls = tmp_path / "xls" / "台账.xls"
    assert xls.is_file(), done.stdout + done.stderr
    register = read_register(xls)
    assert register.meta["单位"] == "甲镇" and int(register.meta["年度"]) == 2023
    computed = compute(register, FMT, 2023, today=TODAY)
    assert computed.tables["applications"] == compute(read_register(source), FMT, 2023, today=TODAY).tables["applications"]
    assert computed.tables["applications"]["carried_forward"] == {"commercial": 1}


def test_a_register_with_an_opening_password_is_refused(tmp_path):
    """Encrypted as Excel encrypts (msoffcrypto-tool): refused in Chinese, nothing read."""
    import io

    from msoffcrypto.format.ooxml import OOXMLFile

    plain = filled(tmp_path / "r.xlsx", "虚构县", "甲镇", 2023, {})
    locked = io.BytesIO()
    with plain.open("rb") as handle:
        OOXMLFile(handle).encrypt("123456", locked)
    path = tmp_path / "locked.xlsx"
    path.write_bytes(locked.getvalue())
    with pytest.raises(LedgerError, match="设有打开密码"):
        read_register(path)
