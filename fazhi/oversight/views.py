"""Screens: supervision tasks and suggestions / proposals declared on the register kit
(list, propose or assign, detail with one button per allowed move, figures, xlsx), a
task's milestones and archive file, and the due list of reminders and escalations.
Thin: the rules are in models.py and rules.py; what the screens share is kit.registers."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.deadlines.models import soon_until
from fazhi.deadlines.services import deadlines_of_app, lights_for
from fazhi.kit.forms import add_errors
from fazhi.kit.registers import (
    WorkflowScreen,
    choice_filter,
    flag_filter,
    meta_fields,
    year_filter,
)
from fazhi.kit.screens import scoped
from fazhi.org.scope import can_write_unit, get_for_user_or_404
from fazhi.oversight import indicators as oversight_indicators
from fazhi.oversight import rules
from fazhi.oversight.forms import (
    MilestoneDoneForm,
    MilestoneForm,
    SuggestionForm,
    TaskForm,
    action_form_class,
)
from fazhi.oversight.importing import SHEET
from fazhi.oversight.models import Milestone, Suggestion, Task, Urging
from fazhi.oversight.rules import SuggestionKind, SuggestionState, TaskState
from fazhi.workdays.services import get_calendar

VERB_LABELS = {
    "propose": "提出督办事项",
    "assign": "交办",
    "milestone_add": "设置时间节点",
    "milestone_change": "修改时间节点",
    "milestone_done": "时间节点完成",
    "milestone_remove": "删除时间节点",
    **{a: t.label for a, t in rules.TASK_TRANSITIONS.items()},
    **{a: t.label for a, t in rules.SUGGESTION_TRANSITIONS.items()},
}


def _task_extra(
    request: HttpRequest,
    task: Task,
    *,
    milestone_form: Any = None,
    done_forms: dict[int, Any] | None = None,
) -> dict[str, Any]:
    """A task's page beyond the kit's: milestones (each with its deadline's light and
    its 完成 form), progress reports, urgings, the archive, the co-operating units."""
    can_write = can_write_unit(request.user, task.unit)
    done_forms = done_forms or {}
    ms = list(task.milestones.all())
    lights = lights_for(ms, timezone.localdate(), rules.P_MILESTONE)
    milestones = [
        {
            "m": m,
            "light": lights.get(m.pk, "green"),
            "done_form": done_forms.get(m.pk) or MilestoneDoneForm(prefix=f"m{m.pk}"),
        }
        for m in ms
    ]
    return {
        "milestones": milestones,
        "milestone_form": milestone_form or MilestoneForm(prefix="milestone"),
        "may_edit_milestones": can_write and task.state in rules.MILESTONE_EDIT_STATES,
        "may_complete_milestones": can_write and task.state in rules.MILESTONE_DONE_STATES,
        "progress": task.progress.all(),
        "urgings": task.urgings.select_related("unit"),
        "archive": getattr(task, "archive", None),
        "co_units": task.co_units.all(),
        "act_base": task.get_absolute_url() + "act/",
    }


TASKS = WorkflowScreen(
    app="oversight",
    model=Task,
    title="督查督办、建议提案",
    filters=(flag_filter("overdue", lambda qs: qs.overdue(timezone.localdate())),),
    related=("unit", "office"),
    choices={"states": TaskState.choices},
    current_keys=("state", "overdue"),
    form=TaskForm,
    create=lambda user, form: Task.propose(
        by=user, co_units=form.cleaned_data["co_units"], **meta_fields(form, "co_units")
    ),
    form_title="提出督查督办事项",
    done="已提出督办事项：{obj}，待立项审批。",
    detail_template="oversight/task.html",
    action_form=action_form_class,
    labels=VERB_LABELS,
    detail_context=_task_extra,
    indicators=oversight_indicators.INDICATORS,
    names={"register": "task_new", "detail": "task", "act": "task_act"},
)

SUGGESTIONS = WorkflowScreen(
    app="oversight",
    model=Suggestion,
    title="建议、提案",
    list_template="oversight/suggestions.html",
    filters=(choice_filter("kind", SuggestionKind), year_filter("assigned_on")),
    related=("unit",),
    detail_related=("unit", "office"),
    choices={"kinds": SuggestionKind.choices, "states": SuggestionState.choices},
    current_keys=("kind", "state", "year"),
    form=SuggestionForm,
    create_with="assign",
    form_title="交办建议、提案",
    done="已交办：{obj}，答复期限已开始计算。",
    detail_template="oversight/suggestion.html",
    action_form=action_form_class,
    labels=VERB_LABELS,
    detail_context=lambda request, s: {
        "can_see_personal": request.user.can_write_records,
        "act_base": s.get_absolute_url() + "act/",
    },
    sheet=SHEET,
    prefix="suggestions/",
    xlsx_at="",
    names={
        "list": "suggestions",
        "register": "suggestion_new",
        "detail": "suggestion",
        "act": "suggestion_act",
    },
)


@login_required
def task_archive(request: HttpRequest, pk: int) -> HttpResponse:
    """立卷归档: the task's archive file (documents and full history), as frozen."""
    task = TASKS.fetch(request, pk)
    archive = getattr(task, "archive", None)
    if archive is None:
        raise Http404("该督办事项尚未立卷归档。")
    fields = [
        (k, "、".join(v) if isinstance(v, list) else str(v))
        for k, v in archive.contents.get("事项", {}).items()
    ]
    return render(
        request, "oversight/archive.html", {"task": task, "archive": archive, "fields": fields}
    )


