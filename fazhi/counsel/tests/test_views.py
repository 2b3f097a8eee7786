import io
from datetime import date

import pytest
from openpyxl import Workbook

from fazhi.counsel.models import Counsel, Opinion
from fazhi.decisions.models import Decision
from fazhi.litigation.tests.factories import make_lawsuit


def _add(county, unit, by, n):
    """n advisers serving two units, each with opinions on a decision and a lawsuit."""
    for i in range(n):
        a = Counsel.objects.create(
            unit=unit, kind="adviser", name="王建平", firm="天中所", start_on=date(2022, 1, 1)
        )
        a.served_units.set([county, unit])
        d = Decision.objects.create(unit=county, year=2022, title=f"决策{n}{i}")
        suit = make_lawsuit(unit, by=by, year=2022)
        for extra in (
            {"subject": "decision", "decision": d},
            {"subject": "lawsuit", "lawsuit": suit},
        ):
            Opinion.objects.create(
                unit=county, counsel=a, given_on=date(2022, 5, 1), title="意见", **extra
            )


@pytest.mark.django_db
def test_the_list_links_opinions_to_their_records_in_few_queries(
    client_for, coordinator, county_a, unit_a1, django_assert_max_num_queries
):
    _add(county_a, unit_a1, coordinator, 4)
    c = client_for(coordinator)
    c.get("/")  # the session's first request does the sign-in bookkeeping
    with django_assert_max_num_queries(12):
        page = c.get("/counsel/").content.decode()
    assert "决策43" in page and "豫1725行初" in page
    few = len(_capture(c))
    _add(county_a, unit_a1, coordinator, 3)
    assert len(_capture(c)) == few


def _capture(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/counsel/").status_code == 200
    return ctx.captured_queries


@pytest.mark.django_db
def test_the_list_masks_names_and_shows_units_without_counsel(
    client_for, coordinator, county_a, unit_a1, unit_a2
):
    Counsel.objects.create(
        unit=unit_a1, kind="public_lawyer", name="李文博", start_on=date(2020, 1, 1)
    )
    body = client_for(coordinator).get("/counsel/").content.decode()
    assert "李文博" not in body
    assert "确山县市场监督管理局" in body


@pytest.mark.django_db
def test_an_outsider_does_not_see_a1s_counsel(client_for, liaison_a2, unit_a1):
    Counsel.objects.create(
        unit=unit_a1,
        kind="public_lawyer",
        name="李文博",
        start_on=date(2020, 1, 1),
        licence_no="X-778899",
    )
    assert "X-778899" not in client_for(liaison_a2).get("/counsel/export.xlsx").content.decode(
        "latin-1"
    )


def _xlsx(rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["聘任（所在）单位", "类别", "姓名", "律师事务所", "聘期开始", "聘期结束"])
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    buf.name = "counsel.xlsx"
    return buf


@pytest.mark.django_db
def test_an_import_with_one_bad_row_names_it_and_saves_nothing(client_for, liaison_a1, unit_a1):
    f = _xlsx(
        [
            [
                "确山县司法局",
                "法律顾问",
                "王建平",
                "河南天中律师事务所",
                "2024-01-01",
                "2024-12-31",
            ],
            ["确山县司法局", "法律顾问", "张三", "", "2024-01-01", "2023-12-31"],
        ]
    )
    r = client_for(liaison_a1).post("/counsel/import/", {"file": f})
    body = r.content.decode()
    assert "律师事务所" in body and "早于开始日期" in body
    assert Counsel.objects.count() == 0


@pytest.mark.django_db
def test_a_good_import_creates_the_rows(client_for, liaison_a1, unit_a1):
    f = _xlsx([["确山县司法局", "公职律师", "王建平", "", "2024-01-01", ""]])
    r = client_for(liaison_a1).post("/counsel/import/", {"file": f})
    assert r.status_code == 302
    assert Counsel.objects.get().kind == "public_lawyer"


@pytest.mark.django_db
def test_an_opinion_is_registered_linked_to_a_decision(client_for, coordinator, county_a):
    a = Counsel.objects.create(
        unit=county_a, kind="adviser", name="王建平", firm="天中所", start_on=date(2022, 1, 1)
    )
    d = Decision.objects.create(unit=county_a, year=2022, title="供热规划")
    data = {
        "unit": county_a.pk,
        "counsel": a.pk,
        "given_on": "2022-05-01",
        "subject": "decision",
        "title": "合法性审查意见",
    }
    c = client_for(coordinator)
    r = c.post("/counsel/opinions/new/", data)
    assert r.status_code == 200 and "须关联重大行政决策" in r.content.decode()
    assert not Opinion.objects.exists()
    assert c.post("/counsel/opinions/new/", {**data, "decision": d.pk}).status_code == 302
    assert Opinion.objects.get().decision == d


@pytest.mark.django_db
def test_a_leader_cannot_register_an_opinion(client_for, leader):
    assert client_for(leader).get("/counsel/opinions/new/").status_code == 403


@pytest.mark.django_db
def test_an_auditor_cannot_read_the_register(client_for, auditor):
    assert client_for(auditor).get("/counsel/").status_code == 403
