"""Screens for the published rules: leniency lists with their items, and scoring sheets
with weighted criteria. Created and changed on the screens, scoped, refused clearly."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from fazhi.enforcement.models import (
    Criterion,
    FileReview,
    LeniencyItem,
    LeniencyList,
    ReviewSheet,
)
from fazhi.enforcement.rules import CaseKind, CriterionTier, LeniencyKind
from fazhi.enforcement.tests.helpers import case, sheet

pytestmark = pytest.mark.django_db


def _formset(prefix: str, rows: list[dict], total: int | None = None, initial: int = 0) -> dict:
    """The POST of a formset as the browser sends it (`initial`: rows shown pre-filled)."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(total or len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        for k, v in row.items():
            data[f"{prefix}-{i}-{k}"] = v
    return data


def _list_post(unit, items: list[dict], initial: int = 0, **over) -> dict:
    return {
        "unit": unit.pk,
        "kind": LeniencyKind.FIRST,
        "title": "确山县市场监管领域首违不罚事项清单",
        "document_number": "确市监〔2024〕3号",
        "published_on": "2024-03-15",
        **over,
        **_formset("items", items, initial=initial),
    }


ITEM = {
    "violation": "未按规定公示营业执照",
    "legal_basis": "行政处罚法第33条",
    "conditions": "首次违法",
}


def _lenient_list(by, unit, published_on=date(2022, 3, 15)) -> LeniencyList:
    return LeniencyList.save_with_items(
        by=by,
        instance=LeniencyList(
            unit=unit, kind=LeniencyKind.FIRST, title="首违不罚清单", published_on=published_on
        ),
        items=[ITEM, {**ITEM, "violation": "未按规定办理年度报告"}],
    )


# ------------------------------------------------------------------ leniency lists


def test_a_leniency_list_is_created_on_the_screen_with_its_items(client_for, liaison_a1, unit_a1):
    c = client_for(liaison_a1)
    assert c.get("/enforcement/leniency/new/").status_code == 200
    response = c.post(
        "/enforcement/leniency/new/",
        _list_post(unit_a1, [ITEM, {"violation": "", "legal_basis": "", "conditions": ""}]),
    )
    lst = LeniencyList.objects.get()
    assert (
        response.status_code == 302 and response["Location"] == f"/enforcement/leniency/{lst.pk}/"
    )
    assert [i.violation for i in lst.items.all()] == ["未按规定公示营业执照"]
    assert lst.items.get().unit == unit_a1
    page = c.get(f"/enforcement/leniency/{lst.pk}/").content.decode()
    assert "未按规定公示营业执照" in page and "首违不罚" in page


@pytest.mark.parametrize(
    "items, over, message",
    [
        ([], {}, "清单至少应有一项事项"),
        ([{**ITEM, "legal_basis": ""}], {}, "第1项：请填写法律依据"),
        ([ITEM, ITEM], {}, "与第1项重复"),
        ([ITEM], {"published_on": "2999-01-01"}, "晚于今天"),
        ([ITEM], {"title": "   "}, "清单名称"),
    ],
)
def test_a_bad_leniency_list_is_refused_in_chinese_and_nothing_is_written(
    client_for, coordinator, unit_a1, items, over, message
):
    response = client_for(coordinator).post(
        "/enforcement/leniency/new/", _list_post(unit_a1, items, **over)
    )
    assert response.status_code == 200 and message in response.content.decode()
    assert not LeniencyList.objects.exists() and not LeniencyItem.objects.exists()


def test_editing_a_list_changes_adds_and_removes_items(client_for, coordinator, unit_a1):
    lst = _lenient_list(coordinator, unit_a1)
    first, second = lst.items.order_by("id")
    c = client_for(coordinator)
    assert "未按规定办理年度报告" in c.get(f"/enforcement/leniency/{lst.pk}/edit/").content.decode()
    data = _list_post(
        unit_a1,
        [
            {"id": first.pk, **ITEM, "conditions": "首次违法且及时改正"},
            {"id": second.pk, **ITEM, "violation": "未按规定办理年度报告", "DELETE": "on"},
            {"violation": "未按规定悬挂标识", "legal_basis": "某条例", "conditions": "首次"},
        ],
        initial=2,
        published_on="2022-03-15",
    )
    assert c.post(f"/enforcement/leniency/{lst.pk}/edit/", data).status_code == 302
    assert [(i.violation, i.conditions) for i in lst.items.order_by("id")] == [
        ("未按规定公示营业执照", "首次违法且及时改正"),
        ("未按规定悬挂标识", "首次"),
    ]


