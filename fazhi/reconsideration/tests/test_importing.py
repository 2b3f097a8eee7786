"""The xlsx template, the all-or-nothing import and the masked export."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from fazhi.kit.tests.sheets import xlsx
from fazhi.kit.xlsx import export, import_file, template
from fazhi.reconsideration.importing import SHEET
from fazhi.reconsideration.models import Application
from fazhi.reconsideration.rules import State
from fazhi.reconsideration.tests.helpers import deadline, received

pytestmark = pytest.mark.django_db

HEADERS = ["申请人", "申请人类型", "被申请人", "申请复议的行政行为", "申请方式", "收到申请日期"]


def _book(*rows: list) -> bytes:
    return xlsx(SHEET.title, HEADERS, *rows)


def test_the_template_has_every_importable_column_and_a_note_sheet():
    wb = load_workbook(io.BytesIO(template(SHEET)))
    headers = [c.value for c in wb[SHEET.title][1]]
    assert "申请人*" in headers and "被申请人*" in headers and "收到申请日期*" in headers
    assert "状态" not in headers  # export only
    assert "填写说明" in wb.sheetnames


def test_an_import_registers_every_row_and_opens_their_reviews(coordinator, unit_a1, unit_a2):
    data = _book(
        ["张三丰", "自然人", "确山县司法局", "行政处罚决定", "邮寄", datetime(2023, 9, 27)],  # noqa: DTZ001 - an Excel cell
        ["某某公司", "法人", "QS-SCJ", "责令停产停业", "网上申请", "2023-10-09"],
    )
    result = import_file(SHEET, data, user=coordinator, filename="a.xlsx")
    assert result.ok and result.created == 2
    first = Application.objects.get(applicant_name="张三丰")
    assert first.state == State.RECEIVED and first.respondent == unit_a1
    assert deadline(first, "recon_acceptance_review").due_date == date(2023, 10, 10)


def test_a_malformed_row_imports_nothing_and_names_the_row_and_column(coordinator, unit_a1):
    data = _book(
        ["张三丰", "自然人", "确山县司法局", "行政处罚决定", "邮寄", "2023-09-27"],
        ["李四光", "外星人", "确山县司法局", "行政处罚决定", "飞鸽传书", "2023-02-30"],
        ["王五", "自然人", "泌阳县公安局", "行政处罚决定", "邮寄", "2099-01-01"],
    )
    result = import_file(SHEET, data, user=coordinator, filename="a.xlsx")
    assert not result.ok and result.created == 0
    errors = {(e.row, e.column) for e in result.errors}
    assert {(3, "申请人类型"), (3, "申请方式"), (3, "收到申请日期"), (4, "被申请人")} <= errors
    assert not Application.objects.exists()


def test_a_future_date_in_a_row_is_refused(coordinator, unit_a1):
    result = import_file(
        SHEET,
        _book(["王五", "自然人", "确山县司法局", "行政处罚决定", "邮寄", "2099-01-01"]),
        user=coordinator,
        filename="a.xlsx",
    )
    assert [(e.row, e.column) for e in result.errors] == [(2, "收到申请日期")]
    assert "晚于今天" in result.errors[0].message
    assert not Application.objects.exists()


def test_a_department_liaison_cannot_import_applications(liaison_a1, unit_a1):
    result = import_file(
        SHEET,
        _book(["王五", "自然人", "确山县司法局", "行政处罚决定", "邮寄", "2023-01-03"]),
        user=liaison_a1,
        filename="a.xlsx",
    )
    assert not result.ok and "复议机关" in result.errors[0].message
    assert not Application.objects.exists()


def test_the_export_masks_applicants_and_phones(coordinator, unit_a1):
    received(coordinator, unit_a1, applicant_name="张三丰", applicant_phone="13812345678")
    wb = load_workbook(io.BytesIO(export(SHEET, Application.objects.all())))
    rows = list(wb.active.iter_rows(values_only=True))
    header, row = rows[0], rows[1]
    values = dict(zip(header, row, strict=True))
    assert values["申请人"] == "张某某"
    assert "12345678" not in str(values["申请人电话"])
    assert values["状态"] == "待审查"


def test_the_import_screen_answers_with_the_errors(client_for, coordinator, unit_a1):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(
        "a.xlsx", _book(["王五", "自然人", "确山县司法局", "行政处罚决定", "邮寄", "不是日期"])
    )
    response = client_for(coordinator).post("/reconsideration/import/", {"file": upload})
    assert response.status_code == 200
    assert "不是有效日期" in response.content.decode()
    assert not Application.objects.exists()
