"""The reminder ladder the cron command walks, as one function (idempotent).

For every task in 办理中 with a deadline: a reminder some days before it, and when it
is overdue the most severe escalation reached that has not been recorded yet (a task
found 20 days late on its first run gets 会议督办, not three urgings at once). Each is
an `Urging` row unique per (task, step), so running twice sends nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from fazhi.audit.trail import audit_context
from fazhi.oversight import rules
from fazhi.oversight.models import Task, Urging
from fazhi.oversight.rules import TaskState, UrgingKind


@dataclass(frozen=True)
class Planned:
    task: Task
    step: str
    kind: str
    means: str
    note: str


def plan(today: date) -> list[Planned]:
    """The urgings due today and not yet recorded."""
    tasks = Task.objects.filter(state=TaskState.ASSIGNED, due_on__isnull=False).select_related(
        "unit"
    )
    done: dict[int, set[str]] = {}
    for task_id, step in (
        Urging.objects.filter(task__in=tasks).exclude(step="").values_list("task_id", "step")
    ):
        done.setdefault(task_id, set()).add(step)
    order = [code for code, _, _ in rules.ESCALATIONS]
    out: list[Planned] = []
    for task in tasks:
        steps = done.get(task.pk, set())
        due = task.due_on
        if due >= today:
            for code, days, means in rules.REMINDERS:
                if today >= due - timedelta(days=days) and code not in steps:
                    out.append(
                        Planned(
                            task,
                            code,
                            UrgingKind.REMINDER,
                            means,
                            f"距完成时限{due:%Y-%m-%d}还有{(due - today).days}天",
                        )
                    )
            continue
        late = (today - due).days
        reached = [(code, means) for code, days, means in rules.ESCALATIONS if late >= days]
        if not reached:
            continue
        code, means = reached[-1]
        if any(order.index(s) >= order.index(code) for s in steps if s in order):
            continue
        out.append(Planned(task, code, UrgingKind.ESCALATION, means, f"已超过完成时限{late}天"))
    return out


def send(today: date, *, dry_run: bool = False) -> list[Planned]:
    """Record today's urgings in one transaction; with dry_run, only list them."""
    planned = plan(today)
    if dry_run or not planned:
        return planned
    with (
        transaction.atomic(),
        audit_context(verb="send_supervision_reminders", note="督查催办（定时任务）"),
    ):
        for p in planned:
            Urging.objects.create(
                task=p.task,
                kind=p.kind,
                step=p.step,
                means=p.means,
                sent_on=today,
                unit=p.task.unit,
                due_on=p.task.due_on,
                note=p.note,
            )
    return planned
