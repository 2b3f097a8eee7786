"""Screens: scope (outsiders get 404), read-only roles (403), actions through apply()."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.disclosure.indicators import INDICATORS
from fazhi.disclosure.models import Request
from fazhi.disclosure.rules import State
from fazhi.disclosure.tests.helpers import received

pytestmark = pytest.mark.django_db


@pytest.fixture
def req(coordinator, unit_a1):
    return received(coordinator, unit_a1, date(2024, 9, 20), applicant_name="张三丰")


def test_the_list_shows_masked_applicants_to_the_unit(
    client_for, liaison_a1, req, django_assert_max_num_queries
):
    c = client_for(liaison_a1)
    with django_assert_max_num_queries(12):
        r = c.get("/disclosure/")
    assert r.status_code == 200
    assert "张某某" in r.content.decode() and "张三丰" not in r.content.decode()


def test_another_units_liaison_and_another_county_get_404(
    client_for, liaison_a2, coordinator_b, req
):
    for user in (liaison_a2, coordinator_b):
        assert client_for(user).get(f"/disclosure/{req.pk}/").status_code == 404
        assert client_for(user).post(f"/disclosure/{req.pk}/act/reply/").status_code == 404


def test_a_leader_reads_but_may_not_act(client_for, leader, req):
    assert client_for(leader).get(f"/disclosure/{req.pk}/").status_code == 200
    r = client_for(leader).post(
        f"/disclosure/{req.pk}/act/reply/",
        {"reply-on": "2024-10-08", "reply-reply_type": "disclosed"},
    )
    assert r.status_code == 403


def test_the_reply_button_answers_the_request(client_for, liaison_a1, req):
    r = client_for(liaison_a1).post(
        f"/disclosure/{req.pk}/act/reply/",
        {"reply-on": "2024-10-08", "reply-reply_type": "disclosed"},
    )
    assert r.status_code == 302
    req.refresh_from_db()
    assert req.state == State.DONE and req.replied_on_time is True


def test_a_bad_reply_is_refused_in_chinese_and_changes_nothing(client_for, liaison_a1, req):
    r = client_for(liaison_a1).post(
        f"/disclosure/{req.pk}/act/reply/", {"reply-on": "2024-10-08", "reply-reply_type": "bogus"}
    )
    assert r.status_code == 400
    assert "未办理" in r.content.decode()
    req.refresh_from_db()
    assert req.state == State.RECEIVED


def test_registering_a_request_with_a_future_date_is_refused(client_for, coordinator, unit_a1):
    r = client_for(coordinator).post(
        "/disclosure/new/",
        {
            "unit": unit_a1.pk,
            "applicant_name": "李四",
            "applicant_kind": "person",
            "content": "x",
            "channel": "online",
            "received_on": "2999-01-01",
        },
    )
    assert r.status_code == 200 and "未来" in r.content.decode()
    assert Request.objects.count() == 0


def test_the_report_page_and_docx_download(client_for, coordinator, req):
    c = client_for(coordinator)
    assert c.get("/disclosure/report/?year=2024").status_code == 200
    r = c.get("/disclosure/report.docx?year=2024")
    assert r.status_code == 200 and r.content[:2] == b"PK"


def test_figures_and_items_screens(client_for, coordinator, req):
    c = client_for(coordinator)
    assert c.get("/disclosure/figures/?year=2024").status_code == 200
    assert c.get("/disclosure/items/").status_code == 200
    assert c.get("/disclosure/items/template.xlsx").status_code == 200



def test_the_figures_page_shows_headlines_not_the_annual_reports_table_cells(
    client_for, coordinator
):
    cells = [i for i in INDICATORS if i.table]
    headlines = [i for i in INDICATORS if not i.table]
    assert cells and headlines
    page = client_for(coordinator).get("/disclosure/figures/?year=2024").content.decode()
    assert page.count("<tr><td>") == len(headlines)
