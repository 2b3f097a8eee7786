"""The xlsx sheets: cases (bulk, history) and certificates; all or nothing; masked export."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from fazhi.enforcement.importing import CASE_SHEET, CERTIFICATE_SHEET
from fazhi.enforcement.models import Case, Certificate
from fazhi.enforcement.rules import CaseState
from fazhi.enforcement.tests.helpers import deadline
from fazhi.kit.tests.sheets import xlsx
from fazhi.kit.xlsx import export, import_file, template
from fazhi.org.models import Person

pytestmark = pytest.mark.django_db

CASE_HEADERS = [
    "执法单位",
    "执法类别",
    "当事人",
    "案由（事项）",
    "立案（受理）日期",
    "重大执法决定",
    "法制审核日期",
    "法制审核通过",
    "决定（办结）日期",
    "公示日期",
]
CERT_HEADERS = [
    "执法单位",
    "姓名",
    "公民身份号码",
    "人员类别",
    "证件编号",
    "执法领域",
    "发证机关",
    "发证日期",
    "有效期至",
]




def test_the_case_template_has_the_importable_columns_only():
    headers = [
        c.value for c in load_workbook(io.BytesIO(template(CASE_SHEET)))[CASE_SHEET.title][1]
    ]
    assert "执法单位*" in headers and "执法类别*" in headers
    assert "状态" not in headers and "逾期公示" not in headers


def test_a_case_import_sets_each_state_from_the_dates_and_opens_running_periods(
    coordinator, unit_a1, unit_a2
):
    data = xlsx(
        CASE_SHEET.title,
        CASE_HEADERS,
        [
            "确山县司法局",
            "行政处罚",
            "张三丰",
            "无证经营",
            "2024-09-02",
            "否",
            None,
            None,
            "2024-09-27",
            "2024-10-14",
        ],
        [
            "QS-SCJ",
            "行政许可",
            "某某公司",
            "食品经营许可",
            "2024-09-02",
            "是",
            "2024-09-05",
            "是",
            "2024-09-06",
            None,
        ],
        [
            "QS-SCJ",
            "行政处罚",
            "李四光",
            "销售过期食品",
            "2024-09-02",
            "否",
            None,
            None,
            None,
            None,
        ],
    )
    result = import_file(CASE_SHEET, data, user=coordinator, filename="cases.xlsx")
    assert result.ok, result.errors
    published = Case.objects.get(party_name="张三丰")
    assert (published.state, published.publication_due, published.published_late) == (
        CaseState.PUBLISHED,
        date(2024, 10, 12),
        True,
    )
    decided = Case.objects.get(party_name="某某公司")
    assert decided.state == CaseState.DECIDED
    # 7 working days from Friday 6 Sept 2024: the make-up Saturday 14th counts, Mid-Autumn 15–17 does not.
    assert deadline(decided, "enforcement_publication_permit_penalty").due_date == date(2024, 9, 18)
    still_open = Case.objects.get(party_name="李四光")
    assert deadline(still_open, "penalty_decision") is not None


def test_a_bad_row_refuses_the_whole_case_file_naming_row_and_column(coordinator, unit_a1):
    data = xlsx(
        CASE_SHEET.title,
        CASE_HEADERS,
        [
            "确山县司法局",
            "行政处罚",
            "张三丰",
            "无证经营",
            "2024-09-02",
            "否",
            None,
            None,
            "2024-09-27",
            None,
        ],
        [
            "确山县司法局",
            "行政处罚",
            "李四光",
            "x",
            "2024-09-02",
            "是",
            None,
            None,
            "2024-09-27",
            None,
        ],
        ["确山县司法局", "罚款", "王五", "x", "2024-13-02", "否", None, None, None, None],
        ["泌阳县人民政府", "行政处罚", "赵六", "x", "2024-09-02", "否", None, None, None, None],
    )
    result = import_file(CASE_SHEET, data, user=coordinator, filename="cases.xlsx")
    assert not result.ok
    messages = {(e.row, e.column): e.message for e in result.errors}
    assert "法制审核" in messages[(3, "重大执法决定")]
    assert "不是可选值" in messages[(4, "执法类别")]
    assert "不是有效日期" in messages[(4, "立案（受理）日期")]
    assert "不在您的管辖范围" in messages[(5, "执法单位")]
    assert not Case.objects.exists()


def test_a_certificate_import_finds_or_creates_the_holder(coordinator, unit_a1):
    Person.objects.create(unit=unit_a1, name="张三丰")
    data = xlsx(
        CERTIFICATE_SHEET.title,
        CERT_HEADERS,
        [
            "确山县司法局",
            "张三丰",
            None,
            "行政执法人员",
            "豫A001",
            "司法行政",
            "河南省人民政府",
            "2021-06-01",
            "2031-05-31",
        ],
        [
            "确山县司法局",
            "李四光",
            None,
            "行政执法监督人员",
            "豫J001",
            "执法监督",
            "河南省人民政府",
            "2021-06-01",
            "2031-05-31",
        ],
    )
    result = import_file(CERTIFICATE_SHEET, data, user=coordinator, filename="c.xlsx")
    assert result.ok, result.errors
    assert Person.objects.count() == 2
    assert Certificate.objects.get(number="豫A001").person.name == "张三丰"


def test_a_duplicate_certificate_number_refuses_the_import(coordinator, unit_a1):
    data = xlsx(
        CERTIFICATE_SHEET.title,
        CERT_HEADERS,
        [
            "确山县司法局",
            "张三丰",
            None,
            "行政执法人员",
            "豫A001",
            "x",
            "河南省人民政府",
            "2021-06-01",
            "2031-05-31",
        ],
        [
            "确山县司法局",
            "李四光",
            None,
            "行政执法人员",
            "豫A002",
            "x",
            "河南省人民政府",
            "2021-06-01",
            "2020-05-31",
        ],
    )
    result = import_file(CERTIFICATE_SHEET, data, user=coordinator, filename="c.xlsx")
    assert not result.ok
    assert any("有效期至" in e.message for e in result.errors)
    assert not Certificate.objects.exists() and not Person.objects.exists()


def test_exports_mask_parties_and_holders(coordinator, unit_a1):
    from fazhi.enforcement.tests.helpers import case, certificate

    case(coordinator, unit_a1)
    cert = certificate(coordinator, unit_a1)
    cert.person.id_number = "110101199003074514"
    cert.person.save()
    rows = list(load_workbook(io.BytesIO(export(CASE_SHEET, Case.objects.all()))).active.values)
    assert rows[1][3] == "李某某"
    cert_rows = list(
        load_workbook(
            io.BytesIO(export(CERTIFICATE_SHEET, Certificate.objects.all()))
        ).active.values
    )
    assert cert_rows[1][1] == "张某某"
    assert "199003" not in str(cert_rows[1][2])
