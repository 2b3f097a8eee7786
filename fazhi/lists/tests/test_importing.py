"""xlsx of the lists: items as first compiled and adjustments, each all or nothing."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from fazhi.kit.tests.sheets import xlsx
from fazhi.kit.xlsx import export, import_file
from fazhi.lists.importing import ADJUSTMENT_SHEET, ITEM_SHEET, import_adjustments
from fazhi.lists.models import ListAdjustment, ListItem
from fazhi.lists.tests.factories import make_item

pytestmark = pytest.mark.django_db

ITEM_HEADER = [
    "清单类别",
    "事项编码",
    "事项名称",
    "实施单位",
    "权力类型",
    "服务类型",
    "设定依据",
    "依据条款",
    "生效日期",
    "文号",
]
ADJ_HEADER = [
    "调整方式",
    "清单类别",
    "事项编码",
    "实施单位",
    "事项名称",
    "权力类型",
    "服务类型",
    "设定依据",
    "依据条款",
    "变更后实施单位",
    "调整日期",
    "调整原因",
    "文号",
]


def workbook(header: list[str], rows: list[list[object]]) -> bytes:
    return xlsx("Sheet", header, *rows)


def item_row(code: str, unit: str = "确山县司法局", **kw: object) -> list[object]:
    row = {
        "清单类别": "权责清单",
        "事项编码": code,
        "事项名称": f"事项{code}",
        "实施单位": unit,
        "权力类型": "行政处罚",
        "服务类型": None,
        "设定依据": "《中华人民共和国律师法》",
        "依据条款": "第五十条",
        "生效日期": "2021-06-30",
        "文号": "确政〔2021〕12号",
    }
    row.update(kw)
    return [row[h] for h in ITEM_HEADER]


def adj_row(action: str, code: str, unit: str = "确山县司法局", **kw: object) -> list[object]:
    row = {h: None for h in ADJ_HEADER}
    row.update(
        {
            "调整方式": action,
            "清单类别": "权责清单",
            "事项编码": code,
            "实施单位": unit,
            "调整日期": "2022-09-30",
            "调整原因": "法律修订",
            "文号": "确政办〔2022〕41号",
        }
    )
    row.update(kw)
    return [row[h] for h in ADJ_HEADER]


def test_items_import_as_the_compiled_list_with_their_first_version(unit_a1, liaison_a1):
    data = workbook(ITEM_HEADER, [item_row("QZ-001"), item_row("QZ-002")])
    result = import_file(ITEM_SHEET, data, user=liaison_a1)
    assert result.ok, result.errors
    assert ListItem.objects.count() == 2
    adj = ListAdjustment.objects.get(item__code="QZ-001")
    assert adj.action == "establish" and adj.document_number == "确政〔2021〕12号"
    assert adj.adjusted_on == date(2021, 6, 30) and adj.after["name"] == "事项QZ-001"


def test_a_bad_item_row_imports_nothing(unit_a1, liaison_a1):
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    rows = [
        item_row("QZ-001"),
        item_row("QZ-002", unit="不存在的局"),
        item_row("QZ-001"),
        item_row("QZ-003", 生效日期=future),
        item_row("QZ-004", 权力类型=None),
    ]
    result = import_file(ITEM_SHEET, workbook(ITEM_HEADER, rows), user=liaison_a1)
    assert not result.ok
    assert not ListItem.objects.exists() and not ListAdjustment.objects.exists()
    by_row = {(e.row, e.column): e.message for e in result.errors}
    assert "不存在或不在您的管辖范围内" in by_row[(3, "实施单位")]
    assert "在本文件中重复" in by_row[(4, "事项编码")]
    assert "晚于今天" in by_row[(5, "生效日期")]
    assert "权力类型" in by_row[(6, "权力类型")]


def test_an_item_code_already_in_force_is_refused(unit_a1, liaison_a1):
    make_item(liaison_a1, unit_a1, code="QZ-001")
    result = import_file(ITEM_SHEET, workbook(ITEM_HEADER, [item_row("QZ-001")]), user=liaison_a1)
    assert [e.column for e in result.errors] == ["事项编码"]
    assert ListItem.objects.count() == 1


def test_adjustments_apply_in_the_files_order(unit_a1, unit_a2, coordinator):
    make_item(coordinator, unit_a1, code="QZ-001")
    make_item(coordinator, unit_a1, code="QZ-002")
    rows = [
        adj_row(
            "新增",
            "QZ-003",
            事项名称="新事项",
            权力类型="行政检查",
            设定依据="《律师法》",
            调整日期="2022-03-01",
        ),
        adj_row("变更", "QZ-003", 事项名称="新事项（改）", 调整日期="2022-04-01"),
        adj_row("变更", "QZ-001", 变更后实施单位="确山县市场监督管理局"),
        adj_row("取消", "QZ-002"),
    ]
    result = import_adjustments(workbook(ADJ_HEADER, rows), user=coordinator)
    assert result.ok, result.errors
    assert result.created == 4
    assert ListItem.objects.get(code="QZ-003").name == "新事项（改）"
    assert ListItem.objects.get(code="QZ-001").unit == unit_a2
    assert ListItem.objects.get(code="QZ-002").in_force_until == date(2022, 9, 30)


def test_a_bad_adjustment_row_changes_nothing(unit_a1, coordinator):
    item = make_item(coordinator, unit_a1, code="QZ-001")
    make_item(coordinator, unit_a1, code="QZ-002")
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    rows = [
        adj_row("变更", "QZ-001", 事项名称="改名", 调整日期="2022-05-01"),
        adj_row("取消", "QZ-404"),
        adj_row("变更", "QZ-001", 事项名称="再改", 调整日期="2022-04-01"),
        adj_row("取消", "QZ-002", 调整日期=future),
        adj_row(
            "新增",
            "QZ-002",
            事项名称="重复",
            权力类型="行政处罚",
            设定依据="《律师法》",
            调整日期="2022-06-01",
        ),
        adj_row("取消", "QZ-001", 实施单位="不存在的局"),
    ]
    result = import_adjustments(workbook(ADJ_HEADER, rows), user=coordinator)
    assert not result.ok and result.created == 0
    by_row = {(e.row, e.column): e.message for e in result.errors}
    assert "没有在册的事项“QZ-404”，不能取消" in by_row[(3, "事项编码")]
    assert "早于该事项上一次调整（2022-05-01）" in by_row[(4, "调整日期")]
    assert "晚于今天" in by_row[(5, "调整日期")]
    assert "已有在册事项" in by_row[(6, "事项编码")]
    assert "不存在或不在您的管辖范围内" in by_row[(7, "实施单位")]
    item.refresh_from_db()
    assert item.name == "事项QZ-001" and item.version == 1
    assert ListAdjustment.objects.count() == 2


def test_the_adjustments_export_reads_back_as_an_import(unit_a1, coordinator):
    item = make_item(coordinator, unit_a1, code="QZ-001")
    from fazhi.lists.tests.factories import adjust

    adjust("amend", item, coordinator, date(2022, 5, 1), name="改名")
    data = export(ADJUSTMENT_SHEET, ListAdjustment.objects.exclude(action="establish"))
    ws = load_workbook(io.BytesIO(data)).active
    header, row = [c.value for c in ws[1]], [c.value for c in ws[2]]
    values = dict(zip(header, row, strict=True))
    assert header == ADJ_HEADER
    assert values["调整方式"] == "变更" and values["事项编码"] == "QZ-001"
    assert values["实施单位"] == "确山县司法局" and values["事项名称"] == "改名"
    assert values["文号"] == "确政办〔2022〕41号"