def test_an_item_cases_were_decided_under_cannot_be_removed_nor_the_list_postdated(
    coordinator, unit_a1
):
    lst = _lenient_list(coordinator, unit_a1)
    item = lst.items.order_by("id").first()
    c = case(coordinator, unit_a1, kind=CaseKind.PENALTY, opened_on=date(2022, 5, 1))
    c.apply(
        "decide",
        by=coordinator,
        on=date(2022, 5, 10),
        no_penalty=True,
        leniency_item=item,
        full_record=True,
    )
    rows = [
        {
            "id": i.pk,
            "violation": i.violation,
            "legal_basis": i.legal_basis,
            "conditions": i.conditions,
        }
        for i in lst.items.order_by("id")
    ]
    with pytest.raises(ValidationError, match="已有1件案件适用，不能删除"):
        LeniencyList.save_with_items(
            by=coordinator, instance=lst, items=[{**rows[0], "delete": True}, rows[1]]
        )
    lst.published_on = date(2022, 6, 1)
    with pytest.raises(ValidationError, match="公布日期不能晚于该日期"):
        LeniencyList.save_with_items(by=coordinator, instance=lst, items=rows)
    assert LeniencyList.objects.get().published_on == date(2022, 3, 15)
    assert LeniencyItem.objects.count() == 2


def test_the_list_page_shows_the_cases_decided_under_it(
    client_for, coordinator, liaison_a2, unit_a1
):
    lst = _lenient_list(coordinator, unit_a1)
    c = case(
        coordinator,
        unit_a1,
        kind=CaseKind.PENALTY,
        opened_on=date(2022, 5, 1),
        party_name="张三丰",
        number="确司罚〔2022〕8号",
    )
    c.apply(
        "decide",
        by=coordinator,
        on=date(2022, 5, 10),
        no_penalty=True,
        leniency_item=lst.items.first(),
        full_record=True,
    )
    page = client_for(coordinator).get(f"/enforcement/leniency/{lst.pk}/").content.decode()
    assert "确司罚〔2022〕8号" in page and "张某某" in page and "张三丰" not in page
    assert "（1件）" in page


def test_a_superiors_list_is_readable_below_but_editable_only_by_its_unit(
    client_for, coordinator, liaison_a1, liaison_a2, coordinator_b, leader, county_a, unit_a1
):
    county_list = _lenient_list(coordinator, county_a)
    own = _lenient_list(coordinator, unit_a1)
    a1 = client_for(liaison_a1)
    assert a1.get(f"/enforcement/leniency/{county_list.pk}/").status_code == 200
    assert a1.get(f"/enforcement/leniency/{county_list.pk}/edit/").status_code == 403
    assert a1.get(f"/enforcement/leniency/{own.pk}/edit/").status_code == 200
    for outsider in (liaison_a2, coordinator_b):
        assert client_for(outsider).get(f"/enforcement/leniency/{own.pk}/").status_code == 404
        assert client_for(outsider).get(f"/enforcement/leniency/{own.pk}/edit/").status_code == 404
    assert client_for(leader).get(f"/enforcement/leniency/{own.pk}/").status_code == 200
    assert client_for(leader).get(f"/enforcement/leniency/{own.pk}/edit/").status_code == 403
    assert client_for(leader).get("/enforcement/leniency/new/").status_code == 403
    # A liaison cannot publish a list for a unit outside its own.
    refused = a1.post("/enforcement/leniency/new/", _list_post(county_a, [ITEM]))
    assert refused.status_code == 200 and LeniencyList.objects.count() == 2


# ------------------------------------------------------------------ scoring sheets

CRITERIA = [
    {"tier": CriterionTier.VETO, "text": "执法人员不足2人", "points": ""},
    {"tier": CriterionTier.FORM, "text": "卷面规范", "points": "20"},
    {"tier": CriterionTier.SUBSTANCE, "text": "事实清楚、证据确凿", "points": "50"},
    {"tier": CriterionTier.SUBSTANCE, "text": "适用法律正确", "points": "30"},
]


def _sheet_post(unit, rows, initial: int = 0, **over) -> dict:
    return {
        "unit": unit.pk,
        "name": "2024年度行政处罚案卷评查标准",
        "year": "2024",
        **over,
        **_formset("criteria", rows, total=len(rows) + 1, initial=initial),
    }


