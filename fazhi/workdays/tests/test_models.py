"""Holiday notices: validation in Chinese, winning over the package, recomputing deadlines."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from fazhi.audit.models import Entry
from fazhi.deadlines.models import Deadline
from fazhi.deadlines.services import meet_deadline, open_deadline
from fazhi.testing import make_person
from fazhi.workdays.models import HolidayNotice
from fazhi.workdays.services import get_calendar

D = dt.date
pytestmark = pytest.mark.django_db

NOTICE_2027 = {
    "year": 2027,
    "title": "国务院办公厅关于2027年部分节假日安排的通知",
    "doc_number": "国办发明电〔2026〕1号",
    "rest_dates": "元旦 2027-01-01~2027-01-03\n春节 2027-02-05~2027-02-11",
    "makeup_workdays": "2027-02-20",
}


def test_a_notice_for_an_unknown_year_wins_and_is_no_longer_provisional():
    cal = get_calendar()
    # Without the notice 2027-02-20 (a Saturday) is an estimated rest day.
    assert cal.is_provisional(D(2027, 2, 20)) and not cal.is_workday(D(2027, 2, 20))
    HolidayNotice.objects.create(**NOTICE_2027)
    cal = get_calendar()
    assert not cal.is_workday(D(2027, 2, 8))
    assert cal.is_workday(D(2027, 2, 20))  # Saturday make-up day
    assert not cal.is_provisional(D(2027, 6, 1))
    assert cal.describe(D(2027, 2, 8)).name == "春节"


def test_get_calendar_rebuilds_when_a_notice_changes_or_is_deleted():
    notice = HolidayNotice.objects.create(**NOTICE_2027)
    first = get_calendar()
    assert get_calendar() is first  # unchanged: the same object
    notice.makeup_workdays = ""
    notice.save()
    second = get_calendar()
    assert second is not first
    assert not second.is_workday(D(2027, 2, 20))
    notice.delete()
    assert get_calendar().is_provisional(D(2027, 2, 8))


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("rest_dates", "2027-02-30", "不存在"),
        ("rest_dates", "", "至少填写一个放假日期"),
        ("rest_dates", "2025-05-01", "不属于 2027 年"),
        ("makeup_workdays", "2027-02-09", "调休上班日应为周六或周日"),
        ("makeup_workdays", "2027-02-06", "同时填在"),
        ("makeup_workdays", "下周六", "无法识别"),
    ],
)
def test_bad_dates_are_refused_with_a_chinese_error_naming_the_field(field, value, fragment):
    notice = HolidayNotice(**(NOTICE_2027 | {field: value}))
    with pytest.raises(ValidationError) as exc:
        notice.full_clean()
    assert field in exc.value.message_dict
    assert fragment in " ".join(exc.value.message_dict[field])
    with pytest.raises(ValidationError):
        notice.save()
    assert not HolidayNotice.objects.exists()


def test_saving_a_notice_recomputes_the_open_deadlines_it_touches(unit_a1):
    person = make_person(unit_a1)
    # 15 days from 2027-01-24 end on Monday 2027-02-08 (初三 by the 放假办法), rolled to
    # the first estimated working day 2027-02-11 after the 补假 days: provisional.
    d = open_deadline(person, "litig_defence", start=D(2027, 1, 24), title="答辩")
    assert (d.due_date, d.provisional) == (D(2027, 2, 11), True)
    untouched = open_deadline(
        make_person(unit_a1, "李四"), "litig_defence", start=D(2024, 3, 1), title="早"
    )
    closed = open_deadline(
        make_person(unit_a1, "王五"), "recon_decision_ordinary", start=D(2027, 1, 1), title="已办"
    )
    meet_deadline(closed.record, "recon_decision_ordinary", on=D(2027, 1, 20))
    closed.refresh_from_db()
    closed_due = closed.due_date

    HolidayNotice.objects.create(**NOTICE_2027)

    d.refresh_from_db()
    assert (d.due_date, d.provisional) == (D(2027, 2, 12), False)
    assert Entry.objects.filter(
        model="deadlines.deadline", object_pk=str(d.pk), verb__contains="重新计算"
    ).exists()
    untouched.refresh_from_db()
    assert untouched.due_date == D(2024, 3, 18)
    closed.refresh_from_db()
    assert closed.due_date == closed_due  # closed deadlines keep their history


def test_deleting_a_notice_recomputes_back(unit_a1):
    notice = HolidayNotice.objects.create(**NOTICE_2027)
    d = open_deadline(make_person(unit_a1), "litig_defence", start=D(2027, 1, 24), title="答辩")
    assert d.due_date == D(2027, 2, 12)
    notice.delete()
    d.refresh_from_db()
    assert (d.due_date, d.provisional) == (D(2027, 2, 11), True)


def test_a_failing_recompute_rolls_the_notice_back(unit_a1, monkeypatch):
    open_deadline(make_person(unit_a1), "litig_defence", start=D(2027, 1, 24), title="答辩")

    def boom(*args, **kwargs):
        raise RuntimeError("recompute failed")

    monkeypatch.setattr("fazhi.deadlines.services.recompute_open_deadlines", boom)
    with pytest.raises(RuntimeError):
        HolidayNotice.objects.create(**NOTICE_2027)
    assert not HolidayNotice.objects.exists()
    assert Deadline.objects.get().due_date == D(2027, 2, 11)


def test_saving_a_notice_is_audited():
    notice = HolidayNotice.objects.create(**NOTICE_2027)
    assert Entry.objects.filter(model="workdays.holidaynotice", object_pk=str(notice.pk)).exists()
