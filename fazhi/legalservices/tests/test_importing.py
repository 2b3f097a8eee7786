"""Importing legal aid applications, notarisations, helpers: all or nothing."""

from __future__ import annotations

import pytest

from fazhi.deadlines.services import deadlines_for
from fazhi.kit.tests.sheets import xlsx
from fazhi.kit.xlsx import import_file
from fazhi.legalservices.importing import AID_SHEET, HELPER_SHEET, NOTARY_SHEET
from fazhi.legalservices.models import AidApplication, LegalHelper, Notarisation
from fazhi.legalservices.rules import State

pytestmark = pytest.mark.django_db


def workbook(header: list[str], rows: list[list[object]]) -> bytes:
    return xlsx("Sheet", header, *rows)


AID_HEADER = ["法律援助机构所在单位", "申请人", "收到申请日期", "案件类别", "援助事项", "农民工"]


def test_it_registers_applications_and_starts_their_review_periods(unit_a1, liaison_a1):
    data = workbook(
        AID_HEADER, [["确山县司法局", "张三", "2022-03-01", "民事", "追索劳动报酬", "是"]]
    )
    result = import_file(AID_SHEET, data, user=liaison_a1)
    assert result.ok, result.errors
    app = AidApplication.objects.get()
    assert app.state == State.RECEIVED and app.green_channel
    assert deadlines_for(app).count() == 1


def test_a_bad_application_row_refuses_the_file(unit_a1, liaison_a1):
    data = workbook(
        AID_HEADER,
        [
            ["确山县司法局", "张三", "2022-03-01", "民事", "追索劳动报酬", "是"],
            ["确山县司法局", "李四", "2022-03-01", "民事", "讨债", "也许"],
        ],
    )
    result = import_file(AID_SHEET, data, user=liaison_a1)
    assert not result.ok
    assert {e.column for e in result.errors} == {"援助事项", "农民工"}
    assert not AidApplication.objects.exists()


def test_an_application_for_another_unit_is_refused(unit_a1, liaison_a2):
    data = workbook(
        AID_HEADER, [["确山县司法局", "张三", "2022-03-01", "民事", "追索劳动报酬", "是"]]
    )
    result = import_file(AID_SHEET, data, user=liaison_a2)
    assert not result.ok and "管辖范围" in result.errors[0].message
    assert not AidApplication.objects.exists()


def test_helpers_must_be_registered_to_villages(coordinator, village_a, township_a):
    header = ["所在村（社区）", "姓名", "确定日期"]
    ok = import_file(
        HELPER_SHEET, workbook(header, [["竹沟村", "张三", "2022-01-01"]]), user=coordinator
    )
    assert ok.ok, ok.errors
    bad = import_file(
        HELPER_SHEET,
        workbook(header, [["竹沟村", "李四", None], ["竹沟镇人民政府", "王五", None]]),
        user=coordinator,
    )
    assert not bad.ok and "不是村（社区）" in bad.errors[0].message and bad.errors[0].row == 3
    assert LegalHelper.objects.count() == 1


def test_notarisations_are_imported_in_bulk(unit_a1, liaison_a1):
    header = ["公证机构所在单位", "公证事项", "申请人", "出证日期"]
    rows = [["确山县司法局", "继承", f"申请人{i}", "2022-05-01"] for i in range(30)]
    result = import_file(NOTARY_SHEET, workbook(header, rows), user=liaison_a1)
    assert result.ok and Notarisation.objects.count() == 30