def test_a_scoring_sheet_is_made_on_the_screen_and_files_are_scored_with_it(
    client_for, coordinator, county_a, unit_a1
):
    c = client_for(coordinator)
    assert c.get("/enforcement/reviews/sheets/new/").status_code == 200
    response = c.post("/enforcement/reviews/sheets/new/", _sheet_post(county_a, CRITERIA))
    s = ReviewSheet.objects.get()
    assert (
        response.status_code == 302
        and response["Location"] == f"/enforcement/reviews/sheets/{s.pk}/"
    )
    assert [(x.order, x.tier, x.points) for x in s.criteria.all()] == [
        (1, "veto", Decimal(0)),
        (2, "form", Decimal(20)),
        (3, "substance", Decimal(50)),
        (4, "substance", Decimal(30)),
    ]
    assert "计分项目合计" in c.get(f"/enforcement/reviews/sheets/{s.pk}/").content.decode()
    assert s.name in c.get("/enforcement/reviews/sheets/").content.decode()
    form = s.criteria.get(order=2)
    c.post(
        f"/enforcement/reviews/new/{s.pk}/",
        {
            "unit": unit_a1.pk,
            "file_number": "F-1",
            "reviewed_on": "2024-05-01",
            "reviewers": "张三、李四",
            f"deduct_{form.pk}": "25",
        },
    )
    assert FileReview.objects.get().score == 80  # the deduction is capped at the item's 20


@pytest.mark.parametrize(
    "rows, message",
    [
        (
            [{**CRITERIA[1], "points": "0"}, CRITERIA[2], {**CRITERIA[3], "points": "50"}],
            "分值应大于0",
        ),
        (
            [{**CRITERIA[1], "points": "-5"}, CRITERIA[2], {**CRITERIA[3], "points": "55"}],
            "分值应大于0",
        ),
        (CRITERIA[1:3], "合计为70分，应为100分"),
        ([CRITERIA[0]], "至少应有一项计分项目"),
        ([{**CRITERIA[1], "tier": ""}, CRITERIA[2], CRITERIA[3]], "第1项：请选择类别"),
        ([{**CRITERIA[1], "text": ""}, CRITERIA[2], CRITERIA[3]], "评查内容不能为空"),
    ],
)
def test_bad_weights_are_refused_clearly_and_nothing_is_written(
    client_for, coordinator, county_a, rows, message
):
    response = client_for(coordinator).post(
        "/enforcement/reviews/sheets/new/", _sheet_post(county_a, rows)
    )
    assert response.status_code == 200 and message in response.content.decode()
    assert not ReviewSheet.objects.exists() and not Criterion.objects.exists()


def test_a_sheet_is_revised_until_files_are_scored_with_it_then_only_renamed(
    client_for, coordinator, county_a, unit_a1
):
    s = sheet(coordinator, county_a)
    c = client_for(coordinator)
    url = f"/enforcement/reviews/sheets/{s.pk}/edit/"
    assert "裁量适当" in c.get(url).content.decode()
    edited = _sheet_post(county_a, CRITERIA, initial=6, name="修订后的标准")
    assert c.post(url, edited).status_code == 302
    s.refresh_from_db()
    assert s.name == "修订后的标准" and s.criteria.count() == 4
    FileReview.record(
        by=coordinator,
        unit=unit_a1,
        sheet=s,
        file_number="F-1",
        reviewed_on=date(2024, 5, 1),
        reviewers="张三",
    )
    changed = [*CRITERIA[:3], {**CRITERIA[3], "text": "适用法律正确、程序合法"}]
    refused = c.post(url, _sheet_post(county_a, changed, initial=4))
    assert refused.status_code == 200 and "评查项目和分值不能修改" in refused.content.decode()
    assert s.criteria.get(order=4).text == "适用法律正确"
    assert (
        c.post(url, _sheet_post(county_a, CRITERIA, initial=4, name="再次改名")).status_code == 302
    )
    s.refresh_from_db()
    assert s.name == "再次改名" and FileReview.objects.get().score == 100


def test_sheets_are_scoped_like_the_other_records(
    client_for, coordinator, liaison_a1, liaison_a2, coordinator_b, leader, county_a, unit_a1
):
    county_sheet = sheet(coordinator, county_a)
    own = sheet(liaison_a1, unit_a1)
    a1 = client_for(liaison_a1)
    assert a1.get(f"/enforcement/reviews/sheets/{county_sheet.pk}/").status_code == 200
    assert a1.get(f"/enforcement/reviews/sheets/{county_sheet.pk}/edit/").status_code == 403
    for outsider in (liaison_a2, coordinator_b):
        assert client_for(outsider).get(f"/enforcement/reviews/sheets/{own.pk}/").status_code == 404
    assert client_for(leader).get(f"/enforcement/reviews/sheets/{own.pk}/edit/").status_code == 403
    assert client_for(leader).get("/enforcement/reviews/sheets/new/").status_code == 403
    listing = client_for(coordinator).get("/enforcement/reviews/sheets/").content.decode()
    assert listing.count("2022年度行政处罚案卷评查标准") == 2  # the county's and A1's below it
    # The reviews page offers the sheets made below the focus unit too (e.g. the 司法局's).
    assert (
        f"/enforcement/reviews/new/{own.pk}/"
        in client_for(coordinator).get("/enforcement/reviews/").content.decode()
    )
