"""Importing settlement reviews: the cut is computed; one bad row imports nothing."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from fazhi.auditsup.importing import REVIEW_SHEET
from fazhi.auditsup.models import SettlementReview
from fazhi.kit.tests.sheets import xlsx
from fazhi.kit.xlsx import export, import_file

pytestmark = pytest.mark.django_db

HEADER = ["建设单位", "项目名称", "审定日期", "审核机构", "送审金额（元）", "审定金额（元）"]


def workbook(rows: list[list[object]]) -> bytes:
    return xlsx("Sheet", HEADER, *rows)


def test_reviews_import_with_their_cut_and_export_the_same(unit_a1, liaison_a1):
    rows = [
        ["确山县司法局", "道路工程", "2022-05-01", "县审计局", 5230000, 4870000.5],
        ["确山县司法局", "校舍维修", "2022-06-01", "县审计局", "1000", "1000"],
    ]
    result = import_file(REVIEW_SHEET, workbook(rows), user=liaison_a1)
    assert result.ok, result.errors
    cuts = sorted(SettlementReview.objects.values_list("amount_cut", flat=True))
    assert cuts == [Decimal("0.00"), Decimal("359999.50")]
    ws = load_workbook(
        io.BytesIO(export(REVIEW_SHEET, SettlementReview.objects.order_by("id")))
    ).active
    header = [c.value for c in ws[1]]
    first = dict(zip(header, [c.value for c in ws[2]], strict=True))
    assert first["核减金额（元）"] == 359999.5 and first["送审金额（元）"] == 5230000


def test_a_bad_row_imports_nothing(unit_a1, liaison_a1):
    rows = [
        ["确山县司法局", "道路工程", "2022-05-01", "县审计局", 100, 90],
        ["确山县司法局", "审增工程", "2022-05-01", "县审计局", 100, 120],
        ["确山县司法局", "负数工程", "2022-05-01", "县审计局", -5, 0],
        ["外县单位", "道路工程", "2022-05-01", "县审计局", 100, 90],
    ]
    result = import_file(REVIEW_SHEET, workbook(rows), user=liaison_a1)
    assert not result.ok and not SettlementReview.objects.exists()
    by_row = {(e.row, e.column): e.message for e in result.errors}
    assert "大于送审金额" in by_row[(3, "审定金额（元）")]
    assert by_row[(4, "送审金额（元）")] == "送审金额不能为负数。"
    assert "不存在或不在您的管辖范围内" in by_row[(5, "建设单位")]
