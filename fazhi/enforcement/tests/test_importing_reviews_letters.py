"""The xlsx sheets of case-file reviews (案卷评查结果) and supervision letters
(执法监督意见书): template, import all or nothing with per-row Chinese errors, export."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from fazhi.enforcement.importing import LETTER_SHEET, REVIEW_SHEET
from fazhi.enforcement.models import Deduction, FileReview, SupervisionLetter
from fazhi.enforcement.rules import Grade, LetterState
from fazhi.enforcement.tests.helpers import case, deadline, sheet
from fazhi.kit.tests.sheets import xlsx
from fazhi.kit.xlsx import export, import_file, template

pytestmark = pytest.mark.django_db

SHEET_NAME = "2022年度行政处罚案卷评查标准"  # helpers.sheet: 1-2 veto, 3 form 20, 4-5 30, 6 20
REVIEW_HEADERS = [
    "被评查单位",
    "评查表",
    "案卷号",
    "关联案件案号",
    "评查日期",
    "评查人员",
    "扣分明细",
    "否决项",
    "得分",
    "发现的问题",
]
LETTER_HEADERS = [
    "制发机关",
    "送达单位",
    "文号",
    "制发日期",
    "发现的问题及整改要求",
    "报告整改日期",
    "整改情况",
    "销号日期",
]




def _headers(sheet_def) -> list[str]:
    return [c.value for c in load_workbook(io.BytesIO(template(sheet_def)))[sheet_def.title][1]]


def test_the_templates_have_the_importable_columns_only():
    review = _headers(REVIEW_SHEET)
    assert "评查表*" in review and "扣分明细" in review and "等次" not in review
    letter = _headers(LETTER_SHEET)
    assert "送达单位*" in letter and "状态" not in letter and "逾期报告" not in letter


# ------------------------------------------------------------------ case-file reviews


def test_reviews_are_imported_scored_with_the_sheet_and_keep_their_deductions(
    coordinator, county_a, unit_a1
):
    sheet(coordinator, county_a)
    c = case(coordinator, unit_a1, number="确司罚〔2022〕3号", opened_on=date(2022, 3, 1))
    data = xlsx(
        REVIEW_SHEET.title,
        REVIEW_HEADERS,
        [
            "确山县司法局",
            SHEET_NAME,
            "F-1",
            "确司罚〔2022〕3号",
            "2022-11-15",
            "张三、李四",
            "3:5；4：10",
            None,
            85,
            "文书编号不连续",
        ],
        # Item 6 is worth 20: a deduction of 25 takes it to zero, not below.
        ["确山县司法局", SHEET_NAME, "F-2", None, "2022-11-16", "王五", "6:25", None, None, None],
        ["确山县司法局", SHEET_NAME, "F-3", None, "2022-11-16", "王五", "3:2", "2", None, None],
    )
    result = import_file(REVIEW_SHEET, data, user=coordinator, filename="reviews.xlsx")
    assert result.ok, result.errors
    f1, f2, f3 = FileReview.objects.order_by("file_number")
    assert (f1.score, f1.grade, f1.case) == (85, Grade.GOOD, c)
    assert sorted(d.points for d in f1.deductions.all()) == [5, 10]
    assert (f2.score, f2.grade) == (80, Grade.GOOD)
    assert f2.deductions.get().points == 20
    assert (f3.score, f3.grade, f3.vetoed) == (0, Grade.FAIL, True)


def test_a_bad_review_row_refuses_the_whole_file_naming_row_and_column(
    coordinator, county_a, unit_a1
):
    sheet(coordinator, county_a)
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    data = xlsx(
        REVIEW_SHEET.title,
        REVIEW_HEADERS,
        ["确山县司法局", SHEET_NAME, "F-1", None, "2022-11-15", "张三", "3:5", None, None, None],
        [
            "确山县司法局",
            "不存在的评查表",
            "F-2",
            None,
            "2022-11-15",
            "张三",
            None,
            None,
            None,
            None,
        ],
        ["确山县司法局", SHEET_NAME, "F-3", None, "2022-11-15", "张三", "9:5", None, None, None],
        ["确山县司法局", SHEET_NAME, "F-4", None, "2022-11-15", "张三", "3:-1", None, None, None],
        ["确山县司法局", SHEET_NAME, "F-5", None, "2022-11-15", "张三", "3:5", None, 90, None],
        ["确山县司法局", SHEET_NAME, "F-6", None, "2022-11-15", "张三", None, "3", None, None],
        ["确山县司法局", SHEET_NAME, "F-7", "无此案号", future, None, None, None, None, None],
        ["确山县司法局", SHEET_NAME, "F-8", None, "2022-11-15", "张三", "三扣五", None, None, None],
    )
    result = import_file(REVIEW_SHEET, data, user=coordinator, filename="reviews.xlsx")
    assert not result.ok
    m = {(e.row, e.column): e.message for e in result.errors}
    assert "不存在或不在您的管辖范围" in m[(3, "评查表")]
    assert "没有序号或内容为“9”" in m[(4, "扣分明细")]
    assert "不能为负数" in m[(5, "扣分明细")]
    assert "与按扣分明细计算的95分不一致" in m[(6, "得分")]
    assert "不是否决项" in m[(7, "否决项")]
    assert "没有案号为“无此案号”" in m[(8, "关联案件案号")]
    assert "晚于今天" in m[(8, "评查日期")] and "必填" in m[(8, "评查人员")]
    assert "格式不对" in m[(9, "扣分明细")]
    assert not any(r == 2 for r, _ in m)
    assert not FileReview.objects.exists() and not Deduction.objects.exists()


def test_an_outsider_cannot_import_reviews_of_another_unit_or_with_anothers_sheet(
    coordinator, liaison_a2, county_a, unit_a1
):
    sheet(coordinator, unit_a1)  # A1's own sheet: A2 may neither read nor use it
    data = xlsx(
        REVIEW_SHEET.title,
        REVIEW_HEADERS,
        ["确山县司法局", SHEET_NAME, "F-1", None, "2022-11-15", "张三", None, None, None, None],
    )
    result = import_file(REVIEW_SHEET, data, user=liaison_a2, filename="reviews.xlsx")
    cols = {e.column for e in result.errors}
    assert {"被评查单位", "评查表"} <= cols and not FileReview.objects.exists()


def test_the_review_export_masks_reviewers_and_round_trips_the_deductions(
    coordinator, county_a, unit_a1
):
    s = sheet(coordinator, county_a)
    items = {c.order: c.pk for c in s.criteria.all()}
    FileReview.record(
        by=coordinator,
        unit=unit_a1,
        sheet=s,
        file_number="F-1",
        reviewed_on=date(2022, 11, 1),
        reviewers="张三丰、李四光",
        deductions={items[4]: 3, items[3]: 2},
    )
    book = load_workbook(io.BytesIO(export(REVIEW_SHEET, FileReview.objects.all())))
    header, row = list(book.active.values)[:2]
    got = dict(zip(header, row, strict=True))
    assert got["评查人员"] == "张某某、李某某" and "张三丰" not in str(row)
    assert got["扣分明细"] == "3:2；4:3" and got["得分"] == 95 and got["等次"] == "优秀"


def test_the_review_sheet_screens_import_and_export(
    client_for, coordinator, leader, county_a, unit_a1
):
    sheet(coordinator, county_a)
    c = client_for(coordinator)
    assert c.get("/enforcement/reviews/xlsx/template.xlsx").status_code == 200
    assert c.get("/enforcement/reviews/xlsx/export.xlsx").status_code == 200
    upload = io.BytesIO(
        xlsx(
            REVIEW_SHEET.title,
            REVIEW_HEADERS,
            ["确山县司法局", SHEET_NAME, "F-1", None, "2022-11-15", "张三", None, None, None, None],
        )
    )
    upload.name = "reviews.xlsx"
    assert c.post("/enforcement/reviews/xlsx/import/", {"file": upload}).status_code == 302
    assert FileReview.objects.get().score == 100
    assert client_for(leader).get("/enforcement/reviews/xlsx/import/").status_code == 403


# ------------------------------------------------------------------ supervision letters


def test_letters_are_imported_with_their_state_and_lateness_from_the_dates(
    coordinator, unit_a1, unit_a2
):
    recent = (timezone.localdate() - timedelta(days=5)).isoformat()
    data = xlsx(
        LETTER_SHEET.title,
        LETTER_HEADERS,
        # 30 days from 2024-11-01 (the period row): 2024-12-01 is on time, 12-05 late.
        [
            "确山县司法局",
            "确山县市场监督管理局",
            "确司执监〔2024〕1号",
            "2024-11-01",
            "未按期公示",
            "2024-12-01",
            "已整改",
            "2024-12-10",
        ],
        [
            "确山县司法局",
            "确山县市场监督管理局",
            "确司执监〔2024〕2号",
            "2024-11-01",
            "记录不全",
            "2024-12-05",
            "已补正",
            None,
        ],
        [
            "确山县司法局",
            "确山县市场监督管理局",
            "确司执监〔2024〕3号",
            recent,
            "未经法制审核",
            None,
            None,
            None,
        ],
    )
    result = import_file(LETTER_SHEET, data, user=coordinator, filename="letters.xlsx")
    assert result.ok, result.errors
    closed, reported, running = SupervisionLetter.objects.order_by("number")
    assert (closed.state, closed.reported_late) == (LetterState.CLOSED, False)
    assert (reported.state, reported.reported_late) == (LetterState.REPORTED, True)
    assert running.state == LetterState.ISSUED
    assert deadline(running, "enforcement_rectification").is_open
    assert deadline(closed, "enforcement_rectification") is None


def test_a_bad_letter_row_refuses_the_whole_file_and_changes_nothing(
    coordinator, unit_a1, unit_a2, county_b
):
    data = xlsx(
        LETTER_SHEET.title,
        LETTER_HEADERS,
        ["确山县司法局", "确山县市场监督管理局", "1号", "2024-11-01", "问题", None, None, None],
        [
            "确山县司法局",
            "确山县市场监督管理局",
            "2号",
            "2024-11-01",
            "问题",
            "2024-10-01",
            "已整改",
            None,
        ],
        [
            "确山县司法局",
            "确山县市场监督管理局",
            "3号",
            "2024-11-01",
            "问题",
            None,
            None,
            "2024-12-01",
        ],
        [
            "确山县司法局",
            "确山县市场监督管理局",
            "4号",
            "2024-11-01",
            "问题",
            "2024-11-20",
            None,
            None,
        ],
        ["确山县司法局", "泌阳县人民政府", "5号", "2024-11-01", "问题", None, None, None],
        ["确山县司法局", "确山县市场监督管理局", None, "2024/11/41", None, None, None, None],
    )
    result = import_file(LETTER_SHEET, data, user=coordinator, filename="letters.xlsx")
    m = {(e.row, e.column): e.message for e in result.errors}
    assert "不能早于制发日期" in m[(3, "报告整改日期")]
    assert "尚未报告整改" in m[(4, "销号日期")]
    assert "请填写整改情况" in m[(5, "整改情况")]
    assert "不在您的管辖范围" in m[(6, "送达单位")]
    assert "必填" in m[(7, "文号")] and "不是有效日期" in m[(7, "制发日期")]
    assert "必填" in m[(7, "发现的问题及整改要求")]
    assert not any(r == 2 for r, _ in m)
    assert not SupervisionLetter.objects.exists()


def test_the_letter_sheet_screens(client_for, coordinator, liaison_a2, unit_a1, unit_a2):
    SupervisionLetter.issue(
        by=coordinator,
        issuer=unit_a1,
        recipient=unit_a2,
        number="确司执监〔2024〕9号",
        issued_on=date(2024, 11, 1),
        problems="问题",
    )
    c = client_for(coordinator)
    assert c.get("/enforcement/letters/xlsx/template.xlsx").status_code == 200
    book = load_workbook(io.BytesIO(c.get("/enforcement/letters/xlsx/export.xlsx").content))
    assert "确司执监〔2024〕9号" in str(list(book.active.values))
    # A2 sees the letter it received; an outsider county sees nothing.
    own = load_workbook(
        io.BytesIO(client_for(liaison_a2).get("/enforcement/letters/xlsx/export.xlsx").content)
    )
    assert "确司执监〔2024〕9号" in str(list(own.active.values))
