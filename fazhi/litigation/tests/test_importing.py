from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from fazhi.deadlines.services import deadlines_for
from fazhi.kit.xlsx import export, import_file, template
from fazhi.litigation.importing import SHEET
from fazhi.litigation.models import Lawsuit
from fazhi.litigation.rules import Outcome
from fazhi.litigation.tests.factories import make_lawsuit

pytestmark = pytest.mark.django_db

HEADER = [
    "被告单位*",
    "受理法院*",
    "案号*",
    "案由*",
    "被诉行政行为",
    "原告*",
    "立案日期*",
    "收到起诉状副本日期*",
    "前审案号",
    "关联复议案号",
    "备注",
]


def workbook(rows: list[list[object]], header: list[str] | None = None) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET.title
    ws.append(header or HEADER)
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def row(**over: object) -> list[object]:
    base = {
        "unit": "确山县司法局",
        "court": "确山县人民法院",
        "case_number": "(2023)豫1725行初21号",
        "cause": "行政处罚",
        "act": "",
        "plaintiff": "苏建国",
        "filed": "2023-03-01",
        "received": date(2023, 3, 3),
        "previous": None,
        "reconsideration": None,
        "note": None,
    }
    base.update(over)
    return list(base.values())


def test_the_template_has_the_columns_and_an_example(unit_a1) -> None:
    ws = load_workbook(io.BytesIO(template(SHEET))).worksheets[0]
    headers = [c.value for c in ws[1]]
    assert headers == HEADER
    assert ws["C2"].value == "（2023）豫1725行初12号"


def test_a_valid_file_registers_every_case_and_opens_their_defence_periods(
    unit_a1, liaison_a1
) -> None:
    data = workbook(
        [row(), row(case_number="（2023）豫1725行初22号", plaintiff="某某建材有限公司")]
    )
    result = import_file(SHEET, data, user=liaison_a1, filename="应诉.xlsx")
    assert result.ok, result.errors
    assert result.created == 2
    suit = Lawsuit.objects.get(case_number="（2023）豫1725行初21号")
    assert suit.state == "received"
    assert deadlines_for(suit).get(period__code="litig_defence").due_date == date(
        2023, 3, 18 + 2
    )  # Sat 18th → Mon 20th


def test_a_second_instance_links_to_its_first_by_case_number(unit_a1, liaison_a1) -> None:
    first = make_lawsuit(unit_a1, by=liaison_a1, case_number="（2023）豫1725行初3号")
    first.apply("conclude", by=liaison_a1, on=date(2023, 5, 1), outcome=Outcome.DISMISS_CLAIM)
    data = workbook(
        [
            row(
                case_number="（2023）豫17行终8号",
                court="驻马店市中级人民法院",
                filed="2023-06-01",
                received="2023-06-02",
                previous="(2023)豫1725行初3号",
            )
        ]
    )
    result = import_file(SHEET, data, user=liaison_a1)
    assert result.ok, result.errors
    assert Lawsuit.objects.get(case_number="（2023）豫17行终8号").previous == first


def test_one_bad_row_means_nothing_is_written_and_each_error_names_its_row(
    unit_a1, unit_a2, liaison_a1
) -> None:
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    data = workbook(
        [
            row(),
            row(case_number="豫1725行初22号"),  # malformed case number
            row(
                case_number="（2023）豫1725行初23号", unit="确山县市场监督管理局"
            ),  # not this liaison's unit
            row(case_number="（2023）豫1725行初24号", filed="2023-13-01"),  # not a date
            row(case_number="（2023）豫1725行初25号", received="2023-02-01"),  # before filing
            row(case_number="(2023)豫1725行初21号"),  # duplicate of row 2 after normalising
            row(
                case_number=f"（{future[:4]}）豫1725行初26号", filed=future, received=future
            ),  # future
            row(case_number="（2023）豫1725行初27号", plaintiff=None),  # required
        ]
    )
    result = import_file(SHEET, data, user=liaison_a1)
    assert not result.ok
    assert not Lawsuit.objects.exists()
    by_row = {(e.row, e.column) for e in result.errors}
    assert {
        (3, "案号"),
        (4, "被告单位"),
        (5, "立案日期"),
        (6, "收到起诉状副本日期"),
        (7, "案号"),
        (9, "原告"),
    } <= by_row
    assert any(e.row == 8 and "未来" in e.message for e in result.errors)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in e.message) for e in result.errors)


def test_the_export_masks_the_plaintiff_and_carries_the_outcome(unit_a1, liaison_a1) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1, plaintiff_name="苏建国")
    suit.apply("conclude", by=liaison_a1, on=date(2023, 6, 1), outcome=Outcome.REVOKE)
    ws = load_workbook(io.BytesIO(export(SHEET, Lawsuit.objects.all()))).worksheets[0]
    values = dict(zip([c.value for c in ws[1]], [c.value for c in ws[2]], strict=True))
    assert values["原告"] == "苏某某"
    assert values["裁判结果"] == "判决撤销" and values["胜败诉"] == "败诉"


def test_the_export_view_shows_only_the_users_records(
    unit_a1, unit_a2, liaison_a1, liaison_a2, client_for
) -> None:
    make_lawsuit(unit_a1, by=liaison_a1, case_number="（2023）豫1725行初31号")
    r = client_for(liaison_a2).get("/litigation/export.xlsx")
    ws = load_workbook(io.BytesIO(r.content)).worksheets[0]
    assert ws.max_row == 1
    r = client_for(liaison_a1).get("/litigation/export.xlsx")
    assert load_workbook(io.BytesIO(r.content)).worksheets[0].max_row == 2


def test_the_import_screen_refuses_the_leader(leader, client_for) -> None:
    r = client_for(leader).get("/litigation/import/")
    assert r.status_code == 403
