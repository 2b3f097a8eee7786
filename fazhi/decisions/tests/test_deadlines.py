"""The public comment period (第15条) on the due list."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.workflow import TransitionNotAllowed
from fazhi.deadlines.models import Deadline, Status
from fazhi.decisions.tests.test_rules import make_decision

pytestmark = pytest.mark.django_db

CODE = "decision_public_comment"


def test_opening_the_comment_period_opens_its_deadline(county_a, coordinator):
    d = make_decision(county_a)
    d.apply("open_comment", by=coordinator, on=date(2022, 9, 1), end_on=date(2022, 10, 8))
    deadline = Deadline.objects.for_record(d).get(period__code=CODE)
    # Day 30 after 2022-09-01 is 2022-10-01, inside the National Day holiday: the earliest
    # day comments may close moves to the next working day, Saturday 2022-10-08 (调休).
    assert deadline.status == Status.OPEN and deadline.due_date == date(2022, 10, 8)
    assert (d.comment_start_on, d.comment_end_on) == (date(2022, 9, 1), date(2022, 10, 8))


def test_recording_participation_closes_the_comment_period(county_a, coordinator):
    d = make_decision(county_a)
    d.apply("open_comment", by=coordinator, on=date(2022, 3, 1), end_on=date(2022, 3, 31))
    d.apply(
        "participation",
        by=coordinator,
        on=date(2022, 4, 1),
        received=4,
        adopted=1,
        handling="已反馈",
    )
    step = d.steps.get(step="participation")
    assert (step.start_on, step.end_on) == (date(2022, 3, 1), date(2022, 3, 31))
    assert not Deadline.objects.for_record(d).open().exists()
    assert Deadline.objects.for_record(d).get().status == Status.CANCELLED


def test_a_comment_period_under_30_days_is_refused_without_a_reason(county_a, coordinator):
    d = make_decision(county_a)
    with pytest.raises(TransitionNotAllowed, match="少于"):
        d.apply("open_comment", by=coordinator, on=date(2022, 3, 1), end_on=date(2022, 3, 20))
    d.refresh_from_db()
    assert d.comment_start_on is None and not Deadline.objects.for_record(d).exists()
    d.apply(
        "open_comment",
        by=coordinator,
        on=date(2022, 3, 1),
        end_on=date(2022, 3, 20),
        shortened_reason="防汛工程情况紧急",
    )
    assert d.comment_end_on == date(2022, 3, 20)


def test_the_comment_period_opens_once_and_participation_cannot_then_be_waived(
    county_a, coordinator
):
    d = make_decision(county_a)
    d.apply("open_comment", by=coordinator, on=date(2022, 3, 1), end_on=date(2022, 3, 31))
    assert "open_comment" not in [t.action for t in d.allowed_actions(coordinator)]
    with pytest.raises(TransitionNotAllowed):
        d.apply("open_comment", by=coordinator, on=date(2022, 3, 2), end_on=date(2022, 4, 2))
    with pytest.raises(TransitionNotAllowed, match="不能登记为不适用"):
        d.apply(
            "not_applicable", by=coordinator, on=date(2022, 4, 1), step="participation", reason="无"
        )


def test_participation_must_keep_the_start_date_of_the_comment_period(county_a, coordinator):
    d = make_decision(county_a)
    d.apply("open_comment", by=coordinator, on=date(2022, 3, 1), end_on=date(2022, 3, 31))
    with pytest.raises(TransitionNotAllowed, match="不一致"):
        d.apply(
            "participation",
            by=coordinator,
            on=date(2022, 4, 1),
            start_on=date(2022, 3, 2),
            end_on=date(2022, 4, 1),
        )
    assert not d.steps.exists()
