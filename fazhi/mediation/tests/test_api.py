"""The mediation API: scoped like the screens; moves go through apply()."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.mediation.models import Dispute
from fazhi.mediation.rules import State
from fazhi.mediation.tests.factories import make_committee, make_dispute
from fazhi.testing import version_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def committee(unit_a1):
    return make_committee(unit_a1)


def test_the_list_masks_parties_and_hides_other_units(
    client_for, liaison_a1, liaison_a2, committee
):
    make_dispute(committee, parties="张三丰")
    rows = client_for(liaison_a1).get("/api/mediation/disputes/").json()
    rows = rows.get("results", rows)
    assert rows[0]["parties_masked"] == "张某某" and "parties" not in rows[0]
    other = client_for(liaison_a2).get("/api/mediation/disputes/").json()
    assert not other.get("results", other)


def test_a_dispute_is_registered_and_moved_through_apply(client_for, liaison_a1, committee):
    client = client_for(liaison_a1)
    response = client.post(
        "/api/mediation/disputes/",
        {
            "committee": committee.pk,
            "kind": "neighbour",
            "received_on": "2022-03-01",
            "parties": "张三",
            "party_count": 2,
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    moved = client.post(
        f"/api/mediation/disputes/{pk}/transition/",
        {"version": version_of(Dispute.objects.get(pk=pk)), "action": "agree_oral", "on": "2022-03-02"},
        content_type="application/json",
    )
    assert moved.status_code == 200, moved.content
    assert Dispute.objects.get(pk=pk).state == State.SETTLED


def test_a_refused_move_answers_400_in_chinese_and_changes_nothing(
    client_for, liaison_a1, committee
):
    d = make_dispute(committee)
    response = client_for(liaison_a1).post(
        f"/api/mediation/disputes/{d.pk}/transition/",
        {"version": version_of(d), "action": "refer", "on": "2022-03-02"},
        content_type="application/json",
    )
    assert response.status_code == 400 and "移交单位" in response.content.decode()
    d.refresh_from_db()
    assert d.state == State.RECEIVED


def test_an_outsider_gets_404_and_the_leader_403(
    client_for, liaison_a2, coordinator_b, leader, committee
):
    d = make_dispute(committee)
    for user in (liaison_a2, coordinator_b):
        assert client_for(user).get(f"/api/mediation/disputes/{d.pk}/").status_code == 404
    response = client_for(leader).post(
        f"/api/mediation/disputes/{d.pk}/transition/",
        {"version": version_of(d), "action": "agree_oral", "on": "2022-03-02"},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_registering_for_another_units_committee_is_refused(client_for, liaison_a2, committee):
    response = client_for(liaison_a2).post(
        "/api/mediation/disputes/",
        {
            "committee": committee.pk,
            "kind": "neighbour",
            "received_on": "2022-03-01",
            "parties": "张三",
        },
        content_type="application/json",
    )
    assert response.status_code in (400, 403)
    assert not Dispute.objects.exists()


def test_a_bad_date_is_refused_in_chinese(client_for, liaison_a1, committee):
    response = client_for(liaison_a1).post(
        "/api/mediation/disputes/",
        {
            "committee": committee.pk,
            "kind": "neighbour",
            "received_on": "2099-03-01",
            "parties": "张三",
        },
        content_type="application/json",
    )
    assert response.status_code == 400 and "未来" in response.content.decode()
    assert not Dispute.objects.exists()


def test_committees_are_listed_in_scope(client_for, liaison_a2, coordinator, committee):
    assert len(client_for(coordinator).get("/api/mediation/committees/").json()) >= 1
    rows = client_for(liaison_a2).get("/api/mediation/committees/").json()
    assert not rows.get("results", rows)


def test_a_mediator_is_added_with_its_committees_unit(client_for, liaison_a1, committee):
    response = client_for(liaison_a1).post(
        "/api/mediation/mediators/",
        {
            "committee": committee.pk,
            "name": "王小二",
            "appointed_on": str(date(2021, 1, 1)),
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert (
        response.json()["name_masked"] == "王某某" and response.json()["unit"] == committee.unit_id
    )


def test_the_openapi_schema_describes_the_three_registers(client_for, coordinator):
    response = client_for(coordinator).get("/api/schema/")
    assert response.status_code == 200
    text = response.content.decode()
    for endpoint in (
        "/api/mediation/disputes/{id}/transition/",
        "/api/legalservices/aid/{id}/transition/",
        "/api/publicity/reports/",
    ):
        assert endpoint in text


def test_an_open_disputes_registration_data_is_corrected_by_patch(
    client_for, liaison_a1, committee
):
    d = make_dispute(committee)
    response = client_for(liaison_a1).patch(
        f"/api/mediation/disputes/{d.pk}/", {"kind": "family", "version": d.version}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    d.refresh_from_db()
    assert d.kind == "family"


def test_a_concluded_dispute_cannot_be_patched(client_for, liaison_a1, committee):
    from fazhi.mediation.rules import Outcome

    d = make_dispute(committee, outcome=Outcome.ORAL, closed_on=date(2022, 3, 2))
    response = client_for(liaison_a1).patch(
        f"/api/mediation/disputes/{d.pk}/", {"kind": "family", "version": d.version}, content_type="application/json"
    )
    assert response.status_code == 400 and "不能再修改" in response.content.decode()
    d.refresh_from_db()
    assert d.kind == "neighbour"


def test_a_dispute_cannot_be_deleted_and_outsiders_get_404(
    client_for, liaison_a1, liaison_a2, committee
):
    d = make_dispute(committee)
    assert client_for(liaison_a2).delete(f"/api/mediation/disputes/{d.pk}/").status_code == 404
    url, etag = f"/api/mediation/disputes/{d.pk}/", f'"{d.version}"'
    assert client_for(liaison_a1).delete(url, HTTP_IF_MATCH=etag).status_code == 403
    assert Dispute.objects.filter(pk=d.pk).exists()


def test_a_move_from_a_stale_version_is_refused_and_changes_nothing(
    client_for, liaison_a1, committee
):
    d = make_dispute(committee)
    stale = d.version
    d.note = "补充说明"
    d.save()  # someone else saved the dispute after the client loaded it
    response = client_for(liaison_a1).post(
        f"/api/mediation/disputes/{d.pk}/transition/",
        {"action": "agree_oral", "on": "2022-03-02", "agreement": "赔偿", "version": stale},
        content_type="application/json",
    )
    assert response.status_code == 409 and "已被其他人修改" in response.content.decode()
    d.refresh_from_db()
    assert d.state == State.RECEIVED
