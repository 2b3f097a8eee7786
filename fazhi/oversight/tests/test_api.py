"""API: scope, read-only roles, and moves through apply()."""

from __future__ import annotations

import pytest

from fazhi.oversight.rules import TaskState
from fazhi.oversight.tests.test_models import assigned_suggestion, proposed
from fazhi.testing import version_of

pytestmark = pytest.mark.django_db


def test_the_office_approves_a_task_through_the_api(
    client_for, coordinator, liaison_a2, leader, county_a, unit_a1
):
    task = proposed(coordinator, county_a, unit_a1)
    assert client_for(liaison_a2).get(f"/api/supervision/{task.pk}/").status_code == 404
    r = client_for(leader).post(
        f"/api/supervision/{task.pk}/transition/",
        {"version": version_of(task), "action": "approve", "on": "2023-03-02", "approved_by": "县长"},
    )
    assert r.status_code == 403
    r = client_for(coordinator).post(
        f"/api/supervision/{task.pk}/transition/", {"version": version_of(task), "action": "approve", "on": "2023-03-02"}
    )
    assert r.status_code == 400
    r = client_for(coordinator).post(
        f"/api/supervision/{task.pk}/transition/",
        {"version": version_of(task), "action": "approve", "on": "2023-03-02", "approved_by": "县长"},
    )
    assert r.status_code == 200 and r.json()["state"] == TaskState.APPROVED


def test_suggestions_are_masked_and_scoped(
    client_for, coordinator, liaison_a1, coordinator_b, county_a, unit_a1
):
    s = assigned_suggestion(coordinator, county_a, unit_a1)
    data = client_for(liaison_a1).get(f"/api/suggestions/{s.pk}/").json()
    assert data["proposer"] == "李某某"
    assert client_for(coordinator_b).get(f"/api/suggestions/{s.pk}/").status_code == 404
