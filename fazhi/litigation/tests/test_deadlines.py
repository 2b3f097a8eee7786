"""The statutory periods a lawsuit runs, at the boundary days, across holidays.

行政诉讼法 第67条: the defence is due within 15 days of receiving the complaint copy;
counting starts the next day and a last day that is not a working day rolls to the next
working day (民事诉讼法 第85条, applied by 行政诉讼法 第101条). SPC 2020 第5条: the
appearance notice reaches the unit at least 3 days before the hearing.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from fazhi.deadlines.services import deadlines_for
from fazhi.litigation.models import Hearing
from fazhi.litigation.rules import Outcome
from fazhi.litigation.tests.factories import make_lawsuit

pytestmark = pytest.mark.django_db


def _defence(suit):
    return deadlines_for(suit).get(period__code="litig_defence")


def test_registering_opens_the_defence_period_for_the_handler(unit_a1, liaison_a1) -> None:
    # Received Wed 2023-03-01: 15 days → Thu 2023-03-16, a working day.
    suit = make_lawsuit(
        unit_a1,
        by=liaison_a1,
        filed_on=date(2023, 3, 1),
        received_on=date(2023, 3, 1),
        handler=liaison_a1,
    )
    d = _defence(suit)
    assert (d.due_date, d.unit_id, d.responsible_id, d.is_open) == (
        date(2023, 3, 16),
        unit_a1.pk,
        liaison_a1.pk,
        True,
    )
    assert "第67条" in "".join(d.explain().lines())


@pytest.mark.parametrize(
    ("defended", "on_time"),
    [(date(2023, 3, 15), True), (date(2023, 3, 16), True), (date(2023, 3, 17), False)],
)
def test_the_defence_is_on_time_up_to_the_last_day(unit_a1, liaison_a1, defended, on_time) -> None:
    suit = make_lawsuit(
        unit_a1, by=liaison_a1, filed_on=date(2023, 3, 1), received_on=date(2023, 3, 1)
    )
    suit.apply("defend", by=liaison_a1, on=defended)
    d = _defence(suit)
    assert (d.is_open, d.met_on, d.on_time) == (False, defended, on_time)


def test_a_defence_period_ending_in_the_national_day_holiday_rolls_to_the_make_up_working_day(
    unit_a1, liaison_a1
) -> None:
    # Received Wed 2023-09-20: the 15th day is Thu 10-05, inside the 09-29…10-06 holiday;
    # Sat 10-07 was a make-up working day (国务院办公厅 2023 holiday notice), so it is due then.
    suit = make_lawsuit(
        unit_a1, by=liaison_a1, filed_on=date(2023, 9, 18), received_on=date(2023, 9, 20)
    )
    assert _defence(suit).due_date == date(2023, 10, 7)


@pytest.mark.parametrize(
    ("defended", "on_time"),
    [(date(2023, 10, 6), True), (date(2023, 10, 7), True), (date(2023, 10, 8), False)],
)
def test_the_rolled_defence_deadline_at_its_boundary(
    unit_a1, liaison_a1, defended, on_time
) -> None:
    suit = make_lawsuit(
        unit_a1, by=liaison_a1, filed_on=date(2023, 9, 18), received_on=date(2023, 9, 20)
    )
    suit.apply("defend", by=liaison_a1, on=defended)
    assert _defence(suit).on_time is on_time


def test_a_defence_period_ending_on_a_sunday_rolls_to_monday(unit_a1, liaison_a1) -> None:
    # Received Sat 2023-03-04: the 15th day is Sun 03-19 → Mon 03-20.
    suit = make_lawsuit(
        unit_a1, by=liaison_a1, filed_on=date(2023, 3, 1), received_on=date(2023, 3, 4)
    )
    assert _defence(suit).due_date == date(2023, 3, 20)


def test_concluding_before_any_defence_cancels_the_defence_period(unit_a1, liaison_a1) -> None:
    suit = make_lawsuit(
        unit_a1, by=liaison_a1, filed_on=date(2023, 3, 1), received_on=date(2023, 3, 1)
    )
    suit.apply("conclude", by=liaison_a1, on=date(2023, 3, 10), outcome=Outcome.NOT_ACCEPTED)
    d = _defence(suit)
    assert (d.is_open, d.cancelled_on) == (False, date(2023, 3, 10))


@pytest.mark.parametrize(
    ("notice", "short"),
    [(date(2023, 4, 6), False), (date(2023, 4, 7), False), (date(2023, 4, 8), True)],
)
def test_the_appearance_notice_must_arrive_three_days_before_the_hearing(
    unit_a1, liaison_a1, notice, short
) -> None:
    # Hearing Mon 2023-04-10: "开庭三日前" → served on Fri 04-07 at the latest.
    suit = make_lawsuit(
        unit_a1, by=liaison_a1, filed_on=date(2023, 3, 1), received_on=date(2023, 3, 1)
    )
    suit.apply("schedule_hearing", by=liaison_a1, on=notice, hearing_on=date(2023, 4, 10))
    hearing = Hearing.objects.get()
    assert hearing.notice_short is short
    d = deadlines_for(hearing).get(period__code="litig_appearance_notice")
    assert (d.due_date, d.is_open) == (date(2023, 4, 7), False)


def test_an_open_case_is_on_the_due_list_of_its_unit_with_the_legal_basis(
    unit_a1, liaison_a1, liaison_a2, client_for
) -> None:
    from django.utils import timezone

    received = timezone.localdate() - timedelta(days=2)
    suit = make_lawsuit(
        unit_a1, by=liaison_a1, filed_on=received, received_on=received, handler=liaison_a1
    )
    page = client_for(liaison_a1).get("/deadlines/").content.decode()
    assert suit.case_number in page
    assert "第67条" in page
    assert suit.case_number not in client_for(liaison_a2).get("/deadlines/").content.decode()
    suit.apply("defend", by=liaison_a1, on=timezone.localdate())
    # Still open: the court's trial period (第81条) keeps it on the list until judgment.
    page = client_for(liaison_a1).get("/deadlines/").content.decode()
    assert suit.case_number in page and "第81条" in page
    suit.apply("conclude", by=liaison_a1, on=timezone.localdate(), outcome=Outcome.values[0])
    assert suit.case_number not in client_for(liaison_a1).get("/deadlines/").content.decode()


def test_the_trial_period_runs_six_months_from_filing_and_is_met_by_the_judgment(unit_a1, liaison_a1) -> None:
    # 行政诉讼法 第81条: 立案 Wed 2023-03-01 → six months → Fri 2023-09-01.
    suit = make_lawsuit(
        unit_a1, by=liaison_a1, filed_on=date(2023, 3, 1), received_on=date(2023, 3, 3), handler=liaison_a1
    )
    trial = deadlines_for(suit).get(period__code="litig_trial_first")
    assert trial.due_date == date(2023, 9, 1)
    suit.apply("defend", by=liaison_a1, on=date(2023, 3, 10))
    suit.apply("conclude", by=liaison_a1, on=date(2023, 8, 1), outcome=Outcome.values[0])
    trial.refresh_from_db()
    assert trial.on_time and not deadlines_for(suit).filter(status="open").exists()
