"""Every register's sheet survives export → edit → import (issue 19, point 3).

The sheets are not listed here: `xlsx_views.MOUNTED` holds every sheet a register
mounts, so a new register's sheet is tested as soon as its URLs exist. For each one the
template's example row is imported into the demo county, exported for editing, edited,
the records deleted, the edited file imported again, and exported once more: the second
export must be the edited first one, cell for cell (full names and phone numbers too).
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db.models.deletion import ProtectedError
from django.test import RequestFactory
from openpyxl import load_workbook

import fazhi.urls  # noqa: F401 - mounting the URLs fills MOUNTED
from fazhi.core.management.commands.demo import build_county, create_users
from fazhi.kit.xlsx import Sheet, export, export_for_editing, import_file, template
from fazhi.kit.xlsx_views import MOUNTED
from fazhi.org.scope import visible_to

EDITED = "已修改（往返测试）"


def _mediation_committee(ctx: Any) -> None:
    from fazhi.mediation.models import Committee

    Committee.objects.create(unit=ctx.unit("竹沟镇人民政府"), name="竹沟镇人民调解委员会", level="township")


def _decision_catalogue(ctx: Any) -> None:
    from fazhi.decisions.models import Catalogue

    Catalogue.objects.create(unit=ctx.county, year=2022, title="确山县人民政府2022年度重大行政决策事项目录")


def _village(ctx: Any) -> None:
    from fazhi.org.models import Unit, UnitKind

    Unit.objects.create(name="竹沟东村", code="QS-ZG-T1", kind=UnitKind.VILLAGE, parent=ctx.unit("竹沟镇人民政府"))


def _review_sheet(ctx: Any) -> None:
    from fazhi.enforcement.tests.helpers import sheet

    made = sheet(ctx.users["coordinator"], ctx.county)
    made.name = "确山县2022年度行政处罚案卷评查标准"  # the template's example
    made.save()


def _assessment_system(ctx: Any) -> None:
    from django.core.management import call_command

    from fazhi.assessment.models import System
    from fazhi.assessment.services import create_sheet

    call_command("assessment_load", verbosity=0)
    create_sheet(
        system=System.objects.get(code="shifan-2021"),
        unit=ctx.unit("确山县司法局"),
        year=2022,
        by=ctx.users["coordinator"],
        on=date(2023, 1, 10),
    )


# What a sheet's example row refers to and the demo county does not have.
PREREQUISITES = {
    "矛盾纠纷": _mediation_committee,
    "重大行政决策事项": _decision_catalogue,
    "法律明白人": _village,
    "案卷评查结果": _review_sheet,
    "人工评分": _assessment_system,
}


@pytest.fixture
def county(db: None) -> Any:
    ctx = build_county()
    create_users(ctx)
    return ctx


def _request(user: Any) -> Any:
    request = RequestFactory().get("/")
    request.user = user
    request.session = SessionStore()
    return request


def _cells(data: bytes) -> list[list[Any]]:
    ws = load_workbook(io.BytesIO(data)).worksheets[0]
    return [[c.value for c in row] for row in ws.iter_rows()]


def _workbook(rows: list[list[Any]], title: str) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _editable_column(sheet: Sheet) -> int | None:
    """A free-text column every row may change: the one the test edits."""
    for i, col in enumerate(sheet.import_columns):
        if col.kind == "text" and not col.required and not col.personal and col.read is None:
            return i
    return None


def _delete_all(model: Any) -> None:
    """The imported records, and what protects them (a list item's first adjustment)."""
    try:
        model.objects.all().delete()
    except ProtectedError as exc:
        for obj in exc.protected_objects:
            obj.delete()
        model.objects.all().delete()


@pytest.mark.parametrize("key", sorted(MOUNTED))
def test_a_register_sheet_comes_back_from_its_export_for_editing(county: Any, key: str) -> None:
    sheet, rows = MOUNTED[key]
    user = county.users["coordinator"]
    if sheet.title in PREREQUISITES:
        PREREQUISITES[sheet.title](county)
    first = import_file(sheet, template(sheet), user=user)
    assert first.ok, first.errors
    assert first.created >= 1

    def exported() -> bytes:
        qs = visible_to(user, rows(_request(user)), write=True)
        return export_for_editing(sheet, list(qs), user=user)

    original = _cells(exported())
    assert len(original) == 1 + first.created
    edited = [list(r) for r in original]
    column = _editable_column(sheet)
    if column is not None:
        edited[1][column] = EDITED

    _delete_all(sheet.model)
    again = import_file(sheet, _workbook(edited, sheet.title), user=user, filename="修改后.xlsx")
    assert again.ok, again.errors
    assert again.created == first.created
    assert _cells(exported()) == edited


def test_the_export_for_editing_has_full_personal_data_and_the_published_one_masks_it(county: Any) -> None:
    sheet, rows = MOUNTED["/reconsideration/#行政复议申请"]
    user = county.users["coordinator"]
    assert import_file(sheet, template(sheet), user=user).ok
    qs = list(rows(_request(user)))
    full = _cells(export_for_editing(sheet, qs, user=user))
    published = _cells(export(sheet, qs, user=user))
    assert "13800000000" in full[1] and "张三" in full[1]
    assert "13800000000" not in published[1] and "张三" not in published[1]


def test_text_that_looks_like_a_formula_comes_back_as_the_same_text(county: Any) -> None:
    from fazhi.reconsideration.models import Application

    sheet, rows = MOUNTED["/reconsideration/#行政复议申请"]
    user = county.users["coordinator"]
    assert import_file(sheet, template(sheet), user=user).ok
    Application.objects.update(note="=1+1", received_on=date(2024, 1, 31))
    data = export_for_editing(sheet, list(rows(_request(user))), user=user)
    ws = load_workbook(io.BytesIO(data)).worksheets[0]
    note = [c for c in ws[2] if c.value == "=1+1"]
    assert note and note[0].data_type == "s"
