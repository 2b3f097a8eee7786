"""The counsel API: scoped like the screens; names and phones read back masked."""

from __future__ import annotations

import json
from datetime import date

import pytest

from fazhi.counsel.models import Counsel, Opinion
from fazhi.litigation.tests.factories import make_lawsuit

pytestmark = pytest.mark.django_db


def _post(client, url: str, data: dict):
    return client.post(url, json.dumps(data), content_type="application/json")


def _rows(response):
    data = response.json()
    return data.get("results", data) if isinstance(data, dict) else data


@pytest.fixture
def adviser(unit_a1):
    return Counsel.objects.create(
        unit=unit_a1,
        kind="adviser",
        name="王建平",
        firm="河南天中律师事务所",
        phone="13812345678",
        start_on=date(2022, 1, 1),
    )


def test_names_and_phones_are_masked_and_the_list_is_scoped(
    client_for, liaison_a1, liaison_a2, adviser
):
    rows = _rows(client_for(liaison_a1).get("/api/counsel/"))
    assert rows[0]["masked_name"] == adviser.masked_name
    assert "王建平" not in json.dumps(rows, ensure_ascii=False)
    assert "13812345678" not in json.dumps(rows)
    assert _rows(client_for(liaison_a2).get("/api/counsel/")) == []
    assert client_for(liaison_a2).get(f"/api/counsel/{adviser.pk}/").status_code == 404


def test_the_leader_cannot_register_an_adviser(client_for, leader, unit_a1):
    r = _post(
        client_for(leader),
        "/api/counsel/",
        {"unit": unit_a1.pk, "kind": "public_lawyer", "name": "李文", "start_on": "2022-01-01"},
    )
    assert r.status_code == 403
    assert not Counsel.objects.exists()


def test_an_adviser_without_a_firm_is_refused_in_chinese(client_for, liaison_a1, unit_a1):
    r = _post(
        client_for(liaison_a1),
        "/api/counsel/",
        {"unit": unit_a1.pk, "kind": "adviser", "name": "李文", "start_on": "2022-01-01"},
    )
    assert r.status_code == 400
    assert "律师事务所" in json.dumps(r.json(), ensure_ascii=False)
    assert not Counsel.objects.exists()


def test_an_opinion_is_linked_to_a_lawsuit(client_for, liaison_a1, coordinator, unit_a1, adviser):
    suit = make_lawsuit(unit_a1, by=coordinator, year=2022)
    r = _post(
        client_for(liaison_a1),
        "/api/counsel-opinions/",
        {
            "unit": unit_a1.pk,
            "counsel": adviser.pk,
            "given_on": "2022-04-01",
            "subject": "lawsuit",
            "title": "应诉意见",
            "lawsuit": suit.pk,
        },
    )
    assert r.status_code == 201, r.content
    assert Opinion.objects.get().lawsuit == suit


def test_an_opinion_linked_to_an_unseen_lawsuit_is_refused(
    client_for, liaison_a1, coordinator_b, county_b, unit_a1, adviser
):
    suit = make_lawsuit(county_b, by=coordinator_b, year=2022)
    r = _post(
        client_for(liaison_a1),
        "/api/counsel-opinions/",
        {
            "unit": unit_a1.pk,
            "counsel": adviser.pk,
            "given_on": "2022-04-01",
            "subject": "lawsuit",
            "title": "应诉意见",
            "lawsuit": suit.pk,
        },
    )
    assert r.status_code == 400
    assert not Opinion.objects.exists()


def test_the_uncovered_units_are_those_of_the_indicator(
    client_for, coordinator, county_a, unit_a1, unit_a2, township_a, adviser
):
    got = client_for(coordinator).get("/api/counsel/uncovered/?year=2022").json()
    names = {u["name"] for u in got["units"]}
    assert unit_a1.name not in names
    assert {county_a.name, unit_a2.name, township_a.name} <= names
