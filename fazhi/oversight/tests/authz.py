"""Who may reach each route of oversight: its rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from fazhi.api.tests.authz_support import (
    Ctx,
    api_rows,
    auto_factory,
    first_action,
    reader,
    record_action,
    record_read,
    record_write,
    writer,
)


def TASK(ctx: Ctx) -> Any:  # noqa: N802
    """An assigned task of unit A1 (office: county A), made through the real paths."""
    from fazhi.oversight.models import Task

    by = ctx.coordinator
    task = Task.propose(
        by=by,
        office=ctx.county,
        unit=ctx.unit,
        title="背街小巷路灯整改",
        source_kind="instruction",
        source_ref="县长批示",
        proposed_on=date(2024, 3, 1),
    )
    task.apply("approve", by=by, on=date(2024, 3, 2), approved_by="县长")
    task.apply("assign", by=by, on=date(2024, 3, 4), responsible="王局长", due_on=date(2024, 6, 28))
    return task


def ARCHIVED(ctx: Ctx) -> Any:  # noqa: N802
    """TASK carried through 报告办结, 验收销号 and 立卷归档."""
    by = ctx.coordinator
    task = TASK(ctx)
    task.apply("report_done", by=by, on=date(2024, 6, 20), text="已完成")
    task.apply("accept", by=by, on=date(2024, 6, 25), accepted_by="督查室主任")
    task.apply("archive", by=by, on=date(2024, 7, 1))
    return task


def MILESTONE(ctx: Ctx) -> Any:  # noqa: N802
    from fazhi.oversight.models import Milestone

    return Milestone.add(TASK(ctx), by=ctx.coordinator, title="完成摸底", due_on=date(2024, 4, 30))


ROUTES = {
    **api_rows("task", auto_factory("oversight.Task"), "transition", disallow=("DELETE",)),
    **api_rows(
        "suggestion",
        auto_factory("oversight.Suggestion"),
        "transition",
        disallow=("PATCH", "DELETE"),
    ),
    "oversight:list": reader(),  # oversight/
    "oversight:task_new": writer(),  # oversight/new/
    "oversight:task": record_read(auto_factory("oversight.Task")),  # oversight/<int:pk>/
    "oversight:task_act": record_action(
        auto_factory("oversight.Task"),
        kwargs=first_action("fazhi.oversight.rules.TASK_TRANSITIONS"),
        post=400,  # the empty form is refused, nothing changed
    ),  # oversight/<int:pk>/act/<slug:action>/
    **api_rows("milestone", MILESTONE),
    "oversight:task_archive": record_read(ARCHIVED),  # oversight/<int:pk>/archive/
    "oversight:milestone_add": record_action(TASK, post=400),  # oversight/<int:pk>/milestones/new/
    "oversight:milestone_edit": record_write(MILESTONE),  # oversight/milestones/<int:pk>/edit/
    "oversight:milestone_done": record_action(
        MILESTONE, post=400
    ),  # oversight/milestones/<int:pk>/done/
    "oversight:due": reader(),  # oversight/due/
    "oversight:figures": reader(),  # oversight/figures/
    "oversight:suggestions": reader(),  # oversight/suggestions/
    "oversight:suggestion_new": writer(),  # oversight/suggestions/new/
    "oversight:suggestion": record_read(
        auto_factory("oversight.Suggestion")
    ),  # oversight/suggestions/<int:pk>/
    "oversight:suggestion_act": record_action(
        auto_factory("oversight.Suggestion"),
        kwargs=first_action("fazhi.oversight.rules.SUGGESTION_TRANSITIONS"),
        post=400,
    ),  # oversight/suggestions/<int:pk>/act/<slug:action>/
    "oversight:template": reader(),  # oversight/template.xlsx
    "oversight:import": writer(),  # oversight/import/
    "oversight:export": reader(),  # oversight/export.xlsx
    "oversight:export_full": writer(),  # the export for editing: full data
}
