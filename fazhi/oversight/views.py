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
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.audit.models import Entry
from fazhi.core.focus import focus_unit
from fazhi.core.forms import add_errors
from fazhi.core.workflow_views import act_on
from fazhi.indicators.catalogue import catalogue
from fazhi.indicators.engine import compute, format_value
from fazhi.org.scope import get_for_user_or_404
from fazhi.oversight import indicators as oversight_indicators
from fazhi.oversight import rules
from fazhi.oversight.forms import SuggestionForm, TaskForm, action_form_class
from fazhi.oversight.models import Suggestion, Task, Urging
from fazhi.oversight.rules import SuggestionKind, SuggestionState, TaskState

VERB_LABELS = {
    "propose": "提出督办事项",
    "assign": "交办",
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
    return qs.select_related("unit", "office")


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
        "history": [
            {"entry": e, "label": VERB_LABELS.get(e.verb, e.verb)}
            for e in Entry.objects.for_object(record).order_by("id")[:200]
        ],
        **extra,
    }


def _task_context(
    request: HttpRequest, task: Task, forms: dict[str, Any] | None = None
) -> dict[str, Any]:
    return _context(
        request,
        task,
        forms,
        milestones=task.milestones.all(),
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
def due(request: HttpRequest) -> HttpResponse:
    """The lead units' due list: tasks in hand by deadline, and the urgings recorded."""
    _readable(request)
    today = timezone.localdate()
    unit = focus_unit(request)
    tasks = (
        Task.objects.visible_to(request.user)
        .filter(state=TaskState.ASSIGNED)
        .select_related("unit")
    )
    urgings = (
        Urging.objects.visible_to(request.user)
        .filter(task__state=TaskState.ASSIGNED)
        .select_related("task", "unit")
    )
    if unit is not None:
        tasks, urgings = tasks.in_subtree(unit), urgings.in_subtree(unit)
    rows = []
    for task in tasks.order_by("due_on", "id")[:500]:
        left = (task.due_on - today).days if task.due_on else None
        light = (
            "red"
            if left is not None and left < 0
            else "yellow"
            if left is not None and left <= 3
            else "green"
        )
        rows.append({"task": task, "left": left, "light": light})
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
    return qs.select_related("unit")


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
