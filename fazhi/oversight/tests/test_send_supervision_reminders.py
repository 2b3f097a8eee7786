"""The cron command: reminders before the deadline, escalations after, never twice."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from fazhi.oversight.models import Urging
from fazhi.oversight.rules import Means, UrgingKind
from fazhi.oversight.tests.test_models import assigned

pytestmark = pytest.mark.django_db


def run(day: date, *args: str) -> str:
    out = StringIO()
    with time_machine.travel(day, tick=False):
        call_command("send_supervision_reminders", *args, stdout=out)
    return out.getvalue()


def test_it_reminds_before_the_deadline_once_however_often_it_runs(coordinator, county_a, unit_a1):
    task = assigned(coordinator, county_a, unit_a1, due_on=date(2023, 4, 28))
    run(date(2023, 4, 20))
    assert Urging.objects.count() == 0
    run(date(2023, 4, 25))
    run(date(2023, 4, 25))
    run(date(2023, 4, 27))
    reminder = Urging.objects.get()
    assert (reminder.kind, reminder.means, reminder.unit, reminder.task) == (
        UrgingKind.REMINDER,
        Means.PHONE,
        unit_a1,
        task,
    )


def test_it_escalates_an_overdue_task_step_by_step_and_never_twice(coordinator, county_a, unit_a1):
    assigned(coordinator, county_a, unit_a1, due_on=date(2023, 4, 28))
    for day in (
        date(2023, 4, 29),
        date(2023, 4, 29),
        date(2023, 5, 1),
        date(2023, 5, 5),
        date(2023, 5, 13),
        date(2023, 5, 13),
        date(2023, 5, 28),
        date(2023, 6, 30),
    ):
        run(day)
    escalations = list(
        Urging.objects.filter(kind=UrgingKind.ESCALATION)
        .order_by("sent_on")
        .values_list("means", flat=True)
    )
    assert escalations == [Means.NOTICE, Means.ONSITE, Means.MEETING, Means.CIRCULAR]


def test_a_task_found_late_on_the_first_run_gets_only_the_step_it_has_reached(
    coordinator, county_a, unit_a1
):
    assigned(coordinator, county_a, unit_a1, due_on=date(2023, 4, 28))
    run(date(2023, 5, 20))
    assert list(Urging.objects.values_list("means", flat=True)) == [Means.MEETING]
    run(date(2023, 5, 21))
    assert Urging.objects.count() == 1


def test_dry_run_lists_without_recording(coordinator, county_a, unit_a1):
    assigned(coordinator, county_a, unit_a1, due_on=date(2023, 4, 28))
    out = run(date(2023, 4, 30), "--dry-run")
    assert "下达催办通知" in out and "应登记" in out
    assert Urging.objects.count() == 0


def test_closed_or_reported_tasks_are_left_alone(coordinator, county_a, unit_a1):
    task = assigned(coordinator, county_a, unit_a1, due_on=date(2023, 4, 28))
    task.apply("report_done", by=coordinator, on=date(2023, 4, 27), text="已完成")
    run(date(2023, 5, 20))
    assert Urging.objects.count() == 0
