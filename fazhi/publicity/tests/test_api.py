"""The publicity API: scoped like the screens, validated by the models."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.publicity.models import Activity

pytestmark = pytest.mark.django_db


def test_an_activity_is_created_and_listed_in_scope(client_for, liaison_a1, liaison_a2, unit_a1):
    response = client_for(liaison_a1).post(
        "/api/publicity/activities/",
        {
            "unit": unit_a1.pk,
            "title": "送法下乡",
            "held_on": "2022-05-01",
            "format": "countryside",
            "target": "villages",
            "audience": 100,
            "materials": 200,
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    rows = client_for(liaison_a2).get("/api/publicity/activities/").json()
    assert not rows.get("results", rows)


def test_a_bad_activity_is_refused_in_chinese(client_for, liaison_a1, unit_a1):
    response = client_for(liaison_a1).post(
        "/api/publicity/activities/",
        {
            "unit": unit_a1.pk,
            "title": "x",
            "held_on": "2099-05-01",
            "format": "countryside",
            "target": "villages",
        },
        content_type="application/json",
    )
    assert response.status_code == 400 and "未来" in response.content.decode()
    assert not Activity.objects.exists()


def test_outsiders_get_404_and_the_leader_403(
    client_for, liaison_a2, coordinator_b, leader, unit_a1
):
    a = Activity.objects.create(
        unit=unit_a1, title="x", held_on=date(2022, 5, 1), format="countryside", target="villages"
    )
    for user in (liaison_a2, coordinator_b):
        assert client_for(user).get(f"/api/publicity/activities/{a.pk}/").status_code == 404
    response = client_for(leader).patch(
        f"/api/publicity/activities/{a.pk}/", {"title": "y"}, content_type="application/json"
    )
    assert response.status_code == 403


def test_law_reports_read_back_masked(client_for, coordinator, unit_a1):
    response = client_for(coordinator).post(
        "/api/publicity/reports/",
        {
            "unit": unit_a1.pk,
            "reported_on": "2022-12-01",
            "person_name": "李文博",
            "position": "局长",
            "form": "meeting",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert (
        response.json()["person_name_masked"] == "李某某" and "person_name" not in response.json()
    )
