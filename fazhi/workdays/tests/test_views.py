"""The year page and the admin form for holiday notices."""

import pytest
from django.urls import reverse

from fazhi.workdays.models import HolidayNotice

pytestmark = pytest.mark.django_db


def test_the_year_page_requires_login(client):
    assert client.get(reverse("workdays:year_of", args=[2024])).status_code == 302


def test_the_year_page_lists_holidays_and_make_up_days(client_for, leader):
    html = client_for(leader).get(reverse("workdays:year_of", args=[2024])).content.decode()
    assert "2024-09-29" in html and "调休上班日" in html and "国庆节" in html
    assert "chinesecalendar" in html


def test_an_unknown_year_is_shown_as_provisional(client_for, leader):
    html = client_for(leader).get(reverse("workdays:year_of", args=[2031])).content.decode()
    assert "暂按《全国年节及纪念日放假办法》" in html


def test_the_admin_form_gives_chinese_errors_and_saves_nothing(client_for, admin_user):
    c = client_for(admin_user)
    response = c.post(
        reverse("admin:workdays_holidaynotice_add"),
        {
            "year": "2027",
            "title": "2027年放假通知",
            "rest_dates": "2027-02-30",
            "makeup_workdays": "2027-02-09",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "不存在" in html
    assert not HolidayNotice.objects.exists()


def test_the_admin_form_saves_a_valid_notice(client_for, admin_user):
    c = client_for(admin_user)
    response = c.post(
        reverse("admin:workdays_holidaynotice_add"),
        {
            "year": "2027",
            "title": "2027年放假通知",
            "rest_dates": "春节 2027-02-05~2027-02-11",
            "makeup_workdays": "2027-02-20",
        },
    )
    assert response.status_code == 302
    assert HolidayNotice.objects.get().year == 2027


def test_the_admin_bulk_delete_recomputes_through_each_delete(client_for, admin_user, unit_a1):
    import datetime as dt

    from fazhi.deadlines.services import open_deadline
    from fazhi.testing import make_person

    notice = HolidayNotice.objects.create(year=2027, title="t", rest_dates="2027-02-08")
    d = open_deadline(
        make_person(unit_a1), "litig_defence", start=dt.date(2027, 1, 24), title="答辩"
    )
    assert d.due_date == dt.date(2027, 2, 9)
    c = client_for(admin_user)
    c.post(
        reverse("admin:workdays_holidaynotice_changelist"),
        {"action": "delete_selected", "_selected_action": [notice.pk], "post": "yes"},
    )
    assert not HolidayNotice.objects.exists()
    d.refresh_from_db()
    assert d.due_date == dt.date(2027, 2, 11)
