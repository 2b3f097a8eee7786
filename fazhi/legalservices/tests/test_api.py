"""The legal services API: scoped like the screens; legal aid moves through apply()."""

from __future__ import annotations

import pytest

from fazhi.legalservices.models import AidApplication, Notarisation
from fazhi.legalservices.rules import State
from fazhi.legalservices.tests.factories import make_aid
from fazhi.testing import version_of

pytestmark = pytest.mark.django_db


def test_an_application_is_registered_and_decided(client_for, liaison_a1, unit_a1):
    client = client_for(liaison_a1)
    response = client.post(
        "/api/legalservices/aid/",
        {
            "unit": unit_a1.pk,
            "applicant_name": "张三",
            "received_on": "2022-03-01",
            "matter_kind": "civil",
            "claim": "wages",
            "migrant_worker": True,
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (
        body["applicant_masked"] == "张某某"
        and body["green_channel"] is True
        and "applicant_name" not in body
    )
    moved = client.post(
        f"/api/legalservices/aid/{body['id']}/transition/",
        {"action": "approve", "on": "2022-03-05", "version": AidApplication.objects.get().version},
        content_type="application/json",
    )
    assert moved.status_code == 200 and moved.json()["decision_on_time"] is True
    assert AidApplication.objects.get().state == State.APPROVED


def test_outsiders_get_404_and_the_leader_403(
    client_for, liaison_a1, liaison_a2, coordinator_b, leader, unit_a1
):
    app = make_aid(unit_a1, liaison_a1)
    for user in (liaison_a2, coordinator_b):
        assert client_for(user).get(f"/api/legalservices/aid/{app.pk}/").status_code == 404
    response = client_for(leader).post(
        f"/api/legalservices/aid/{app.pk}/transition/",
        {"action": "approve", "on": "2022-03-02"},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_a_notarisation_in_the_future_is_refused_in_chinese(client_for, liaison_a1, unit_a1):
    response = client_for(liaison_a1).post(
        "/api/legalservices/notarisations/",
        {
            "unit": unit_a1.pk,
            "kind": "succession",
            "applicant_name": "张三",
            "issued_on": "2099-01-01",
        },
        content_type="application/json",
    )
    assert response.status_code == 400 and "未来" in response.content.decode()
    assert not Notarisation.objects.exists()


def test_a_notarisation_for_another_unit_is_refused(client_for, liaison_a2, unit_a1):
    response = client_for(liaison_a2).post(
        "/api/legalservices/notarisations/",
        {
            "unit": unit_a1.pk,
            "kind": "succession",
            "applicant_name": "张三",
            "issued_on": "2022-01-01",
        },
        content_type="application/json",
    )
    assert response.status_code in (400, 403)
    assert not Notarisation.objects.exists()


def test_the_receipt_date_is_fixed_once_the_review_period_runs(client_for, liaison_a1, unit_a1):
    app = make_aid(unit_a1, liaison_a1)
    client = client_for(liaison_a1)
    response = client.patch(
        f"/api/legalservices/aid/{app.pk}/",
        {"received_on": "2022-02-01", "version": version_of(app)},
        content_type="application/json",
    )
    assert response.status_code == 400 and "登记后不能修改" in response.content.decode()
    ok = client.patch(
        f"/api/legalservices/aid/{app.pk}/",
        {"summary": "拖欠工资三个月", "version": version_of(app)},
        content_type="application/json",
    )
    assert ok.status_code == 200
    app.refresh_from_db()
    assert app.received_on.isoformat() == "2022-03-01" and app.summary == "拖欠工资三个月"


def test_an_application_cannot_be_deleted(client_for, liaison_a1, unit_a1):
    app = make_aid(unit_a1, liaison_a1)
    url = f"/api/legalservices/aid/{app.pk}/"
    assert client_for(liaison_a1).delete(url, HTTP_IF_MATCH=f'"{version_of(app)}"').status_code == 403
    assert AidApplication.objects.filter(pk=app.pk).exists()
