"""The documents' deadlines on the due list: review, filing and the end of validity."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.workflow import TransitionNotAllowed
from fazhi.deadlines.models import Deadline, Status
from fazhi.deadlines.services import deadlines_for
from fazhi.normdocs.models import Cleanup
from fazhi.normdocs.rules import EXPIRY_PERIOD, FILING_PERIOD, REVIEW_PERIOD
from fazhi.normdocs.tests.test_rules import published

pytestmark = pytest.mark.django_db


def _deadline(doc, code):
    return deadlines_for(doc).get(period__code=code)


def test_publication_puts_the_end_of_validity_on_the_due_list(county_a, coordinator):
    doc = published(county_a, coordinator, published_on=date(2022, 3, 2))
    expiry = _deadline(doc, EXPIRY_PERIOD)
    # Valid five years less a day from taking effect: 2027-03-01, a Monday.
    assert doc.valid_until == date(2027, 3, 1)
    assert expiry.status == Status.OPEN and expiry.due_date == date(2027, 3, 1)
    assert expiry.unit == county_a
    assert expiry in Deadline.objects.visible_to(coordinator).open()


def test_a_validity_ending_on_a_holiday_is_due_the_working_day_before(county_a, coordinator):
    # Taking effect 2019-10-02, valid until Tuesday 2024-10-01 (National Day): the document
    # must be dealt with while still in force, by Monday 2024-09-30 (a working day).
    doc = published(county_a, coordinator, published_on=date(2019, 10, 2))
    assert doc.valid_until == date(2024, 10, 1)
    assert _deadline(doc, EXPIRY_PERIOD).due_date == date(2024, 9, 30)


def test_a_document_close_to_expiry_turns_yellow_then_red(county_a, coordinator):
    doc = published(county_a, coordinator, published_on=date(2022, 3, 2))
    expiry = _deadline(doc, EXPIRY_PERIOD)
    assert expiry.light(date(2026, 9, 1)) == "green"
    assert expiry.light(date(2027, 2, 26)) == "yellow"  # Friday before the Monday
    assert expiry.light(date(2027, 3, 2)) == "red"


def test_the_review_and_filing_deadlines_close_when_the_acts_are_done(county_a, coordinator):
    doc = published(county_a, coordinator, published_on=date(2022, 3, 2))
    assert _deadline(doc, REVIEW_PERIOD).status == Status.MET
    filing = _deadline(doc, FILING_PERIOD)
    assert filing.status == Status.OPEN and filing.due_date == doc.filing_due
    doc.apply("file", by=coordinator, on=date(2022, 3, 20), conform=True)
    filing.refresh_from_db()
    assert filing.status == Status.MET and filing.on_time is True


def test_repeal_closes_the_filing_and_expiry_deadlines(county_a, coordinator):
    doc = published(county_a, coordinator, published_on=date(2020, 5, 6))
    cleanup = Cleanup.objects.create(
        unit=county_a, title="清理", cutoff=date(2022, 3, 31), started_on=date(2022, 4, 1)
    )
    cleanup.decide(doc, "repeal", by=coordinator, on=date(2022, 6, 1))
    assert not Deadline.objects.for_record(doc).open().exists()
    assert _deadline(doc, EXPIRY_PERIOD).status == Status.CANCELLED


def test_an_amendment_with_a_new_validity_moves_the_expiry_deadline(county_a, coordinator):
    doc = published(county_a, coordinator, published_on=date(2020, 5, 6))
    doc.apply("amend", by=coordinator, on=date(2022, 6, 1), valid_until=date(2027, 5, 31))
    assert doc.valid_until == date(2027, 5, 31)
    assert _deadline(doc, EXPIRY_PERIOD).due_date == date(2027, 5, 31)


def test_an_amendment_beyond_five_years_is_refused_and_changes_nothing(county_a, coordinator):
    doc = published(county_a, coordinator, published_on=date(2020, 5, 6))
    before, due = doc.valid_until, _deadline(doc, EXPIRY_PERIOD).due_date
    # Valid until 2025-05-05, inside the May Day holiday: due the working day before.
    assert due == date(2025, 4, 30)
    with pytest.raises(TransitionNotAllowed, match="不得超过5年"):
        doc.apply("amend", by=coordinator, on=date(2022, 6, 1), valid_until=date(2027, 6, 1))
    doc.refresh_from_db()
    assert doc.valid_until == before and doc.state == "in_force"
    assert _deadline(doc, EXPIRY_PERIOD).due_date == due


def test_a_departments_document_is_filed_with_the_county_government(county_a, unit_a1, liaison_a1):
    doc = published(unit_a1, liaison_a1, published_on=date(2022, 3, 2))
    assert doc.filing_authority == county_a
    assert _deadline(doc, FILING_PERIOD).unit == unit_a1  # on the issuer's due list
