"""The xlsx sheets: document drafts, and the other items legally reviewed."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from fazhi.normdocs.models import Document, ReviewItem

pytestmark = pytest.mark.django_db

REVIEW_HEADERS = ["送审单位", "审核事项类别", "事项名称", "收到日期", "审核完成日期", "审核意见"]


def _xlsx(headers, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(headers)
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    buf.name = "import.xlsx"
    return buf


def test_review_items_are_imported(client_for, liaison_a1, unit_a1):
    f = _xlsx(
        REVIEW_HEADERS,
        [
            [
                "确山县司法局",
                "合同（行政协议）",
                "供热特许经营协议",
                "2022-03-01",
                "2022-03-08",
                "同意",
            ],
            ["确山县司法局", "会议议题", "常务会议议题", "2022-03-02", "", ""],
        ],
    )
    r = client_for(liaison_a1).post("/normdocs/reviews/import/", {"file": f})
    assert r.status_code == 302
    items = ReviewItem.objects.order_by("received_on")
    assert [(i.kind, i.opinion) for i in items] == [("contract", "pass"), ("agenda", "")]


def test_a_bad_review_row_is_named_and_nothing_is_saved(client_for, liaison_a1, unit_a1):
    f = _xlsx(
        REVIEW_HEADERS,
        [
            ["确山县司法局", "合同（行政协议）", "协议", "2022-03-01", "2022-03-08", "同意"],
            # Reviewed without an opinion, and before it was received.
            ["确山县司法局", "其他文件", "通知", "2022-03-05", "2022-03-01", ""],
        ],
    )
    body = client_for(liaison_a1).post("/normdocs/reviews/import/", {"file": f}).content.decode()
    assert '<td class="num">3</td>' in body
    assert "未写入任何记录" in body and "早于收到日期" in body
    assert not ReviewItem.objects.exists()


def test_a_normative_document_review_cannot_be_imported(client_for, liaison_a1, unit_a1):
    f = _xlsx(REVIEW_HEADERS, [["确山县司法局", "行政规范性文件", "办法", "2022-03-01", "", ""]])
    body = client_for(liaison_a1).post("/normdocs/reviews/import/", {"file": f}).content.decode()
    assert "未写入任何记录" in body
    assert not ReviewItem.objects.exists()


def test_the_export_holds_the_documents_the_user_sees(client_for, liaison_a1, liaison_a2, unit_a1):
    Document.objects.create(unit=unit_a1, title="租赁办法", drafted_on=date(2022, 1, 1))

    def titles(user):
        r = client_for(user).get("/normdocs/export.xlsx")
        ws = load_workbook(io.BytesIO(r.content)).active
        return [row[1] for row in ws.iter_rows(min_row=2, values_only=True)]

    assert "租赁办法" in titles(liaison_a1)
    assert "租赁办法" not in titles(liaison_a2)
