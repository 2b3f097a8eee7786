from __future__ import annotations

from datetime import date

import pytest

from fazhi.litigation.models import Hearing, Lawsuit
from fazhi.litigation.rules import State
from fazhi.litigation.tests.factories import make_lawsuit
from fazhi.testing import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def suit(unit_a1, liaison_a1) -> Lawsuit:
    return make_lawsuit(unit_a1, by=liaison_a1, plaintiff_name="苏建国", filed_on=date(2023, 3, 1))


def test_the_list_shows_the_units_cases_with_the_plaintiff_masked(
    suit, liaison_a1, client_for, django_assert_max_num_queries
) -> None:
    for i in range(5):
        make_lawsuit(suit.unit, by=liaison_a1, filed_on=date(2023, 4, i + 1))
    c = client_for(liaison_a1)
    with django_assert_max_num_queries(14):
        r = c.get("/litigation/")
    text = r.content.decode()
    assert r.status_code == 200
    assert suit.case_number in text
    assert "苏某某" in text and "苏建国" not in text
    assert "负责人出庭应诉率" in text and "÷" in text  # the rate's definition is shown


def test_the_list_returns_the_partial_for_htmx(suit, liaison_a1, client_for) -> None:
    r = client_for(liaison_a1).get("/litigation/?state=received", HTTP_HX_REQUEST="true")
    assert r.status_code == 200
    assert "<html" not in r.content.decode()
    assert suit.case_number in r.content.decode()


def test_an_outsider_does_not_see_the_case_in_the_list_or_by_url(
    suit, liaison_a2, coordinator_b, client_for
) -> None:
    for user in (liaison_a2, coordinator_b):
        c = client_for(user)
        assert suit.case_number not in c.get("/litigation/").content.decode()
        assert c.get(f"/litigation/{suit.pk}/").status_code == 404
        assert c.get(f"/litigation/{suit.pk}/act/defend/").status_code == 404


def test_the_detail_page_shows_actions_deadline_basis_and_history(
    suit, liaison_a1, client_for
) -> None:
    r = client_for(liaison_a1).get(f"/litigation/{suit.pk}/")
    text = r.content.decode()
    assert r.status_code == 200
    assert "提交答辩状" in text and "登记裁判结果" in text
    assert "第67条" in text
    assert "登记" in text  # the history has the registration


def test_the_leader_reads_but_gets_403_on_every_write(suit, leader, client_for) -> None:
    c = client_for(leader)
    r = c.get(f"/litigation/{suit.pk}/")
    assert r.status_code == 200
    assert "/act/" not in r.content.decode()
    assert c.post(f"/litigation/{suit.pk}/act/defend/", {"on": "2023-03-10"}).status_code == 403
    assert c.get("/litigation/new/").status_code == 403
    assert Lawsuit.objects.get().state == State.RECEIVED


def test_registering_through_the_form_creates_the_case(unit_a1, liaison_a1, client_for) -> None:
    r = client_for(liaison_a1).post(
        "/litigation/new/",
        {
            "unit": unit_a1.pk,
            "court": "确山县人民法院",
            "case_number": "(2023)豫1725行初7号",
            "cause": "行政赔偿",
            "plaintiff_name": "苏建国",
            "filed_on": "2023-03-01",
            "received_on": "2023-03-03",
        },
    )
    suit = Lawsuit.objects.get()
    assert r.status_code == 302 and r["Location"] == f"/litigation/{suit.pk}/"
    assert suit.case_number == "（2023）豫1725行初7号"


def test_the_form_answers_a_malformed_case_number_in_chinese(
    unit_a1, liaison_a1, client_for
) -> None:
    r = client_for(liaison_a1).post(
        "/litigation/new/",
        {
            "unit": unit_a1.pk,
            "court": "确山县人民法院",
            "case_number": "豫1725行初7号",
            "cause": "行政赔偿",
            "plaintiff_name": "苏建国",
            "filed_on": "2023-03-01",
            "received_on": "2023-03-03",
        },
    )
    assert r.status_code == 200
    assert "格式不正确" in r.content.decode()
    assert not Lawsuit.objects.exists()


def test_a_liaison_cannot_register_for_another_unit(unit_a1, liaison_a2, client_for) -> None:
    r = client_for(liaison_a2).post(
        "/litigation/new/",
        {
            "unit": unit_a1.pk,
            "court": "确山县人民法院",
            "case_number": "（2023）豫1725行初7号",
            "cause": "行政赔偿",
            "plaintiff_name": "苏建国",
            "filed_on": "2023-03-01",
            "received_on": "2023-03-03",
        },
    )
    assert r.status_code == 200
    assert not Lawsuit.objects.exists()


def test_one_button_moves_the_case_on(suit, liaison_a1, client_for) -> None:
    r = client_for(liaison_a1).post(
        f"/litigation/{suit.pk}/act/defend/", {"on": "2023-03-10", "version": suit.version}
    )
    assert r.status_code == 302
    suit.refresh_from_db()
    assert (suit.state, suit.defended_on) == (State.DEFENDED, date(2023, 3, 10))


def test_a_stale_page_is_refused(suit, liaison_a1, client_for) -> None:
    c = client_for(liaison_a1)
    version = suit.version
    c.post(
        f"/litigation/{suit.pk}/act/schedule_hearing/",
        {"on": "2023-03-10", "hearing_on": "2023-03-20", "version": version},
    )
    r = c.post(f"/litigation/{suit.pk}/act/defend/", {"on": "2023-03-10", "version": version})
    assert r.status_code == 200
    assert "已被其他人修改" in r.content.decode()
    assert Lawsuit.objects.get().state == State.RECEIVED


def test_a_refused_action_shows_the_reason_and_changes_nothing(
    suit, liaison_a1, client_for
) -> None:
    r = client_for(liaison_a1).post(
        f"/litigation/{suit.pk}/act/conclude/", {"on": "2023-02-01", "outcome": "dismiss_claim"}
    )
    assert r.status_code == 200
    assert "早于" in r.content.decode()
    assert Lawsuit.objects.get().state == State.RECEIVED


def test_an_unknown_outcome_is_refused_by_the_form(suit, liaison_a1, client_for) -> None:
    r = client_for(liaison_a1).post(
        f"/litigation/{suit.pk}/act/conclude/", {"on": "2023-06-01", "outcome": "guilty"}
    )
    assert r.status_code == 200
    assert Lawsuit.objects.get().state == State.RECEIVED


def test_an_action_not_allowed_now_redirects_with_a_message(suit, liaison_a1, client_for) -> None:
    r = client_for(liaison_a1).get(f"/litigation/{suit.pk}/act/appeal/", follow=True)
    assert "不能执行" in r.content.decode()


def test_recording_a_hearing_through_the_form(suit, liaison_a1, client_for) -> None:
    head = make_person(suit.unit, "王局长", position="局长", is_principal=True)
    r = client_for(liaison_a1).post(
        f"/litigation/{suit.pk}/act/record_hearing/",
        {
            "on": "2023-04-10",
            "appearance_required": "on",
            "appeared": "on",
            "person": head.pk,
            "rank": "head",
            "identity_proof_ok": "on",
            "spoke": "on",
        },
    )
    assert r.status_code == 302
    h = Hearing.objects.get()
    assert (h.counts_as_appearance, h.spoke, h.position) == (True, True, "局长")
    page = client_for(liaison_a1).get(f"/litigation/{suit.pk}/").content.decode()
    assert "王某某" in page and "王局长" not in page
