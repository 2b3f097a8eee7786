"""What the services offer registers beyond one record: the open deadlines of a model's
records, and due dates of records registered after the fact."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from fazhi.deadlines.models import Period
from fazhi.deadlines.services import (
    DueDates,
    cancel_deadline,
    due_date,
    open_deadline,
    open_deadlines_of,
)
from fazhi.testing import make_person

D = dt.date
pytestmark = pytest.mark.django_db


def test_open_deadlines_of_a_model_by_record_key(record, unit_a1):
    other = make_person(unit_a1, "李四")
    mine = open_deadline(record, "recon_acceptance_review", start=D(2024, 9, 27), title="a")
    open_deadline(other, "recon_acceptance_review", start=D(2024, 9, 27), title="b")
    cancel_deadline(other, "recon_acceptance_review", on=D(2024, 9, 30))
    assert open_deadlines_of(type(record), "recon_acceptance_review") == {record.pk: mine}
    assert open_deadlines_of(type(record), "recon_correction_notice") == {}


def test_due_date_is_the_one_an_opened_deadline_gets(record):
    opened = open_deadline(record, "recon_acceptance_review", start=D(2024, 9, 27), title="a")
    assert due_date("recon_acceptance_review", D(2024, 9, 27)) == opened.due_date


def test_due_dates_see_a_period_row_changed_after_the_first_counter(record):
    before = DueDates()("recon_acceptance_review", D(2024, 9, 27))
    period = Period.objects.get(code="recon_acceptance_review", effective_until__isnull=True)
    period.length += 5
    period.save()
    assert DueDates()("recon_acceptance_review", D(2024, 9, 27)) > before


def test_an_unknown_code_is_refused_in_chinese():
    with pytest.raises(ValidationError, match="不存在"):
        due_date("no_such_period", D(2024, 1, 2))
