"""The decisions API: scoped like the screens; steps move only through apply()."""

from __future__ import annotations

import json
from datetime import date

import pytest

from fazhi.deadlines.models import Deadline
from fazhi.decisions.models import Catalogue, Decision, DecisionStep

pytestmark = pytest.mark.django_db


def _post(client, url: str, data: dict):
    return client.post(url, json.dumps(data), content_type="application/json")


@pytest.fixture
def decision(county_a):
    cat = Catalogue.objects.create(unit=county_a, year=2022, published_on=date(2022, 2, 1))
    return Decision.objects.create(unit=county_a, catalogue=cat, year=2022, title="供热规划")


def test_the_list_is_scoped(client_for, coordinator, coordinator_b, decision):
    rows = client_for(coordinator).get("/api/decisions/").json()
    rows = rows.get("results", rows)
    assert [r["title"] for r in rows] == ["供热规划"]
    other = client_for(coordinator_b).get("/api/decisions/").json()
    assert other.get("results", other) == []


def test_outsiders_get_404_and_the_leader_403(
    client_for, liaison_a2, coordinator_b, leader, decision
):
    url = f"/api/decisions/{decision.pk}/transition/"
    body = {"action": "risk", "on": "2022-03-01", "conclusion": "低风险"}
    for user in (liaison_a2, coordinator_b):
        assert client_for(user).get(f"/api/decisions/{decision.pk}/").status_code == 404
        assert _post(client_for(user), url, body).status_code == 404
    assert _post(client_for(leader), url, body).status_code == 403
    assert not DecisionStep.objects.exists()


def test_opening_the_comment_period_puts_it_on_the_due_list(client_for, coordinator, decision):
    r = _post(
        client_for(coordinator),
        f"/api/decisions/{decision.pk}/transition/",
        {"action": "open_comment", "on": "2022-03-01", "end_on": "2022-04-01", "version": decision.version},
    )
    assert r.status_code == 200, r.content
    assert r.json()["comment_start_on"] == "2022-03-01"
    deadline = Deadline.objects.for_record(decision).get()
    # 30 days from 2022-03-01 (the first day not counted) is Thursday 2022-03-31.
    assert deadline.period.code == "decision_public_comment"
    assert deadline.due_date == date(2022, 3, 31)


def test_a_step_out_of_order_is_refused_with_a_chinese_message_and_changes_nothing(
    client_for, coordinator, decision
):
    r = _post(
        client_for(coordinator),
        f"/api/decisions/{decision.pk}/transition/",
        {"action": "collective", "on": "2022-03-01", "meeting_kind": "政府常务会议", "version": decision.version},
    )
    assert r.status_code == 400
    assert "合法性审查" in "".join(r.json()["detail"])
    decision.refresh_from_db()
    assert decision.state == "drafting" and not decision.steps.exists()


def test_creating_a_decision_in_another_countys_catalogue_is_refused(
    client_for, coordinator, county_a, county_b
):
    other = Catalogue.objects.create(unit=county_b, year=2022)
    r = _post(
        client_for(coordinator),
        "/api/decisions/",
        {"unit": county_a.pk, "catalogue": other.pk, "year": 2022, "title": "规划"},
    )
    assert r.status_code == 400
    assert "目录" in json.dumps(r.json(), ensure_ascii=False)
    assert not Decision.objects.exists()


def test_a_coordinator_creates_a_decision_in_the_catalogue(
    client_for, coordinator, county_a, decision
):
    r = _post(
        client_for(coordinator),
        "/api/decisions/",
        {"unit": county_a.pk, "catalogue": decision.catalogue_id, "year": 2022, "title": "规划"},
    )
    assert r.status_code == 201, r.content
    assert r.json()["state"] == "drafting"
    assert "open_comment" in r.json()["allowed_actions"]


def test_the_list_queries_do_not_grow_with_the_decisions(client_for, coordinator, decision):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    c = client_for(coordinator)
    c.get("/api/decisions/")

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert c.get("/api/decisions/").status_code == 200
        return len(ctx.captured_queries)

    few = count()
    for i in range(4):
        d = Decision.objects.create(
            unit=decision.unit, catalogue=decision.catalogue, year=2022, title=f"规划{i}"
        )
        d.apply("risk", by=coordinator, on=date(2022, 3, 1), conclusion="低风险")
    assert count() == few


def test_a_move_from_a_stale_version_is_refused_and_changes_nothing(
    client_for, coordinator, decision
):
    stale = decision.version
    decision.apply("risk", by=coordinator, on=date(2022, 3, 1), conclusion="低风险")
    r = _post(
        client_for(coordinator),
        f"/api/decisions/{decision.pk}/transition/",
        {"action": "expert", "on": "2022-03-02", "form": "论证会", "version": stale},
    )
    assert r.status_code == 409
    assert "已被其他人修改" in "".join(r.json()["detail"])
    assert list(decision.steps.values_list("step", flat=True)) == ["risk"]
