"""Importing publicity activities and study sessions: all or nothing."""

from __future__ import annotations

import pytest

from fazhi.kit.tests.sheets import xlsx
from fazhi.kit.xlsx import ImportRefused, import_file
from fazhi.publicity.importing import ACTIVITY_SHEET, STUDY_SHEET
from fazhi.publicity.models import Activity, StudySession

pytestmark = pytest.mark.django_db

HEADER = [
    "主办单位",
    "活动名称",
    "活动日期",
    "活动形式",
    "普法对象",
    "受教育群众（人次）",
    "发放资料（份、册）",
]


def workbook(header: list[str], rows: list[list[object]]) -> bytes:
    return xlsx("Sheet", header, *rows)


def test_it_imports_activities(unit_a1, liaison_a1):
    rows = [
        ["确山县司法局", f"送法下乡{i}", "2022-05-01", "送法下乡", "进乡村", 200, 300]
        for i in range(3)
    ]
    result = import_file(ACTIVITY_SHEET, workbook(HEADER, rows), user=liaison_a1)
    assert result.ok, result.errors
    assert Activity.objects.count() == 3


def test_a_bad_row_refuses_every_row(unit_a1, liaison_a1):
    rows = [
        ["确山县司法局", "送法下乡", "2022-05-01", "送法下乡", "进乡村", 200, 300],
        ["确山县司法局", "", "2099-05-01", "跳舞", "进乡村", -3, "很多"],
    ]
    result = import_file(ACTIVITY_SHEET, workbook(HEADER, rows), user=liaison_a1)
    assert not result.ok and not Activity.objects.exists()
    columns = {e.column for e in result.errors if e.row == 3}
    assert {"活动名称", "活动形式", "发放资料（份、册）"} <= columns


def test_a_file_without_a_required_column_is_refused(unit_a1, liaison_a1):
    with pytest.raises(ImportRefused, match="缺少必填列"):
        import_file(
            ACTIVITY_SHEET,
            workbook(["主办单位", "活动名称"], [["确山县司法局", "x"]]),
            user=liaison_a1,
        )


def test_it_imports_study_sessions(county_a, coordinator):
    header = ["单位", "学法日期", "学法形式", "学习内容", "学时"]
    result = import_file(
        STUDY_SHEET,
        workbook(header, [["确山县人民政府", "2022-01-12", "政府常务会议学法", "民法典", 0.5]]),
        user=coordinator,
    )
    assert result.ok, result.errors
    assert StudySession.objects.get().kind == "executive"
