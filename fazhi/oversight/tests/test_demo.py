"""The demo has supervision tasks in every state, some overdue, and suggestions."""

from __future__ import annotations

import pytest

from fazhi.core.management.commands.demo import build_county, create_users
from fazhi.indicators.engine import compute
from fazhi.oversight import demo
from fazhi.oversight.models import Task, Urging
from fazhi.oversight.rules import TaskState

pytestmark = pytest.mark.django_db


def test_the_demo_has_tasks_in_every_state_some_overdue_and_urged():
    ctx = build_county()
    create_users(ctx)
    demo.load(ctx)
    assert set(Task.objects.values_list("state", flat=True)) == set(TaskState.values)
    assert Task.objects.overdue(ctx.today).count() >= 2
    assert Urging.objects.filter(kind="escalation").exists()
    # The overdue tasks are red on the shared due list, through the deadlines app.
    from fazhi.deadlines.models import Deadline

    red = Deadline.objects.open().overdue(ctx.today).filter(period__code="supervision_task")
    assert red.count() == Task.objects.overdue(ctx.today).count()
    assert Deadline.objects.open().filter(period__code="supervision_milestone").exists()
    # 2022's tasks are archived or closed: none of their deadlines is still open.
    assert not Deadline.objects.open().filter(start_date__year=2022).exists()
    values = compute(
        ctx.county,
        2022,
        ["npc_suggestions", "cppcc_proposals", "npc_completion_rate", "supervision_tasks"],
    )
    assert values["npc_suggestions"] == 38 and values["cppcc_proposals"] == 31
    assert values["supervision_tasks"] == 12
    assert 0 < values["npc_completion_rate"] < 100
