"""The due list, a deadline's detail, the calculator and the periods table."""

import datetime as dt

import pytest
from django.urls import reverse

from fazhi.deadlines.services import open_deadline
from fazhi.testing import make_person

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(dt.datetime(2024, 10, 9, 9, tzinfo=dt.UTC), tick=False)


@pytest.fixture
def a1_deadlines(unit_a1, frozen):
    p = make_person(unit_a1)
    return {
        "yellow": open_deadline(
            p, "recon_acceptance_review", start=D(2024, 9, 27), title="甲受理审查"
        ),  # due 10-10
        "red": open_deadline(
            p, "recon_correction_notice", start=D(2024, 9, 20), title="甲补正通知"
        ),  # due 9-29
        "green": open_deadline(
            p, "recon_decision_ordinary", start=D(2024, 9, 20), title="甲复议决定"
        ),  # due 11-19
    }


@pytest.mark.parametrize("name", ["deadlines:list", "deadlines:calculator", "deadlines:periods"])
def test_pages_require_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_the_due_list_shows_each_light(client_for, liaison_a1, a1_deadlines):
    response = client_for(liaison_a1).get(reverse("deadlines:list"))
    html = response.content.decode()
    assert response.status_code == 200
    for title in ("甲受理审查", "甲补正通知", "甲复议决定"):
        assert title in html
    assert "light-red" in html and "light-yellow" in html and "light-green" in html


@pytest.mark.parametrize(
    ("light", "title"), [("red", "甲补正通知"), ("yellow", "甲受理审查"), ("green", "甲复议决定")]
)
def test_the_due_list_filters_by_light(client_for, coordinator, a1_deadlines, light, title):
    html = client_for(coordinator).get(reverse("deadlines:list"), {"light": light}).content.decode()
    others = {"甲补正通知", "甲受理审查", "甲复议决定"} - {title}
    assert title in html
    assert not any(o in html for o in others)


def test_the_due_list_filters_by_period_and_answers_htmx_with_the_partial(
    client_for, coordinator, a1_deadlines
):
    response = client_for(coordinator).get(
        reverse("deadlines:list"), {"period": "recon_decision_ordinary"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "甲复议决定" in html and "甲受理审查" not in html
    assert "<html" not in html


def test_a_liaison_of_another_unit_sees_none_and_gets_404_on_detail(
    client_for, liaison_a2, a1_deadlines
):
    c = client_for(liaison_a2)
    html = c.get(reverse("deadlines:list")).content.decode()
    assert "甲受理审查" not in html
    assert "没有待办期限" in html
    assert c.get(reverse("deadlines:detail", args=[a1_deadlines["red"].pk])).status_code == 404


def test_another_countys_coordinator_gets_404_even_with_a_unit_filter(
    client_for, coordinator_b, unit_a1, a1_deadlines
):
    c = client_for(coordinator_b)
    html = c.get(reverse("deadlines:list"), {"unit": unit_a1.pk}).content.decode()
    assert "甲受理审查" not in html
    assert c.get(reverse("deadlines:detail", args=[a1_deadlines["yellow"].pk])).status_code == 404


def test_the_detail_page_explains_the_due_date(client_for, liaison_a1, a1_deadlines):
    html = (
        client_for(liaison_a1)
        .get(reverse("deadlines:detail", args=[a1_deadlines["yellow"].pk]))
        .content.decode()
    )
    assert "2024-10-10" in html
    assert "第30条第1款" in html
    assert "调休上班日（国庆节调休）" in html
    assert "收到行政复议申请：2024-09-27" in html


def test_the_home_panel_lists_the_users_due_items(client_for, liaison_a1, a1_deadlines):
    html = client_for(liaison_a1).get(reverse("home")).content.decode()
    assert "甲受理审查" in html and "light-red" in html


def test_the_calculator_computes_with_pauses(client_for, liaison_a1):
    c = client_for(liaison_a1)
    assert "期限计算器" in c.get(reverse("deadlines:calculator")).content.decode()
    html = c.get(
        reverse("deadlines:calculator"),
        {"start": "2024-08-01", "length": "60", "mode": "days", "pauses": "2024-08-10:2024-08-20"},
    ).content.decode()
    assert "2024-10-10" in html
    assert "不计入期限（10 日）" in html


def test_the_calculator_uses_a_chosen_period_and_its_extension(client_for, liaison_a1):
    html = (
        client_for(liaison_a1)
        .get(
            reverse("deadlines:calculator"),
            {"start": "2024-08-01", "period": "recon_decision_ordinary", "use_extension": "1"},
        )
        .content.decode()
    )
    assert "2024-10-30" in html
    assert "第62条第1款" in html


def test_the_calculator_marks_provisional_results(client_for, liaison_a1):
    html = (
        client_for(liaison_a1)
        .get(
            reverse("deadlines:calculator"),
            {"start": "2026-12-20", "length": "20", "mode": "workdays"},
        )
        .content.decode()
    )
    assert "暂定" in html


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"start": "2024-02-30", "length": "5", "mode": "days"}, "起算日"),
        ({"start": "2024-08-01", "mode": "days"}, "请填写期限长度"),
        (
            {"start": "2024-08-01", "length": "5", "mode": "days", "pauses": "8月10日"},
            "起始日:恢复日",
        ),
        (
            {
                "start": "2024-08-01",
                "length": "5",
                "mode": "days",
                "pauses": "2024-07-01:2024-07-05",
            },
            "早于起算日",
        ),
    ],
)
def test_the_calculator_shows_chinese_errors(client_for, liaison_a1, params, fragment):
    response = client_for(liaison_a1).get(reverse("deadlines:calculator"), params)
    assert response.status_code == 200
    assert fragment in response.content.decode()


def test_the_periods_page_lists_every_period(client_for, leader):
    html = client_for(leader).get(reverse("deadlines:periods")).content.decode()
    assert "recon_decision_ordinary" in html and "annual_report" in html


def test_the_periods_page_shows_law_versions_and_filters_by_date(client_for, leader):
    c = client_for(leader)
    html = c.get(reverse("deadlines:periods")).content.decode()
    assert "至 2023-12-31" in html and "2024-01-01 起（现行有效）" in html
    assert "M 本地默认" in html
    old = c.get(reverse("deadlines:periods"), {"on": "2023-06-01"}).content.decode()
    assert "recon_reply_ordinary" in old and "recon_decision_simplified" not in old
    bad = c.get(reverse("deadlines:periods"), {"on": "2023-13-01"}).content.decode()
    assert "请填写有效日期" in bad


def test_administrators_see_the_period_versions_in_the_admin(client_for, admin_user):
    html = client_for(admin_user).get("/admin/deadlines/period/").content.decode()
    assert "recon_reply_ordinary" in html and "2023" in html
