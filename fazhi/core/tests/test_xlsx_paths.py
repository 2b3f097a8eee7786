"""Which checks and which writer an import uses, on models with and without unique rules.

`full_clean()` runs whole for any model with a unique field besides its key or with
`Meta.constraints`; only the checks that cannot refuse a new row are skipped. The same
file gives the same errors either way (see also mediation's test_importing_paths).
"""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from fazhi.kit import xlsx
from fazhi.kit.xlsx import Column, Sheet, import_file
from fazhi.org.models import Person, Unit, UnitKind
from fazhi.publicity.models import ExamResult

pytestmark = pytest.mark.django_db

UNITS = Sheet(
    model=Unit,
    title="单位",
    columns=[
        Column("单位全称", "name", required=True),
        Column("单位代码", "code", required=True),
        Column("单位类型", "kind", kind="choice", choices=UnitKind.choices, required=True),
    ],
)

EXAMS = Sheet(
    model=ExamResult,
    title="学法考试",
    columns=[
        Column("单位", "unit", kind="unit", required=True),
        Column("年度", "year", kind="int", required=True),
        Column("考试名称", "exam", required=True),
        Column("应参考人数", "expected", kind="int", required=True),
        Column("实际参考人数", "took", kind="int", required=True),
        Column("合格人数", "passed", kind="int", required=True),
    ],
)

PEOPLE = Sheet(
    model=Person,
    title="人员",
    columns=[
        Column("单位", "unit", kind="unit", required=True),
        Column("姓名", "name", required=True),
        Column("负责人", "is_principal", kind="bool"),
    ],
)


def workbook(sheet: Sheet, rows: list[list[object]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet.title
    ws.append([c.header for c in sheet.columns])
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.fixture
def plain_orm(monkeypatch):
    def full_clean(self, instance, failed):
        instance.full_clean(exclude=failed or None, validate_unique=not failed)

    monkeypatch.setattr(xlsx._Checks, "full_clean", full_clean)
    monkeypatch.setattr(xlsx._Writer, "_params", lambda self, batch: None)


def errors(result):
    return [(e.row, e.column, e.message) for e in result.errors]


@pytest.mark.parametrize(
    ("model", "unique", "constraints"),
    [(Person, False, False), (Unit, True, False), (ExamResult, False, True)],
)
def test_only_checks_that_cannot_refuse_a_new_row_are_skipped(model, unique, constraints):
    checks = xlsx._Checks(model)
    assert (checks.unique, checks.constraints) == (unique, constraints)


def test_a_unique_field_is_still_checked_against_the_database(coordinator, unit_a1, request):
    data = workbook(UNITS, [["新单位", "QS-SFJ", "部门"], ["另一个新单位", "QS-NEW", "部门"]])
    fast = import_file(UNITS, data, user=coordinator)
    request.getfixturevalue("plain_orm")
    assert errors(fast) == errors(import_file(UNITS, data, user=coordinator))
    assert [(e.row, e.column) for e in fast.errors] == [(2, "单位代码")]
    assert "已存在" in fast.errors[0].message
    assert not Unit.objects.filter(code="QS-NEW").exists()


def test_a_unique_constraint_is_still_checked_against_the_database(liaison_a1, unit_a1, request):
    ExamResult.objects.create(unit=unit_a1, year=2023, exam="学法考试", expected=10, took=9, passed=9)
    data = workbook(EXAMS, [["确山县司法局", 2023, "学法考试", 10, 10, 10], ["确山县司法局", 2024, "学法考试", 10, 10, 10]])
    fast = import_file(EXAMS, data, user=liaison_a1)
    request.getfixturevalue("plain_orm")
    assert errors(fast) == errors(import_file(EXAMS, data, user=liaison_a1))
    assert len(fast.errors) == 1 and fast.errors[0].row == 2
    assert ExamResult.objects.count() == 1


def test_people_are_written_the_same_by_both_writers(liaison_a1, unit_a1, request, monkeypatch):
    monkeypatch.setattr(xlsx, "BATCH", 2)
    rows = [["确山县司法局", f"人员{i}", "是" if i % 2 else None] for i in range(5)]
    data = workbook(PEOPLE, rows)
    assert import_file(PEOPLE, data, user=liaison_a1).created == 5
    fast = list(Person.objects.order_by("id").values("unit_id", "name", "position", "phone", "id_number", "is_principal"))
    Person.objects.all().delete()
    request.getfixturevalue("plain_orm")
    assert import_file(PEOPLE, data, user=liaison_a1).created == 5
    assert fast == list(Person.objects.order_by("id").values("unit_id", "name", "position", "phone", "id_number", "is_principal"))
    assert [p["is_principal"] for p in fast] == [False, True, False, True, False]


def test_a_sheet_that_needs_the_saved_records_gets_them_with_their_keys(liaison_a1, unit_a1):
    seen = []
    sheet = Sheet(model=Person, title="人员", columns=PEOPLE.columns, after_save=lambda saved, ctx: seen.extend(saved))
    result = import_file(sheet, workbook(sheet, [["确山县司法局", "张三"], ["确山县司法局", "李四"]]), user=liaison_a1)
    assert result.created == 2
    assert sorted(p.pk for p in seen) == sorted(Person.objects.values_list("pk", flat=True))
