"""What a register's screens ask of the deadlines app about many records at once,
without touching ContentType or the text object_id themselves."""

import datetime as dt

import pytest

from fazhi.deadlines.services import (
    deadlines_by_record,
    deadlines_of,
    lights_for,
    meet_deadline,
    open_deadline,
    overdue_ids,
)
from fazhi.org.models import Person
from fazhi.testing import make_person

D = dt.date
pytestmark = pytest.mark.django_db


def test_overdue_ids_are_the_records_with_a_running_deadline_past_due(record, unit_a1):
    late = make_person(unit_a1, "李四")
    met = make_person(unit_a1, "王五")
    for r in (record, late, met):
        open_deadline(r, "recon_acceptance_review", start=D(2024, 9, 2), title="审查")
    meet_deadline(met, "recon_acceptance_review", on=D(2024, 9, 3))
    open_deadline(record, "recon_correction_notice", start=D(2024, 9, 30), title="补正")
    meet_deadline(record, "recon_acceptance_review", on=D(2024, 9, 3))
    # Only 李四's review is still running and past its due date (early September).
    assert overdue_ids(Person, D(2024, 9, 20)) == {late.pk}
    assert overdue_ids(Person, D(2024, 9, 6)) == set()
    assert deadlines_of(Person).count() == 4


def test_deadlines_by_record_gives_each_records_deadline_of_a_period(record, unit_a1):
    other = make_person(unit_a1, "李四")
    none = make_person(unit_a1, "王五")
    review = open_deadline(record, "recon_acceptance_review", start=D(2024, 9, 2), title="审查")
    notice = open_deadline(record, "recon_correction_notice", start=D(2024, 9, 2), title="补正")
    theirs = open_deadline(other, "recon_acceptance_review", start=D(2024, 9, 30), title="审查")
    found = deadlines_by_record([record, other, none], "recon_acceptance_review")
    assert found == {record.pk: review, other.pk: theirs}
    # Without a period: the latest opened of each record.
    assert deadlines_by_record([record, other, none])[record.pk] == notice
    assert deadlines_by_record([]) == {}


def test_lights_for_gives_todays_light_by_record(record, unit_a1):
    other = make_person(unit_a1, "李四")
    open_deadline(record, "recon_acceptance_review", start=D(2024, 9, 2), title="审查")
    open_deadline(other, "recon_acceptance_review", start=D(2024, 12, 2), title="审查")
    lights = lights_for([record, other], D(2024, 9, 20))
    assert lights[record.pk] == "red"
    assert lights[other.pk] != "red"
