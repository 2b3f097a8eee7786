from __future__ import annotations

from datetime import date

import pytest

from fazhi.litigation.models import Hearing, Lawsuit
from fazhi.litigation.rules import State
from fazhi.litigation.tests.factories import make_lawsuit
from fazhi.testing import make_person, version_of

pytestmark = pytest.mark.django_db

NEW = {
    "court": "确山县人民法院",
    "case_number": "(2023)豫1725行初9号",
    "cause": "行政赔偿",
    "plaintiff_name": "苏建国",
    "filed_on": "2023-03-01",
    "received_on": "2023-03-03",
}


def test_it_registers_a_lawsuit_and_reads_the_plaintiff_back_masked(
    unit_a1, liaison_a1, client_for
) -> None:
    c = client_for(liaison_a1)
    r = c.post("/api/lawsuits/", {**NEW, "unit": unit_a1.pk}, content_type="application/json")
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["case_number"] == "（2023）豫1725行初9号"
    assert body["plaintiff"] == "苏某某" and "plaintiff_name" not in body
    assert body["state"] == State.RECEIVED
    listed = c.get("/api/lawsuits/").json()
    assert "苏建国" not in str(listed)


def test_a_malformed_case_number_gets_a_chinese_400(unit_a1, liaison_a1, client_for) -> None:
    r = client_for(liaison_a1).post(
        "/api/lawsuits/",
        {**NEW, "unit": unit_a1.pk, "case_number": "12号"},
        content_type="application/json",
    )
    assert r.status_code == 400
    assert "格式不正确" in r.content.decode()
    assert not Lawsuit.objects.exists()


def test_it_refuses_to_register_in_another_unit(unit_a1, liaison_a2, client_for) -> None:
    r = client_for(liaison_a2).post(
        "/api/lawsuits/", {**NEW, "unit": unit_a1.pk}, content_type="application/json"
    )
    assert r.status_code == 403
    assert not Lawsuit.objects.exists()


def test_the_workflow_moves_through_transition(unit_a1, liaison_a1, client_for) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    head = make_person(unit_a1, "王局长", position="局长")
    c = client_for(liaison_a1)
    url = f"/api/lawsuits/{suit.pk}/transition/"
    assert (
        c.post(
            url, {"version": version_of(suit), "action": "defend", "on": "2023-03-10"}, content_type="application/json"
        ).status_code
        == 200
    )
    r = c.post(
        url,
        {
            "version": version_of(suit),
            "action": "record_hearing",
            "on": "2023-04-10",
            "appeared": True,
            "person": head.pk,
            "rank": "head",
        },
        content_type="application/json",
    )
    assert r.status_code == 200, r.content
    assert r.json()["hearings"][0]["person_masked"] == "王某某"
    r = c.post(
        url,
        {"version": version_of(suit), "action": "conclude", "on": "2023-06-01", "outcome": "revoke"},
        content_type="application/json",
    )
    assert r.json()["result"] == "lost"
    assert Hearing.objects.get().counts_as_appearance


def test_a_refused_move_gets_a_chinese_400_and_changes_nothing(
    unit_a1, liaison_a1, client_for
) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    c = client_for(liaison_a1)
    url = f"/api/lawsuits/{suit.pk}/transition/"
    r = c.post(
        url,
        {"version": version_of(suit), "action": "conclude", "on": "2023-02-01", "outcome": "revoke"},
        content_type="application/json",
    )
    assert r.status_code == 400 and "早于" in r.content.decode()
    r = c.post(
        url,
        {"version": version_of(suit), "action": "conclude", "on": "2023-06-01", "outcome": "guilty"},
        content_type="application/json",
    )
    assert r.status_code == 400
    r = c.post(url, {"version": version_of(suit), "action": "fly", "on": "2023-06-01"}, content_type="application/json")
    assert r.status_code == 400 and "未知操作" in r.content.decode()
    assert Lawsuit.objects.get().state == State.RECEIVED


def test_the_state_cannot_be_set_directly(unit_a1, liaison_a1, client_for) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    client_for(liaison_a1).patch(
        f"/api/lawsuits/{suit.pk}/",
        {"state": "concluded", "cause": "行政许可", "version": suit.version},
        content_type="application/json",
    )
    suit.refresh_from_db()
    assert (suit.state, suit.cause) == (State.RECEIVED, "行政许可")


def test_outsiders_get_404_and_the_leader_403(
    unit_a1, liaison_a1, liaison_a2, coordinator_b, leader, client_for
) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    for user in (liaison_a2, coordinator_b):
        c = client_for(user)
        assert c.get(f"/api/lawsuits/{suit.pk}/").status_code == 404
        assert (
            c.post(
                f"/api/lawsuits/{suit.pk}/transition/",
                {"version": version_of(suit), "action": "defend", "on": "2023-03-10"},
                content_type="application/json",
            ).status_code
            == 404
        )
    c = client_for(leader)
    assert c.get(f"/api/lawsuits/{suit.pk}/").status_code == 200
    assert (
        c.post(
            f"/api/lawsuits/{suit.pk}/transition/",
            {"version": version_of(suit), "action": "defend", "on": "2023-03-10"},
            content_type="application/json",
        ).status_code
        == 403
    )
    assert Lawsuit.objects.get().state == State.RECEIVED


def test_the_unit_and_receipt_date_are_fixed_once_registered(
    unit_a1, county_a, coordinator, client_for
) -> None:
    suit = make_lawsuit(unit_a1, by=coordinator)
    c = client_for(coordinator)
    r = c.patch(
        f"/api/lawsuits/{suit.pk}/", {"received_on": "2023-03-05", "version": suit.version}, content_type="application/json"
    )
    assert r.status_code == 400 and "不能修改" in r.content.decode()
    r = c.patch(
        f"/api/lawsuits/{suit.pk}/", {"unit": county_a.pk, "version": suit.version}, content_type="application/json"
    )
    assert r.status_code == 400
    suit.refresh_from_db()
    assert (suit.unit_id, suit.received_on) == (unit_a1.pk, suit.filed_on)


def test_a_move_from_a_stale_version_is_refused_and_changes_nothing(
    unit_a1, liaison_a1, client_for
) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    stale = suit.version
    suit.apply("defend", by=liaison_a1, on=date(2023, 3, 10))
    r = client_for(liaison_a1).post(
        f"/api/lawsuits/{suit.pk}/transition/",
        {"action": "conclude", "on": "2023-06-01", "outcome": "revoke", "version": stale},
        content_type="application/json",
    )
    assert r.status_code == 409 and "已被其他人修改" in r.content.decode()
    suit.refresh_from_db()
    assert suit.state == State.DEFENDED and suit.outcome == ""


def test_a_hearing_left_without_its_checkboxes_requires_the_head_as_the_screen_does(
    unit_a1, liaison_a1, client_for
) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    r = client_for(liaison_a1).post(
        f"/api/lawsuits/{suit.pk}/transition/",
        {"version": version_of(suit), "action": "schedule_hearing", "on": "2023-03-10", "hearing_on": "2023-03-20"},
        content_type="application/json",
    )
    assert r.status_code == 200, r.content
    assert r.json()["hearings"][0]["appearance_required"] is True
