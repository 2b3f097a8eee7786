"""The reminder ladder the cron command walks, as one function (idempotent).

For every task in 办理中 with a deadline: a reminder some days before it, and when it
is overdue the most severe escalation reached that has not been recorded yet (a task
found 20 days late on its first run gets 会议督办, not three urgings at once). The same
for each milestone (阶段节点) not yet completed: a reminder before it, a notice when it
is overdue. Each is an `Urging` row unique per (task, step) or (milestone, step), so
running twice sends nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from fazhi.audit.trail import audit_context
from fazhi.oversight import rules
from fazhi.oversight.models import Milestone, Task, Urging
from fazhi.oversight.rules import TaskState, UrgingKind


@dataclass(frozen=True)
class Planned:
    task: Task
    step: str
    kind: str
    means: str
    note: str
    milestone: Milestone | None = None


# A ladder: its reminders (step, days before, means), its escalations (step, days late,
# means) and the name of the deadline in the notes.
Ladder = tuple[list[tuple[str, int, str]], list[tuple[str, int, str]], str]
TASK_LADDER: Ladder = (rules.REMINDERS, rules.ESCALATIONS, "完成时限")
MILESTONE_LADDER: Ladder = (rules.MILESTONE_REMINDERS, rules.MILESTONE_ESCALATIONS, "节点时限")


def _ladder(
    due: date, today: date, done: set[str], ladder: Ladder
) -> list[tuple[str, str, str, str]]:
    """(step, kind, means, note) due today for a deadline `due`, given the steps done."""
    reminders, escalations, label = ladder
    out = []
    if due >= today:
        for code, days, means in reminders:
            if today >= due - timedelta(days=days) and code not in done:
                out.append(
                    (
                        code,
                        UrgingKind.REMINDER,
                        means,
                        f"距{label}{due:%Y-%m-%d}还有{(due - today).days}天",
                    )
                )
        return out
    late = (today - due).days
    reached = [(code, means) for code, days, means in escalations if late >= days]
    if not reached:
        return out
    order = [code for code, _, _ in escalations]
    code, means = reached[-1]
    if any(order.index(s) >= order.index(code) for s in done if s in order):
        return out
    return [(code, UrgingKind.ESCALATION, means, f"已超过{label}{late}天")]


def plan(today: date) -> list[Planned]:
    """The urgings due today and not yet recorded, for tasks and their milestones."""
    tasks = Task.objects.filter(state=TaskState.ASSIGNED, due_on__isnull=False).select_related(
        "unit"
    )
    done: dict[int, set[str]] = {}
    done_m: dict[int, set[str]] = {}
    for task_id, milestone_id, step in (
        Urging.objects.filter(task__in=tasks)
        .exclude(step="")
        .values_list("task_id", "milestone_id", "step")
    ):
        if milestone_id is None:
            done.setdefault(task_id, set()).add(step)
        else:
            done_m.setdefault(milestone_id, set()).add(step)
    out: list[Planned] = []
    for task in tasks:
        for code, kind, means, note in _ladder(
            task.due_on, today, done.get(task.pk, set()), TASK_LADDER
        ):
            out.append(Planned(task, code, kind, means, note))
    milestones = Milestone.objects.filter(task__in=tasks, done_on__isnull=True).select_related(
        "task__unit"
    )
    for m in milestones:
        for code, kind, means, note in _ladder(m.due_on, today, done_m.get(m.pk, set()), MILESTONE_LADDER):
            out.append(Planned(m.task, code, kind, means, f"时间节点“{m.title}”{note}", m))
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
                milestone=p.milestone,
                kind=p.kind,
                step=p.step,
                means=p.means,
                sent_on=today,
                unit=p.task.unit,
                due_on=p.task.due_on,
                note=p.note,
            )
    return planned