def _milestone(request: HttpRequest, pk: int) -> Milestone:
    return get_for_user_or_404(
        Milestone.objects.select_related("task__unit", "task__office"), pk, request.user, write=True
    )


def _milestone_refused(
    request: HttpRequest, task: Task, exc: ValidationError | None, form: Any, **forms: Any
) -> HttpResponse:
    if exc is not None:
        add_errors(form, exc)
    messages.error(request, "时间节点未保存，请检查填写内容。")
    context = {**TASKS.context(request, task), **_task_extra(request, task, **forms)}
    return render(request, "oversight/task.html", context, status=400)


@login_required
@require_POST
def milestone_add(request: HttpRequest, pk: int) -> HttpResponse:
    """设置时间节点 (责任分解): the lead unit's or the office's writers; leader 403."""
    task = TASKS.fetch(request, pk, write=True)
    form = MilestoneForm(request.POST, prefix="milestone")
    if form.is_valid():
        try:
            Milestone.add(task, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            return _milestone_refused(request, task, exc, form, milestone_form=form)
        messages.success(request, "已设置时间节点。")
        return redirect(task.get_absolute_url() + "#milestones")
    return _milestone_refused(request, task, None, form, milestone_form=form)


@login_required
def milestone_edit(request: HttpRequest, pk: int) -> HttpResponse:
    m = _milestone(request, pk)
    task = m.task
    initial = {"title": m.title, "due_on": m.due_on}
    form = MilestoneForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            m.change(by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "已修改时间节点。")
            return redirect(task.get_absolute_url() + "#milestones")
    return render(
        request,
        "oversight/milestone_form.html",
        {"form": form, "task": task, "milestone": m},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def milestone_done(request: HttpRequest, pk: int) -> HttpResponse:
    m = _milestone(request, pk)
    task = m.task
    form = MilestoneDoneForm(request.POST, prefix=f"m{m.pk}")
    if form.is_valid():
        try:
            m.complete(by=request.user, on=form.cleaned_data["done_on"])
        except ValidationError as exc:
            return _milestone_refused(request, task, exc, form, done_forms={m.pk: form})
        messages.success(request, f"已登记时间节点“{m.title}”完成。")
        return redirect(task.get_absolute_url() + "#milestones")
    return _milestone_refused(request, task, None, form, done_forms={m.pk: form})


@login_required
def due(request: HttpRequest) -> HttpResponse:
    """督办待办: the shared due list (deadlines app) filtered to this register — tasks'
    完成时限, milestones and suggestions' reply periods — and the urgings recorded."""
    today = timezone.localdate()
    until = soon_until(today, get_calendar())
    deadlines = scoped(
        request, deadlines_of_app("oversight").open().select_related("unit", "period")
    )
    urgings = scoped(
        request,
        Urging.objects.filter(task__state=TaskState.ASSIGNED).select_related(
            "task", "unit", "milestone"
        ),
    )
    rows = [
        {"d": d, "light": d.light(today, until=until), "left": d.days_left(today)}
        for d in deadlines.order_by("due_date", "id")[:500]
    ]
    return render(
        request, "oversight/due.html", {"rows": rows, "urgings": urgings[:200], "today": today}
    )
