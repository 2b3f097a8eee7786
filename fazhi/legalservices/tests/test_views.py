"""The legal services screens: legal aid list/register/detail/actions, the plain records,
the figures with coverage per village."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.legalservices.models import AidApplication, LegalHelper, Notarisation
from fazhi.legalservices.rules import State
from fazhi.legalservices.tests.factories import make_aid

pytestmark = pytest.mark.django_db


def test_the_aid_list_masks_applicants_and_stays_in_scope(
    client_for, liaison_a1, liaison_a2, unit_a1, django_assert_max_num_queries
):
    for _ in range(5):
        make_aid(unit_a1, liaison_a1, applicant_name="张三丰")
    client = client_for(liaison_a1)
    with django_assert_max_num_queries(10):
        text = client.get("/legalservices/").content.decode()
    assert "张某某" in text and "张三丰" not in text
    assert "张某某" not in client_for(liaison_a2).get("/legalservices/").content.decode()


def test_a_liaison_registers_an_application(client_for, liaison_a1, unit_a1):
    response = client_for(liaison_a1).post(
        "/legalservices/aid/new/",
        {
            "unit": unit_a1.pk,
            "applicant_name": "张三",
            "received_on": "2022-03-01",
            "matter_kind": "civil",
            "claim": "wages",
            "migrant_worker": "on",
        },
    )
    assert response.status_code == 302
    app = AidApplication.objects.get()
    assert app.green_channel and app.state == State.RECEIVED


def test_an_invalid_phone_is_refused_and_nothing_saved(client_for, liaison_a1, unit_a1):
    response = client_for(liaison_a1).post(
        "/legalservices/aid/new/",
        {
            "unit": unit_a1.pk,
            "applicant_name": "张三",
            "applicant_phone": "12ab",
            "received_on": "2022-03-01",
            "matter_kind": "civil",
            "claim": "wages",
        },
    )
    assert response.status_code == 200 and not AidApplication.objects.exists()


def test_the_detail_shows_the_decision_period_and_actions(client_for, liaison_a1, unit_a1):
    app = make_aid(unit_a1, liaison_a1)
    text = client_for(liaison_a1).get(f"/legalservices/aid/{app.pk}/").content.decode()
    assert "决定给予援助" in text and "法律援助审查决定" in text and "2022-03-08" in text


def test_an_action_is_made_through_apply(client_for, liaison_a1, unit_a1):
    app = make_aid(unit_a1, liaison_a1)
    response = client_for(liaison_a1).post(
        f"/legalservices/aid/{app.pk}/act/refuse/", {"refuse-on": "2022-03-02"}
    )
    assert response.status_code == 400 and "书面说明理由" in response.content.decode()
    response = client_for(liaison_a1).post(
        f"/legalservices/aid/{app.pk}/act/approve/", {"approve-on": "2022-03-02"}
    )
    app.refresh_from_db()
    assert response.status_code == 302 and app.state == State.APPROVED


def test_outsiders_get_404_and_the_leader_403(
    client_for, liaison_a1, liaison_a2, coordinator_b, leader, unit_a1
):
    app = make_aid(unit_a1, liaison_a1)
    for user in (liaison_a2, coordinator_b):
        assert client_for(user).get(f"/legalservices/aid/{app.pk}/").status_code == 404
    assert (
        client_for(leader)
        .post(f"/legalservices/aid/{app.pk}/act/approve/", {"approve-on": "2022-03-02"})
        .status_code
        == 403
    )
    assert client_for(leader).get("/legalservices/notarisations/new/").status_code == 403


def test_a_notarisation_is_recorded_and_edited_in_scope(
    client_for, liaison_a1, liaison_a2, unit_a1
):
    client = client_for(liaison_a1)
    response = client.post(
        "/legalservices/notarisations/new/",
        {
            "unit": unit_a1.pk,
            "kind": "succession",
            "applicant_name": "张三",
            "issued_on": "2022-05-01",
        },
    )
    assert response.status_code == 302
    n = Notarisation.objects.get()
    assert "张某某" in client.get("/legalservices/notarisations/").content.decode()
    assert client_for(liaison_a2).get(f"/legalservices/notarisations/{n.pk}/").status_code == 404


def test_a_helper_can_only_be_registered_to_a_village(
    client_for, coordinator, township_a, village_a
):
    client = client_for(coordinator)
    assert (
        client.post(
            "/legalservices/helpers/new/", {"unit": township_a.pk, "name": "张三"}
        ).status_code
        == 200
    )
    assert (
        client.post(
            "/legalservices/helpers/new/", {"unit": village_a.pk, "name": "张三"}
        ).status_code
        == 302
    )
    assert LegalHelper.objects.count() == 1


def test_the_figures_show_coverage_per_village(client_for, coordinator, village_a):
    LegalHelper.objects.create(unit=village_a, name="张三", appointed_on=date(2021, 1, 1))
    text = client_for(coordinator).get("/legalservices/figures/?year=2022").content.decode()
    assert (
        "法律明白人覆盖率" in text and "legal_literate_coverage" not in text and "竹沟村" in text and "达标" in text and "100%" in text
    )
