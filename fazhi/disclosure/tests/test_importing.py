"""xlsx import of requests and proactive items: all or nothing, deadlines started, masked export."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from openpyxl import load_workbook

from fazhi.disclosure.importing import ITEM_SHEET, SHEET
from fazhi.disclosure.models import ProactiveItem, Request
from fazhi.disclosure.tests.helpers import deadline
from fazhi.kit.tests.sheets import xlsx
from fazhi.kit.xlsx import export, import_file

pytestmark = pytest.mark.django_db


REQ_HEADERS = ["答复机关", "申请人", "申请人类型", "申请公开的内容", "收到申请日期"]


def test_imported_requests_start_their_reply_period_and_export_masked(coordinator, unit_a1):
    data = xlsx(
        SHEET.title, REQ_HEADERS, [unit_a1.name, "王小明", "自然人", "预算", datetime(2024, 9, 20)]
    )
    result = import_file(SHEET, data, user=coordinator)
    assert result.ok and result.created == 1
    req = Request.objects.get()
    assert deadline(req).due_date.isoformat() == "2024-10-23"
    ws = load_workbook(io.BytesIO(export(SHEET, Request.objects.all(), user=coordinator))).active
    values = [c.value for row in ws.iter_rows() for c in row]
    assert "王某某" in values and "王小明" not in values


def test_a_bad_row_refuses_the_whole_file_naming_row_and_column(coordinator, unit_a1, unit_a2):
    data = xlsx(
        SHEET.title,
        REQ_HEADERS,
        [unit_a1.name, "王小明", "自然人", "预算", datetime(2024, 9, 20)],
        [unit_a2.name, "", "外星人", "预算", "昨天"],
    )
    result = import_file(SHEET, data, user=coordinator)
    assert not result.ok
    columns = {(e.row, e.column) for e in result.errors}
    assert (
        (3, "申请人") in columns and (3, "申请人类型") in columns and (3, "收到申请日期") in columns
    )
    assert Request.objects.count() == 0


def test_items_are_bulk_imported_all_or_nothing(coordinator, liaison_a2, unit_a1):
    headers = ["公开单位", "类别", "标题", "公开日期"]
    rows = [[unit_a1.name, "政策文件", f"文件{i}", datetime(2024, 3, 1)] for i in range(30)]
    assert (
        import_file(ITEM_SHEET, xlsx(ITEM_SHEET.title, headers, *rows), user=coordinator).created
        == 30
    )
    # Another unit's liaison may not import for A1: refused, nothing added.
    result = import_file(ITEM_SHEET, xlsx(ITEM_SHEET.title, headers, *rows), user=liaison_a2)
    assert not result.ok and "公开单位" in {e.column for e in result.errors}
    assert ProactiveItem.objects.count() == 30
