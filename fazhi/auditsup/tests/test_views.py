"""The audit supervision screens and API: forms, scope, the computed cut."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from fazhi.auditsup.models import AuditProject, SettlementReview

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/auditsup/",
        "/auditsup/checks/",
        "/auditsup/settlements/?year=2022",
        "/auditsup/figures/?year=2022",
        "/auditsup/settlements/template.xlsx",
        "/auditsup/settlements/export.xlsx",
        "/auditsup/xlsx/template.xlsx",
    ],
)
def test_every_screen_opens(client_for, coordinator, url):
    assert client_for(coordinator).get(url).status_code == 200


def test_a_review_is_recorded_with_its_cut_and_listed(
    client_for, liaison_a1, unit_a1, django_assert_max_num_queries
):
    client = client_for(liaison_a1)
    response = client.post(
        "/auditsup/settlements/new/",
        {
            "unit": unit_a1.pk,
            "project": "老旧小区改造",
            "reviewed_on": "2022-09-15",
            "reviewer": "县审计局",
            "submitted_amount": "5230000",
            "approved_amount": "4870000",
        },
    )
    assert response.status_code == 302
    assert SettlementReview.objects.get().amount_cut == Decimal("360000.00")
    with django_assert_max_num_queries(8):
        page = client.get("/auditsup/settlements/?year=2022").content.decode()
    assert "老旧小区改造" in page and "360,000.00" in page


def test_a_review_that_raises_the_amount_is_refused_in_chinese(client_for, liaison_a1, unit_a1):
    response = client_for(liaison_a1).post(
        "/auditsup/settlements/new/",
        {
            "unit": unit_a1.pk,
            "project": "x",
            "reviewed_on": "2022-09-15",
            "reviewer": "县审计局",
            "submitted_amount": "100",
            "approved_amount": "101",
        },
    )
    assert response.status_code == 200 and "大于送审金额" in response.content.decode()
    assert not SettlementReview.objects.exists()


def test_outsiders_get_404_and_leaders_403(
    client_for, liaison_a1, liaison_a2, coordinator_b, leader, unit_a1
):
    p = AuditProject.objects.create(
        unit=unit_a1, year=2022, kind="budget", title="预算执行审计", started_on=date(2022, 3, 1)
    )
    for outsider in (liaison_a2, coordinator_b):
        client = client_for(outsider)
        assert client.get(f"/auditsup/{p.pk}/").status_code == 404
        assert client.get(f"/api/auditsup/projects/{p.pk}/").status_code == 404
        assert "预算执行审计" not in client.get("/auditsup/").content.decode()
    client = client_for(leader)
    assert "预算执行审计" in client.get("/auditsup/").content.decode()
    assert client.get(f"/auditsup/{p.pk}/").status_code == 403
    assert client.get("/auditsup/settlements/new/").status_code == 403
    response = client.patch(
        f"/api/auditsup/projects/{p.pk}/", {"title": "改"}, content_type="application/json"
    )
    assert response.status_code == 403


def test_the_api_computes_the_cut_and_refuses_impossible_amounts(client_for, liaison_a1, unit_a1):
    client = client_for(liaison_a1)
    body = {
        "unit": unit_a1.pk,
        "project": "道路",
        "reviewed_on": "2022-05-01",
        "submitted_amount": "1000.00",
        "approved_amount": "800.00",
        "amount_cut": "1.00",
    }
    response = client.post("/api/auditsup/settlements/", body, content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["amount_cut"] == "200.00"
    response = client.post(
        "/api/auditsup/settlements/",
        {**body, "approved_amount": "1000.01"},
        content_type="application/json",
    )
    assert response.status_code == 400 and "大于送审金额" in str(response.json())
    assert SettlementReview.objects.count() == 1
