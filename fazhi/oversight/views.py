"""Screens: supervision tasks (list, propose, detail with one button per allowed move,
the archive file), the due list of reminders and escalations, suggestions and
proposals, and the figures. Thin: fetch through the scope, call `apply()`, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core.focus import focus_unit
from fazhi.indicators.catalogue import catalogue
from fazhi.indicators.engine import compute, format_value
from fazhi.kit.actions import act_on
from fazhi.kit.actions import history as workflow_history
from fazhi.kit.forms import add_errors
from fazhi.kit.search import searched
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
from fazhi.oversight.models import Milestone, Suggestion, Task, Urging
from fazhi.oversight.rules import SuggestionKind, SuggestionState, TaskState

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


def _readable(request: HttpRequest) -> None:
    if not request.user.can_read_records:
        raise PermissionDenied("您的角色不能查看业务记录。")


def _years() -> range:
    return range(timezone.localdate().year, 2018, -1)


def filtered_tasks(request: HttpRequest) -> QuerySet[Task]:
    qs = Task.objects.visible_to(request.user)
    unit = focus_unit(request)
    if unit is not None:
        qs = qs.in_subtree(unit)
    g = request.GET
    if g.get("state") in TaskState.values:
        qs = qs.filter(state=g["state"])
    if g.get("overdue") == "1":
        qs = qs.overdue(timezone.localdate())
    return searched(request, qs).select_related("unit", "office")


@login_required
def task_list(request: HttpRequest) -> HttpResponse:
    _readable(request)
    page = Paginator(filtered_tasks(request), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "oversight/list.html",
        {
            "page": page,
            "today": timezone.localdate(),
            "states": TaskState.choices,
            "current": {k: request.GET.get(k, "") for k in ("state", "overdue")},
            "can_write": request.user.can_write_records,
        },
    )


@login_required
def task_new(request: HttpRequest) -> HttpResponse:
    if not request.user.can_write_records:
        raise PermissionDenied("您的角色只能查看，不能登记。")
    form = TaskForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        fields = {f: form.cleaned_data[f] for f in form.Meta.fields if f != "co_units"}
        try:
            task = Task.propose(by=request.user, co_units=form.cleaned_data["co_units"], **fields)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"已提出督办事项：{task}，待立项审批。")
            return redirect(task.get_absolute_url())
    return render(request, "oversight/form.html", {"form": form, "title": "提出督查督办事项"})


def _context(
    request: HttpRequest, record: Any, forms: dict[str, Any] | None, **extra: Any
) -> dict[str, Any]:
    actions = []
    for t in record.allowed_actions(request.user):
        form = (forms or {}).get(t.action) or action_form_class(t, record, request.user)(
            prefix=t.action
        )
        actions.append({"transition": t, "form": form, "open": bool(forms and t.action in forms)})
    return {
        "record": record,
        "actions": actions,
        "today": timezone.localdate(),
        "history": workflow_history(record, VERB_LABELS),
        **extra,
    }


def _task_context(
    request: HttpRequest,
    task: Task,
    forms: dict[str, Any] | None = None,
    *,
    milestone_form: Any = None,
    done_forms: dict[int, Any] | None = None,
) -> dict[str, Any]:
    from fazhi.deadlines.services import deadlines_for

    today = timezone.localdate()
    can_write = can_write_unit(request.user, task.unit)
    may_edit = can_write and task.state in rules.MILESTONE_EDIT_STATES
    may_complete = can_write and task.state in rules.MILESTONE_DONE_STATES
    done_forms = done_forms or {}
    from fazhi.deadlines.models import Deadline

    ms = list(task.milestones.all())
    lights = {}
    if ms:
        # Each milestone's deadline on the shared due list: its light, one query.
        qs = Deadline.objects.filter(
            content_type__app_label="oversight",
            content_type__model="milestone",
            object_id__in=[str(m.pk) for m in ms],
            period__code=rules.P_MILESTONE,
        ).order_by("id")
        lights = {d.object_id: d.light(today) for d in qs.select_related("period")}
    milestones = [
        {
            "m": m,
            "light": lights.get(str(m.pk), "green"),
            "done_form": done_forms.get(m.pk) or MilestoneDoneForm(prefix=f"m{m.pk}"),
        }
        for m in ms
    ]
    return _context(
        request,
        task,
        forms,
        milestones=milestones,
        milestone_form=milestone_form or MilestoneForm(prefix="milestone"),
        may_edit_milestones=may_edit,
        may_complete_milestones=may_complete,
        deadlines=[
            {"deadline": d, "light": d.light(today), "explain": d.explain().lines()}
            for d in deadlines_for(task)
        ],
        progress=task.progress.all(),
        urgings=task.urgings.select_related("unit"),
        archive=getattr(task, "archive", None),
        co_units=task.co_units.all(),
        act_base=task.get_absolute_url() + "act/",
    )


@login_required
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_for_user_or_404(Task.objects.select_related("unit", "office"), pk, request.user)
    return render(request, "oversight/task.html", _task_context(request, task))


def _act(
    request: HttpRequest,
    record: Any,
    action: str,
    template: str,
    ctx: Any,
) -> HttpResponse:
    return act_on(
        request,
        record,
        action,
        action_form_class,
        lambda failed: render(request, template, ctx(request, record, failed), status=400),
    )


@login_required
@require_POST
def task_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    task = get_for_user_or_404(
        Task.objects.select_related("unit", "office"), pk, request.user, write=True
    )
    return _act(request, task, action, "oversight/task.html", _task_context)


@login_required
def task_archive(request: HttpRequest, pk: int) -> HttpResponse:
    """立卷归档: the task's archive file (documents and full history), as frozen."""
    task = get_for_user_or_404(Task.objects.select_related("unit", "office"), pk, request.user)
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


