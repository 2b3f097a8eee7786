"""The due list's querysets and lights at the boundary days (clock frozen)."""

import datetime as dt

import pytest
from django.utils import timezone

from fazhi.deadlines.models import Deadline
from fazhi.deadlines.services import meet_deadline, open_deadline
from fazhi.testing import make_person

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def deadline(unit_a1):
    # Due 2024-10-10 (Thursday), 5 working days after 2024-09-27 across National Day.
    return open_deadline(
        make_person(unit_a1), "recon_acceptance_review", start=D(2024, 9, 27), title="受理审查"
    )


@pytest.mark.parametrize(
    ("today", "light"),
    [
        (D(2024, 9, 27), "green"),  # 3 working days ahead: 9-29 (make-up), 9-30, 10-8
        (
            D(2024, 9, 30),
            "yellow",
        ),  # ten calendar days early, but only 3 working days: 10-8, 10-9, 10-10
        (D(2024, 10, 9), "yellow"),  # the day before
        (D(2024, 10, 10), "yellow"),  # the day of
        (D(2024, 10, 11), "red"),  # the day after
    ],
)
def test_light_and_querysets_agree_at_the_boundary(deadline, settings, time_machine, today, light):
    settings.FAZHI_DUE_SOON_WORKDAYS = 3
    time_machine.move_to(
        dt.datetime(today.year, today.month, today.day, 9, tzinfo=dt.UTC), tick=False
    )
    assert timezone.localdate() == today
    assert deadline.light(today) == light
    qs = Deadline.objects.all()
    assert qs.overdue(today).exists() is (light == "red")
    assert qs.due_soon(today).exists() is (light == "yellow")
    assert qs.not_urgent(today).exists() is (light == "green")


def test_a_met_deadline_leaves_the_lists_and_shows_its_result(deadline):
    meet_deadline(deadline.record, "recon_acceptance_review", on=D(2024, 10, 11))
    deadline.refresh_from_db()
    assert not Deadline.objects.open().exists()
    assert not Deadline.objects.overdue(D(2024, 12, 1)).exists()
    assert deadline.light(D(2024, 12, 1)) == "red"  # met late


def test_visible_to_follows_the_scope(
    deadline, liaison_a1, liaison_a2, coordinator, leader, coordinator_b
):
    assert list(Deadline.objects.visible_to(liaison_a1)) == [deadline]
    assert list(Deadline.objects.visible_to(coordinator)) == [deadline]
    assert list(Deadline.objects.visible_to(leader)) == [deadline]
    assert not Deadline.objects.visible_to(liaison_a2).exists()
    assert not Deadline.objects.visible_to(coordinator_b).exists()


def test_touching_years_finds_windows_that_meet_a_year(deadline, unit_a1):
    later = open_deadline(
        make_person(unit_a1, "李四"), "recon_decision_ordinary", start=D(2026, 12, 1), title="跨年"
    )
    assert set(Deadline.objects.touching_years({2027})) == {later}
    assert set(Deadline.objects.touching_years({2024})) == {deadline}
    assert not Deadline.objects.touching_years({2030}).exists()
