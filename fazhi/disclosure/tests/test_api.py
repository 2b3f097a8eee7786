"""API: scope, read-only roles, and moves through apply()."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.disclosure.rules import State
from fazhi.disclosure.tests.helpers import received
from fazhi.testing import version_of

pytestmark = pytest.mark.django_db


def test_the_api_lists_masked_and_moves_through_apply(client_for, liaison_a1, coordinator, unit_a1):
    req = received(coordinator, unit_a1, date(2024, 9, 20))
    c = client_for(liaison_a1)
    data = c.get("/api/disclosure/").json()
    rows = data["results"] if isinstance(data, dict) else data
    assert rows[0]["applicant"] == "张某某" and "applicant_name" not in rows[0]
    bad = c.post(
        f"/api/disclosure/{req.pk}/transition/",
        {"action": "reply", "on": "2024-10-08", "reply_type": "x", "version": version_of(req)},
    )
    assert bad.status_code == 400
    ok = c.post(
        f"/api/disclosure/{req.pk}/transition/",
        {"action": "reply", "on": "2024-10-08", "reply_type": "disclosed", "version": version_of(req)},
    )
    assert ok.status_code == 200 and ok.json()["state"] == State.DONE


def test_outsiders_get_404_and_leaders_403(
    client_for, coordinator, liaison_a2, coordinator_b, leader, unit_a1
):
    req = received(coordinator, unit_a1, date(2024, 9, 20))
    for user in (liaison_a2, coordinator_b):
        assert client_for(user).get(f"/api/disclosure/{req.pk}/").status_code == 404
    r = client_for(leader).post(
        f"/api/disclosure/{req.pk}/transition/",
        {"action": "reply", "on": "2024-10-08", "reply_type": "disclosed"},
    )
    assert r.status_code == 403