def _task_for_milestones(request: HttpRequest, pk: int) -> Task:
    return get_for_user_or_404(
        Task.objects.select_related("unit", "office"), pk, request.user, write=True
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
    return render(request, "oversight/task.html", _task_context(request, task, **forms), status=400)


@login_required
@require_POST
def milestone_add(request: HttpRequest, pk: int) -> HttpResponse:
    """设置时间节点 (责任分解): the lead unit's or the office's writers; leader 403."""
    task = _task_for_milestones(request, pk)
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
    from fazhi.deadlines.models import Deadline, soon_until
    from fazhi.workdays.services import get_calendar

    _readable(request)
    today = timezone.localdate()
    until = soon_until(today, get_calendar())
    unit = focus_unit(request)
    deadlines = (
        Deadline.objects.visible_to(request.user)
        .open()
        .filter(content_type__app_label="oversight")
        .select_related("unit", "period")
    )
    urgings = (
        Urging.objects.visible_to(request.user)
        .filter(task__state=TaskState.ASSIGNED)
        .select_related("task", "unit", "milestone")
    )
    if unit is not None:
        deadlines, urgings = deadlines.in_subtree(unit), urgings.in_subtree(unit)
    rows = [
        {"d": d, "light": d.light(today, until=until), "left": d.days_left(today)}
        for d in deadlines.order_by("due_date", "id")[:500]
    ]
    return render(
        request, "oversight/due.html", {"rows": rows, "urgings": urgings[:200], "today": today}
    )


def filtered_suggestions(request: HttpRequest) -> QuerySet[Suggestion]:
    qs = Suggestion.objects.visible_to(request.user)
    unit = focus_unit(request)
    if unit is not None:
        qs = qs.in_subtree(unit)
    g = request.GET
    if g.get("kind") in SuggestionKind.values:
        qs = qs.filter(kind=g["kind"])
    if g.get("state") in SuggestionState.values:
        qs = qs.filter(state=g["state"])
    if g.get("year", "").isdigit():
        qs = qs.filter(assigned_on__year=int(g["year"]))
    return searched(request, qs).select_related("unit")


@login_required
def suggestion_list(request: HttpRequest) -> HttpResponse:
    _readable(request)
    page = Paginator(filtered_suggestions(request), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "oversight/suggestions.html",
        {
            "page": page,
            "kinds": SuggestionKind.choices,
            "states": SuggestionState.choices,
            "years": _years(),
            "current": {k: request.GET.get(k, "") for k in ("kind", "state", "year")},
            "query": request.GET.urlencode(),
            "can_write": request.user.can_write_records,
        },
    )


@login_required
def suggestion_new(request: HttpRequest) -> HttpResponse:
    if not request.user.can_write_records:
        raise PermissionDenied("您的角色只能查看，不能登记。")
    form = SuggestionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        fields = {f: form.cleaned_data[f] for f in form.Meta.fields}
        try:
            s = Suggestion.assign(by=request.user, **fields)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"已交办：{s}，答复期限已开始计算。")
            return redirect(s.get_absolute_url())
    return render(request, "oversight/form.html", {"form": form, "title": "交办建议、提案"})


def _suggestion_context(
    request: HttpRequest, s: Suggestion, forms: dict[str, Any] | None = None
) -> dict[str, Any]:
    from fazhi.deadlines.services import deadlines_for

    today = timezone.localdate()
    return _context(
        request,
        s,
        forms,
        deadlines=[
            {"deadline": d, "light": d.light(today), "explain": d.explain().lines()}
            for d in deadlines_for(s)
        ],
        can_see_personal=request.user.can_write_records,
        act_base=s.get_absolute_url() + "act/",
    )


@login_required
def suggestion_detail(request: HttpRequest, pk: int) -> HttpResponse:
    s = get_for_user_or_404(Suggestion.objects.select_related("unit", "office"), pk, request.user)
    return render(request, "oversight/suggestion.html", _suggestion_context(request, s))


@login_required
@require_POST
def suggestion_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    s = get_for_user_or_404(
        Suggestion.objects.select_related("unit", "office"), pk, request.user, write=True
    )
    return _act(request, s, action, "oversight/suggestion.html", _suggestion_context)


@login_required
def figures(request: HttpRequest) -> HttpResponse:
    unit = focus_unit(request)
    if unit is None or not request.user.can_read_records:
        raise PermissionDenied("您的角色不能查看统计。")
    text = request.GET.get("year", "")
    year = int(text) if text.isdigit() and 2000 <= int(text) <= 2100 else timezone.localdate().year
    codes = [i.code for i in oversight_indicators.INDICATORS]
    values = compute(unit, year, codes)
    cat = catalogue()
    rows = [{"ind": cat[c], "value": format_value(cat[c], values[c])} for c in codes]
    return render(
        request,
        "oversight/figures.html",
        {"rows": rows, "year": year, "unit": unit, "years": _years()},
    )
