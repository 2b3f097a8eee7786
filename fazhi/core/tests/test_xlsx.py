"""The shared xlsx import/export on a sheet over org.Person."""

import io
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from fazhi.audit.models import Action, Entry
from fazhi.kit.xlsx import (
    Column,
    ImportRefused,
    Sheet,
    errors_workbook,
    export,
    import_file,
    template,
)
from fazhi.org.models import Person

SHEET = Sheet(
    model=Person,
    title="人员",
    columns=[
        Column("单位", "unit", kind="unit", required=True),
        Column("姓名", "name", required=True, personal="name"),
        Column("职务", "position"),
        Column("电话", "phone", personal="phone"),
        Column("身份证号", "id_number", personal="id_number"),
        Column("负责人", "is_principal", kind="bool"),
    ],
)


def workbook(rows, header=None):
    wb = Workbook()
    ws = wb.active
    ws.title = "人员"
    ws.append(header or ["单位*", "姓名*", "职务", "电话", "身份证号", "负责人"])
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_a_valid_file_is_imported_whole_and_audited(liaison_a1, unit_a1):
    data = workbook([["确山县司法局", "张三", "科员", "13812345678", "11010519491231002X", "是"], ["QS-SFJ", "李四", "", None, None, "否"]])
    result = import_file(SHEET, data, user=liaison_a1, filename="人员.xlsx")
    assert result.ok and result.created == 2
    assert set(Person.objects.values_list("name", flat=True)) == {"张三", "李四"}
    assert Entry.objects.filter(action=Action.IMPORT, user=liaison_a1).exists()


def test_one_bad_row_means_nothing_is_written_and_every_error_is_named(liaison_a1, unit_a1, unit_a2):
    data = workbook(
        [
            ["确山县司法局", "张三", "科员", "13812345678", None, "是"],
            ["确山县市场监督管理局", "李四", None, None, None, None],  # not this liaison's unit
            ["确山县司法局", None, None, "12345", "110105194912310021", "也许"],
        ]
    )
    result = import_file(SHEET, data, user=liaison_a1, filename="人员.xlsx")
    assert not result.ok and result.created == 0
    assert Person.objects.count() == 0
    by_row = {(e.row, e.column) for e in result.errors}
    assert (3, "单位") in by_row
    assert {(4, "姓名"), (4, "负责人")} <= by_row
    assert (4, "电话") in by_row and (4, "身份证号") in by_row
    messages = " ".join(e.message for e in result.errors)
    assert "不在您的管辖范围内" in messages and "必填" in messages


def test_the_errors_come_back_as_a_workbook(liaison_a1, unit_a1):
    result = import_file(SHEET, workbook([["确山县司法局", None]]), user=liaison_a1)
    ws = load_workbook(io.BytesIO(errors_workbook(result))).active
    assert [c.value for c in ws[1]] == ["行号", "列", "错误"]
    assert ws.cell(2, 1).value == 2 and ws.cell(2, 2).value == "姓名"


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"not a zip", "a.xlsx", "不是有效的"),
        (b"PK\x03\x04", "a.xls", "只接受 .xlsx"),
    ],
)
def test_files_that_are_not_xlsx_are_refused(liaison_a1, data, name, message):
    with pytest.raises(ImportRefused, match=message):
        import_file(SHEET, data, user=liaison_a1, filename=name)


def test_a_workbook_with_macros_is_refused(liaison_a1):
    buf = io.BytesIO(workbook([]))
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/vbaProject.bin", b"\x00" * 10)
    with pytest.raises(ImportRefused, match="宏"):
        import_file(SHEET, out.getvalue(), user=liaison_a1, filename="a.xlsx")


def test_a_file_over_the_limit_is_refused(liaison_a1, settings):
    settings.FAZHI_IMPORT_MAX_BYTES = 1024
    with pytest.raises(ImportRefused, match="过大"):
        import_file(SHEET, workbook([["x", "y"]] * 50), user=liaison_a1, filename="a.xlsx")


def test_a_missing_required_column_is_refused(liaison_a1):
    with pytest.raises(ImportRefused, match="缺少必填列“姓名”"):
        import_file(SHEET, workbook([["确山县司法局"]], header=["单位"]), user=liaison_a1, filename="a.xlsx")


def test_a_sheet_without_its_header_row_is_refused(liaison_a1):
    wb = Workbook()
    ws = wb.active
    ws.title = "人员"
    ws["A3"], ws["B3"] = "确山县司法局", "张三"
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(ImportRefused, match="缺少必填列“单位”"):
        import_file(SHEET, buf.getvalue(), user=liaison_a1, filename="a.xlsx")


def test_a_workbook_whose_sheet_is_cut_short_is_refused_and_nothing_is_written(liaison_a1, unit_a1):
    good = workbook([["确山县司法局", f"人员{i}"] for i in range(50)])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = body[: len(body) * 2 // 3]
            dst.writestr(item, body)
    with pytest.raises(ImportRefused, match="文件可能已损坏"):
        import_file(SHEET, out.getvalue(), user=liaison_a1, filename="a.xlsx")
    assert not Person.objects.exists()


def test_a_formula_is_never_imported_only_its_cached_result_as_plain_text(liaison_a1, unit_a1):
    data = workbook([["确山县司法局", "张三", "=HYPERLINK(\"http://x\",\"点我\")"]])
    assert import_file(SHEET, data, user=liaison_a1, filename="a.xlsx").ok
    assert Person.objects.get().position == ""  # openpyxl saves no cached result


def test_the_template_has_the_headers_and_a_drop_down(db):
    ws = load_workbook(io.BytesIO(template(SHEET)))["人员"]
    assert [c.value for c in ws[1]] == ["单位*", "姓名*", "职务", "电话", "身份证号", "负责人"]
    assert ws.data_validations.dataValidation[0].formula1 == '"是,否"'


def test_exports_mask_personal_data_and_defuse_formulas(liaison_a1, unit_a1):
    Person.objects.create(unit=unit_a1, name="张三丰", position="=HYPERLINK(\"http://x\")", phone="13812345678", id_number="11010519491231002X")
    ws = load_workbook(io.BytesIO(export(SHEET, Person.objects.all(), user=liaison_a1))).active
    row = [c.value for c in ws[2]]
    assert row[1] == "张某某" and row[3] == "138****5678" and row[4] == "110105**********2X"
    assert row[2].startswith("'=")
    assert Entry.objects.filter(action=Action.EXPORT).exists()


def test_the_xlsx_screens_follow_the_roles(client_for, auditor, leader, liaison_a1):
    # Any register's sheet: reconsideration's is mounted at /reconsideration/.
    assert client_for(auditor).get("/reconsideration/template.xlsx").status_code == 403
    assert client_for(auditor).get("/reconsideration/export.xlsx").status_code == 403
    assert client_for(leader).get("/reconsideration/import/").status_code == 403
    assert client_for(leader).get("/reconsideration/export.xlsx").status_code == 200
    assert client_for(liaison_a1).get("/reconsideration/import/").status_code == 200


def test_the_api_schema_needs_a_signed_in_user(client, liaison_a1, client_for):
    assert client.get("/api/schema/").status_code in (401, 403)
    assert client_for(liaison_a1).get("/api/schema/").status_code == 200
