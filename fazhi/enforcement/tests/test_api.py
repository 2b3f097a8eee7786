"""The REST API: scoped like the screens; workflow moves go through apply()."""

from __future__ import annotations

import json

import pytest

from fazhi.enforcement.models import Case
from fazhi.enforcement.rules import CaseState
from fazhi.enforcement.tests.helpers import case
from fazhi.testing import version_of

pytestmark = pytest.mark.django_db


def _post(client, url: str, data: dict):
    return client.post(url, json.dumps(data), content_type="application/json")


def test_cases_are_scoped_and_masked(client_for, coordinator, liaison_a2, unit_a1):
    case(coordinator, unit_a1, party_name="张三丰")
    rows = client_for(coordinator).get("/api/enforcement-cases/").json()
    rows = rows.get("results", rows)
    assert [r["party"] for r in rows] == ["张某某"] and "party_name" not in rows[0]
    other = client_for(liaison_a2).get("/api/enforcement-cases/").json()
    assert other.get("results", other) == []


def test_a_transition_through_the_api_uses_apply_and_refuses_bad_moves(
    client_for, coordinator, unit_a1
):
    c = case(coordinator, unit_a1, is_major=True)
    api = client_for(coordinator)
    refused = _post(
        api,
        f"/api/enforcement-cases/{c.pk}/transition/",
        {"action": "decide", "on": "2024-09-20", "version": version_of(c)},
    )
    assert refused.status_code == 400 and "法制审核" in str(refused.json())
    _post(
        api,
        f"/api/enforcement-cases/{c.pk}/transition/",
        {"action": "legal_review", "on": "2024-09-10", "passed": "1", "reviewer": "赵六", "version": version_of(c)},
    )
    ok = _post(
        api,
        f"/api/enforcement-cases/{c.pk}/transition/",
        {"action": "decide", "on": "2024-09-20", "version": version_of(c)},
    )
    assert ok.status_code == 200 and ok.json()["state"] == CaseState.DECIDED


def test_creating_a_case_through_the_api_registers_it(client_for, coordinator, unit_a1):
    r = _post(
        client_for(coordinator),
        "/api/enforcement-cases/",
        {
            "unit": unit_a1.pk,
            "kind": "penalty",
            "party_name": "王五",
            "matter": "x",
            "opened_on": "2024-03-01",
        },
    )
    assert r.status_code == 201 and Case.objects.get().state == CaseState.OPEN


def test_outsiders_get_404_and_the_leader_403(
    client_for, coordinator, liaison_a2, coordinator_b, leader, unit_a1
):
    c = case(coordinator, unit_a1)
    for user in (liaison_a2, coordinator_b):
        assert client_for(user).get(f"/api/enforcement-cases/{c.pk}/").status_code == 404
    r = _post(
        client_for(leader),
        f"/api/enforcement-cases/{c.pk}/transition/",
        {"action": "decide", "on": "2024-09-20"},
    )
    assert r.status_code == 403
