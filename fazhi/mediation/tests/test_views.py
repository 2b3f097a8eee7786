"""The mediation screens: list, register, detail, actions, committees, figures."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from fazhi.mediation.models import Committee, Dispute
from fazhi.mediation.rules import Level, Outcome, State
from fazhi.mediation.tests.factories import make_committee, make_dispute

pytestmark = pytest.mark.django_db


@pytest.fixture
def committee(unit_a1):
    return make_committee(unit_a1, name="确山县道路交通事故人民调解委员会")


def test_the_list_shows_the_users_disputes_with_parties_masked(client_for, liaison_a1, committee):
    make_dispute(committee, parties="张三丰、李四")
    response = client_for(liaison_a1).get("/mediation/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "张某某、李某某" in text and "张三丰" not in text


def test_the_list_hides_disputes_of_other_units(client_for, liaison_a2, coordinator_b, committee):
    make_dispute(committee, number="确调〔2022〕1号")
    for user in (liaison_a2, coordinator_b):
        assert "确调〔2022〕1号" not in client_for(user).get("/mediation/").content.decode()


def test_the_list_pages_without_counting_and_with_few_queries(
    client_for, coordinator, committee, django_assert_max_num_queries
):
    for i in range(60):
        make_dispute(committee, received_on=date(2022, 1, 1) + timedelta(days=i), number=f"N{i}")
    client = client_for(coordinator)
    with django_assert_max_num_queries(12) as queries:
        response = client.get("/mediation/?year=2022")
    assert not [
        q
        for q in queries.captured_queries
        if "mediation_dispute" in q["sql"] and "COUNT(" in q["sql"]
    ]
    assert response.status_code == 200
    assert "下一页" in response.content.decode()
    second = client.get("/mediation/?year=2022&page=2").content.decode()
    assert "上一页" in second and "N0<" in second


def test_the_list_filters_by_outcome(client_for, coordinator, committee):
    make_dispute(committee, number="ORAL-1", outcome=Outcome.ORAL, closed_on=date(2022, 3, 2))
    make_dispute(committee, number="FAIL-1", outcome=Outcome.FAILED, closed_on=date(2022, 3, 2))
    text = client_for(coordinator).get("/mediation/?outcome=failed").content.decode()
    assert "FAIL-1" in text and "ORAL-1" not in text


def test_a_liaison_registers_a_dispute(client_for, liaison_a1, committee):
    response = client_for(liaison_a1).post(
        "/mediation/new/",
        {
            "committee": committee.pk,
            "kind": "neighbour",
            "received_on": "2022-03-01",
            "parties": "张三、李四",
            "party_count": 2,
            "amount": "1000",
        },
    )
    dispute = Dispute.objects.get()
    assert response.status_code == 302
    assert dispute.state == State.RECEIVED and dispute.unit == committee.unit


def test_registering_a_future_dispute_is_refused_and_nothing_is_saved(
    client_for, liaison_a1, committee
):
    future = timezone.localdate() + timedelta(days=3)
    response = client_for(liaison_a1).post(
        "/mediation/new/",
        {
            "committee": committee.pk,
            "kind": "neighbour",
            "received_on": future.isoformat(),
            "parties": "张三",
            "party_count": 2,
        },
    )
    assert response.status_code == 200
    assert "不能登记未来的日期" in response.content.decode()
    assert not Dispute.objects.exists()


def test_a_liaison_cannot_register_for_another_units_committee(client_for, liaison_a2, committee):
    response = client_for(liaison_a2).post(
        "/mediation/new/",
        {
            "committee": committee.pk,
            "kind": "neighbour",
            "received_on": "2022-03-01",
            "parties": "张三",
            "party_count": 2,
        },
    )
    assert response.status_code == 200
    assert not Dispute.objects.exists()


def test_the_leader_may_not_register(client_for, leader):
    assert client_for(leader).get("/mediation/new/").status_code == 403


def test_the_detail_shows_the_allowed_actions(client_for, liaison_a1, committee):
    d = make_dispute(committee)
    text = client_for(liaison_a1).get(f"/mediation/{d.pk}/").content.decode()
    assert "达成口头协议" in text and "回访：协议已履行" not in text


def test_an_outsider_gets_404_on_the_detail_and_actions(
    client_for, liaison_a2, coordinator_b, committee
):
    d = make_dispute(committee)
    for user in (liaison_a2, coordinator_b):
        client = client_for(user)
        assert client.get(f"/mediation/{d.pk}/").status_code == 404
        assert (
            client.post(
                f"/mediation/{d.pk}/act/agree_oral/", {"agree_oral-on": "2022-03-02"}
            ).status_code
            == 404
        )


def test_the_leader_gets_403_on_an_action(client_for, leader, committee):
    d = make_dispute(committee)
    assert (
        client_for(leader)
        .post(f"/mediation/{d.pk}/act/agree_oral/", {"agree_oral-on": "2022-03-02"})
        .status_code
        == 403
    )


def test_an_action_goes_through_apply(client_for, liaison_a1, committee):
    d = make_dispute(committee)
    response = client_for(liaison_a1).post(
        f"/mediation/{d.pk}/act/agree_written/",
        {
            "agree_written-on": "2022-03-05",
            "agree_written-agreement": "赔偿2000元",
        },
    )
    d.refresh_from_db()
    assert response.status_code == 302
    assert (
        d.state == State.SETTLED
        and d.outcome == Outcome.WRITTEN
        and d.closed_on == date(2022, 3, 5)
    )


def test_an_action_dated_before_receipt_is_refused_with_a_chinese_message(
    client_for, liaison_a1, committee
):
    d = make_dispute(committee)
    response = client_for(liaison_a1).post(
        f"/mediation/{d.pk}/act/agree_oral/", {"agree_oral-on": "2022-02-01"}
    )
    d.refresh_from_db()
    assert response.status_code == 400
    assert "早于本案已登记的上一环节日期" in response.content.decode()
    assert d.state == State.RECEIVED and d.outcome == ""


def test_the_committee_screen_lists_and_registers_committees(
    client_for, coordinator, village_a, committee
):
    client = client_for(coordinator)
    assert committee.name in client.get("/mediation/committees/").content.decode()
    response = client.post(
        "/mediation/committees/new/",
        {
            "unit": village_a.pk,
            "name": "竹沟村人民调解委员会",
            "level": Level.VILLAGE,
            "established_on": "2011-06-01",
        },
    )
    assert response.status_code == 302
    assert Committee.objects.filter(name="竹沟村人民调解委员会").exists()


def test_a_village_committee_must_sit_in_a_village(client_for, coordinator, township_a):
    response = client_for(coordinator).post(
        "/mediation/committees/new/",
        {
            "unit": township_a.pk,
            "name": "错误调委会",
            "level": Level.VILLAGE,
        },
    )
    assert response.status_code == 200
    assert "所在单位应为村（社区）" in response.content.decode()
    assert not Committee.objects.filter(name="错误调委会").exists()


def test_an_outsider_cannot_edit_a_committee(client_for, liaison_a2, committee):
    assert client_for(liaison_a2).get(f"/mediation/committees/{committee.pk}/").status_code == 404


def test_the_figures_page_shows_each_indicator_with_its_definition(
    client_for, coordinator, committee
):
    make_dispute(committee, outcome=Outcome.ORAL, closed_on=date(2022, 3, 2))
    make_dispute(committee)
    text = client_for(coordinator).get("/mediation/figures/?year=2022").content.decode()
    assert "调解成功率" in text and "mediation_rate" not in text and "50%" in text and "调解成功件数 ÷ 受理纠纷件数" in text


def test_the_export_masks_parties(client_for, coordinator, committee):
    import io

    from openpyxl import load_workbook

    make_dispute(committee, parties="王小明、李四")
    response = client_for(coordinator).get("/mediation/export.xlsx")
    ws = load_workbook(io.BytesIO(response.content)).active
    cells = [c for row in ws.iter_rows(values_only=True) for c in row]
    assert "王某某、李某某" in cells
    assert not any(isinstance(c, str) and "王小明" in c for c in cells)


def test_an_open_disputes_registration_data_can_be_corrected(client_for, liaison_a1, committee):
    d = make_dispute(committee, parties="张三")
    client = client_for(liaison_a1)
    assert "修改登记信息" in client.get(f"/mediation/{d.pk}/").content.decode()
    response = client.post(
        f"/mediation/{d.pk}/edit/",
        {
            "committee": committee.pk,
            "kind": "family",
            "received_on": "2022-03-01",
            "parties": "张三、王五",
            "party_count": 2,
        },
    )
    d.refresh_from_db()
    assert response.status_code == 302 and d.kind == "family" and d.parties == "张三、王五"


def test_a_concluded_dispute_cannot_be_edited(client_for, liaison_a1, committee):
    d = make_dispute(committee, outcome=Outcome.ORAL, closed_on=date(2022, 3, 2))
    response = client_for(liaison_a1).post(
        f"/mediation/{d.pk}/edit/",
        {
            "committee": committee.pk,
            "kind": "family",
            "received_on": "2022-03-01",
            "parties": "王五",
            "party_count": 2,
        },
    )
    d.refresh_from_db()
    assert response.status_code == 302 and d.kind == "neighbour"


def test_outsiders_cannot_edit_a_dispute(client_for, liaison_a2, leader, committee):
    d = make_dispute(committee)
    assert client_for(liaison_a2).get(f"/mediation/{d.pk}/edit/").status_code == 404
    assert client_for(leader).get(f"/mediation/{d.pk}/edit/").status_code == 403
