"""The REST API: scoped like the screens; workflow moves go through apply()."""

from __future__ import annotations

import json
from datetime import date

import pytest

from fazhi.reconsideration.models import Application, SuperiorCase
from fazhi.reconsideration.rules import State
from fazhi.reconsideration.tests.helpers import received
from fazhi.testing import version_of

pytestmark = pytest.mark.django_db


def _post(client, url: str, data: dict):
    return client.post(url, json.dumps(data), content_type="application/json")


@pytest.fixture
def app_a1(coordinator, unit_a1):
    return received(coordinator, unit_a1)


def test_the_list_is_scoped_and_masks_applicants(client_for, coordinator, liaison_a2, app_a1):
    rows = client_for(coordinator).get("/api/reconsideration/").json()
    rows = rows.get("results", rows)
    assert [r["applicant"] for r in rows] == ["张某某"]
    assert "applicant_name" not in rows[0]
    other = client_for(liaison_a2).get("/api/reconsideration/").json()
    assert other.get("results", other) == []


def test_outsiders_get_404(client_for, liaison_a2, coordinator_b, app_a1):
    for user in (liaison_a2, coordinator_b):
        c = client_for(user)
        assert c.get(f"/api/reconsideration/{app_a1.pk}/").status_code == 404
        assert (
            _post(
                c,
                f"/api/reconsideration/{app_a1.pk}/transition/",
                {"version": version_of(app_a1), "action": "accept", "on": "2023-03-02", "procedure": "ordinary"},
            ).status_code
            == 404
        )


def test_the_leader_gets_403_on_writes(client_for, leader, app_a1, unit_a1):
    c = client_for(leader)
    assert (
        _post(
            c,
            f"/api/reconsideration/{app_a1.pk}/transition/",
            {"version": version_of(app_a1), "action": "accept", "on": "2023-03-02", "procedure": "ordinary"},
        ).status_code
        == 403
    )
    assert (
        _post(
            c,
            "/api/reconsideration/",
            {
                "applicant_name": "王五",
                "respondent": unit_a1.pk,
                "act": "处罚",
                "received_on": "2023-03-01",
            },
        ).status_code
        == 403
    )


def test_creating_registers_a_received_case(client_for, coordinator, unit_a1):
    response = _post(
        client_for(coordinator),
        "/api/reconsideration/",
        {
            "applicant_name": "王五",
            "respondent": unit_a1.pk,
            "act": "行政处罚决定",
            "received_on": "2023-03-01",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["state"] == State.RECEIVED and body["applicant"] == "王某某"
    assert "accept" in body["allowed_actions"]


def test_a_transition_goes_through_apply(client_for, coordinator, app_a1):
    response = _post(
        client_for(coordinator),
        f"/api/reconsideration/{app_a1.pk}/transition/",
        {"version": version_of(app_a1), "action": "accept", "on": "2023-03-02", "procedure": "ordinary"},
    )
    assert response.status_code == 200, response.content
    assert response.json()["state"] == State.ACCEPTED
    assert Application.objects.get().accepted_on == date(2023, 3, 2)


def test_state_cannot_be_written_directly(client_for, coordinator, app_a1):
    c = client_for(coordinator)
    response = c.patch(
        f"/api/reconsideration/{app_a1.pk}/",
        json.dumps({"state": "decided", "note": "备注", "version": app_a1.version}),
        content_type="application/json",
    )
    assert response.status_code == 200
    app = Application.objects.get()
    assert app.state == State.RECEIVED and app.note == "备注"


def test_bad_moves_answer_400_in_chinese_and_change_nothing(client_for, coordinator, app_a1):
    c = client_for(coordinator)
    unknown = _post(
        c, f"/api/reconsideration/{app_a1.pk}/transition/", {"version": version_of(app_a1), "action": "fly", "on": "2023-03-02"}
    )
    assert unknown.status_code == 400 and "未知操作" in unknown.content.decode()
    wrong = _post(
        c,
        f"/api/reconsideration/{app_a1.pk}/transition/",
        {"version": version_of(app_a1), "action": "decide", "on": "2023-03-02", "outcome": "uphold"},
    )
    assert wrong.status_code == 400 and "不能执行" in wrong.content.decode()
    future = _post(
        c,
        f"/api/reconsideration/{app_a1.pk}/transition/",
        {"version": version_of(app_a1), "action": "accept", "on": "2099-03-02", "procedure": "ordinary"},
    )
    assert future.status_code == 400 and "晚于今天" in future.content.decode()
    assert Application.objects.get().state == State.RECEIVED


def test_superior_cases_are_validated(client_for, coordinator, county_a):
    c = client_for(coordinator)
    bad = _post(
        c,
        "/api/reconsideration-superior/",
        {
            "respondent": county_a.pk,
            "superior_body": "驻马店市人民政府",
            "applicant_name": "赵六",
            "act": "征收决定",
            "accepted_on": "2023-05-01",
            "closed_on": "2023-04-01",
            "outcome": "uphold",
        },
    )
    assert bad.status_code == 400 and "审结日期不能早于受理日期" in bad.content.decode()
    assert not SuperiorCase.objects.exists()
