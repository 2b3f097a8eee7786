"""The screens: list, register, detail with its action buttons, the figures page."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.reconsideration.models import Application, SuperiorCase
from fazhi.reconsideration.rules import Procedure, ReviewOutcome, State
from fazhi.reconsideration.tests.helpers import accepted, received, replied

pytestmark = pytest.mark.django_db


@pytest.fixture
def app_a1(coordinator, unit_a1):
    return received(coordinator, unit_a1)


def test_the_list_masks_applicants_and_filters_by_state(
    client_for, coordinator, unit_a1, unit_a2, django_assert_max_num_queries
):
    received(coordinator, unit_a1, applicant_name="张三丰")
    accepted(coordinator, unit_a2, applicant_name="李四光")
    c = client_for(coordinator)
    with django_assert_max_num_queries(12):
        page = c.get("/reconsideration/").content.decode()
    assert "张某某" in page and "李某某" in page
    assert "张三丰" not in page
    filtered = c.get("/reconsideration/", {"state": State.ACCEPTED}).content.decode()
    assert "李某某" in filtered and "张某某" not in filtered


def test_the_list_returns_the_partial_to_htmx(client_for, coordinator, app_a1):
    response = client_for(coordinator).get("/reconsideration/", HTTP_HX_REQUEST="true")
    assert "<html" not in response.content.decode()
    assert "张某某" in response.content.decode()


def test_the_overdue_filter_shows_open_cases_past_a_deadline(
    client_for, coordinator, unit_a1, unit_a2
):
    received(coordinator, unit_a1, applicant_name="张三丰")  # review due 8 March 2023: long past
    closed = replied(coordinator, unit_a2)
    closed.apply("decide", by=coordinator, on=date(2023, 4, 1), outcome=ReviewOutcome.UPHOLD)
    page = client_for(coordinator).get("/reconsideration/", {"overdue": "1"}).content.decode()
    assert "张某某" in page
    assert page.count("<tr>") == 2  # header and one row


def test_a_department_sees_only_its_own_cases(
    client_for, coordinator, liaison_a2, unit_a1, unit_a2
):
    received(coordinator, unit_a1, applicant_name="张三丰")
    received(coordinator, unit_a2, applicant_name="李四光")
    page = client_for(liaison_a2).get("/reconsideration/").content.decode()
    assert "李某某" in page and "张某某" not in page


def test_registering_creates_a_received_case(client_for, coordinator, unit_a1):
    response = client_for(coordinator).post(
        "/reconsideration/new/",
        {
            "applicant_name": "王五",
            "applicant_kind": "person",
            "respondent": unit_a1.pk,
            "act": "行政处罚决定",
            "act_kind": "penalty",
            "channel": "in_person",
            "received_on": "2024-03-01",
        },
    )
    app = Application.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/reconsideration/{app.pk}/"
    assert app.state == State.RECEIVED


def test_registering_a_future_date_shows_a_chinese_error_and_saves_nothing(
    client_for, coordinator, unit_a1
):
    response = client_for(coordinator).post(
        "/reconsideration/new/",
        {
            "applicant_name": "王五",
            "applicant_kind": "person",
            "respondent": unit_a1.pk,
            "act": "行政处罚决定",
            "act_kind": "penalty",
            "channel": "in_person",
            "received_on": "2099-03-01",
        },
    )
    assert response.status_code == 200
    assert "晚于今天" in response.content.decode()
    assert not Application.objects.exists()


def test_the_leader_may_not_register(client_for, leader):
    assert client_for(leader).get("/reconsideration/new/").status_code == 403


def test_the_detail_shows_one_button_per_allowed_action_and_the_deadlines(
    client_for, coordinator, app_a1
):
    page = client_for(coordinator).get(f"/reconsideration/{app_a1.pk}/").content.decode()
    for label in ("通知补正", "受理", "不予受理", "审查期满视为受理"):
        assert f"确认{label}" in page
    assert "确认作出复议决定" not in page
    # Received in 2023: the old law's review period (旧法第17条; 2023 law 第90条).
    assert "受理审查" in page and "第17条" in page
    assert "张三丰" in page  # the agency's staff see the name in full
    assert "登记申请" in page  # the history, in Chinese


def test_the_leader_reads_the_detail_without_buttons_and_masked(client_for, leader, app_a1):
    page = client_for(leader).get(f"/reconsideration/{app_a1.pk}/").content.decode()
    assert "当前没有您可以办理的环节" in page
    assert "张三丰" not in page and "张某某" in page


def test_outsiders_get_404(client_for, liaison_a2, coordinator_b, app_a1):
    for user in (liaison_a2, coordinator_b):
        c = client_for(user)
        assert c.get(f"/reconsideration/{app_a1.pk}/").status_code == 404
        assert (
            c.post(
                f"/reconsideration/{app_a1.pk}/act/accept/", {"accept-on": "2023-03-02"}
            ).status_code
            == 404
        )


def test_the_leader_gets_403_on_a_move(client_for, leader, app_a1):
    response = client_for(leader).post(
        f"/reconsideration/{app_a1.pk}/act/accept/",
        {"accept-on": "2023-03-02", "accept-procedure": "ordinary"},
    )
    assert response.status_code == 403
    assert Application.objects.get().state == State.RECEIVED


def test_a_button_applies_its_action(client_for, coordinator, app_a1):
    response = client_for(coordinator).post(
        f"/reconsideration/{app_a1.pk}/act/accept/",
        {"accept-on": "2023-03-02", "accept-procedure": Procedure.ORDINARY},
    )
    assert response.status_code == 302
    app = Application.objects.get()
    assert (app.state, app.procedure, app.accepted_on) == (
        State.ACCEPTED,
        Procedure.ORDINARY,
        date(2023, 3, 2),
    )


def test_a_decision_before_acceptance_is_refused_with_a_chinese_error(
    client_for, coordinator, unit_a1
):
    app = replied(coordinator, unit_a1)
    response = client_for(coordinator).post(
        f"/reconsideration/{app.pk}/act/decide/",
        {"decide-on": "2023-03-01", "decide-outcome": ReviewOutcome.UPHOLD},
    )
    assert response.status_code == 400
    assert "早于本案已登记的上一环节日期" in response.content.decode()
    assert Application.objects.get().state == State.REPLIED


def test_an_unknown_decision_type_is_refused(client_for, coordinator, unit_a1):
    app = replied(coordinator, unit_a1)
    response = client_for(coordinator).post(
        f"/reconsideration/{app.pk}/act/decide/",
        {"decide-on": "2023-04-01", "decide-outcome": "banish"},
    )
    assert response.status_code == 400
    assert "有效的选项" in response.content.decode()
    assert Application.objects.get().state == State.REPLIED


def test_the_figures_page_shows_each_definition(client_for, coordinator, app_a1):
    page = (
        client_for(coordinator).get("/reconsideration/figures/", {"year": "2023"}).content.decode()
    )
    assert "收到行政复议申请" in page and "recon_received" not in page and "纠错率" in page and "÷" in page
    assert "平均办理天数" in page


def test_a_superior_case_is_recorded_and_listed(client_for, coordinator, county_a):
    c = client_for(coordinator)
    response = c.post(
        "/reconsideration/superior/new/",
        {
            "respondent": county_a.pk,
            "superior_body": "驻马店市人民政府",
            "applicant_name": "赵六",
            "act": "征收决定",
            "accepted_on": "2023-05-01",
            "closed_on": "2023-06-01",
            "outcome": ReviewOutcome.UPHOLD,
        },
    )
    assert response.status_code == 302
    assert SuperiorCase.objects.get().outcome == ReviewOutcome.UPHOLD
    assert "赵某某" in c.get("/reconsideration/superior/").content.decode()


def test_a_superior_case_closed_before_it_was_accepted_is_refused(
    client_for, coordinator, county_a
):
    response = client_for(coordinator).post(
        "/reconsideration/superior/new/",
        {
            "respondent": county_a.pk,
            "superior_body": "驻马店市人民政府",
            "applicant_name": "赵六",
            "act": "征收决定",
            "accepted_on": "2023-05-01",
            "closed_on": "2023-04-01",
            "outcome": ReviewOutcome.UPHOLD,
        },
    )
    assert response.status_code == 200 and "审结日期不能早于受理日期" in response.content.decode()
    assert not SuperiorCase.objects.exists()


def test_a_move_from_a_stale_page_is_refused(client_for, coordinator, app_a1):
    c = client_for(coordinator)
    stale = app_a1.version
    app_a1.apply("request_correction", by=coordinator, on=date(2023, 3, 2))
    app_a1.apply("receive_correction", by=coordinator, on=date(2023, 3, 3))
    response = c.post(
        f"/reconsideration/{app_a1.pk}/act/accept/",
        {"accept-on": "2023-03-06", "accept-procedure": "ordinary", "accept-version": stale},
    )
    assert response.status_code == 400
    assert "已被其他人修改" in response.content.decode()
    assert Application.objects.get().state == State.RECEIVED


def test_the_respondents_liaison_sees_the_applicant_masked(client_for, liaison_a1, app_a1):
    page = client_for(liaison_a1).get(f"/reconsideration/{app_a1.pk}/").content.decode()
    assert "张某某" in page and "张三丰" not in page


def test_the_export_holds_only_what_the_user_may_see_masked(
    client_for, coordinator, liaison_a2, unit_a1, unit_a2
):
    import io

    from openpyxl import load_workbook

    received(coordinator, unit_a1, applicant_name="张三丰")
    received(coordinator, unit_a2, applicant_name="李四光")
    response = client_for(liaison_a2).get("/reconsideration/export.xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert [r[1] for r in rows[1:]] == ["李某某"]


def test_the_template_downloads(client_for, leader):
    response = client_for(leader).get("/reconsideration/template.xlsx")
    assert response.status_code == 200 and response.content[:2] == b"PK"


def test_outsiders_get_404_for_a_superior_case(client_for, coordinator, coordinator_b, county_a):
    case = SuperiorCase.objects.create(
        respondent=county_a,
        superior_body="驻马店市人民政府",
        applicant_name="赵六",
        act="征收决定",
        accepted_on=date(2023, 5, 1),
    )
    assert client_for(coordinator_b).get(f"/reconsideration/superior/{case.pk}/").status_code == 404
    assert client_for(coordinator).get(f"/reconsideration/superior/{case.pk}/").status_code == 200
