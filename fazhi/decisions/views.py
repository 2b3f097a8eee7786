"""Screens of the decisions register: list, the year's timeline, a decision's steps."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.audit.models import Entry
from fazhi.core.focus import focus_unit
from fazhi.core.xlsx import parse_date
from fazhi.deadlines.services import deadlines_for
from fazhi.decisions.forms import CatalogueForm, DecisionForm
from fazhi.decisions.models import Catalogue, Decision
from fazhi.decisions.rules import Step
from fazhi.org.scope import get_for_user_or_404


def _year(request: HttpRequest) -> int:
    try:
        return int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        return timezone.localdate().year


def rows(request: HttpRequest) -> Any:
    qs = Decision.objects.visible_to(request.user).select_related("unit", "lead_unit", "catalogue")
    unit = focus_unit(request)
    if unit is not None:
        qs = qs.in_subtree(unit)
    if request.GET.get("year"):
        qs = qs.filter(year=_year(request))
    return qs


@login_required
def decision_list(request: HttpRequest) -> HttpResponse:
    if not request.user.can_read_records:
        raise PermissionDenied("您的角色不能查看业务记录。")
    year = _year(request)
    decisions = rows(request).filter(year=year)
    catalogues = Catalogue.objects.visible_to(request.user).filter(year=year).select_related("unit")
    return render(
        request,
        "decisions/list.html",
        {"decisions": decisions, "catalogues": catalogues, "year": year},
    )


@login_required
def timeline(request: HttpRequest) -> HttpResponse:
    """Every decision of the year as a row of its statutory steps with their dates."""
    if not request.user.can_read_records:
        raise PermissionDenied("您的角色不能查看业务记录。")
    year = _year(request)
    decisions = list(rows(request).filter(year=year).prefetch_related("steps"))
    table = []
    for d in decisions:
        recorded = {s.step: s for s in d.steps.all()}
        table.append((d, [recorded.get(s.value) for s in Step]))
    return render(
        request, "decisions/timeline.html", {"table": table, "steps": Step.choices, "year": year}
    )


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    qs = Decision.objects.select_related("unit", "lead_unit", "catalogue").prefetch_related("steps")
    d = get_for_user_or_404(qs, pk, request.user)
    return render(
        request,
        "decisions/detail.html",
        {
            "d": d,
            "timeline": d.timeline(),
            "actions": d.allowed_actions(request.user),
            "history": Entry.objects.for_object(d)[:50],
            "steps": Step.choices,
            "deadlines": list(deadlines_for(d).open().select_related("unit")),
            "today": timezone.localdate(),
        },
    )


def _create(request: HttpRequest, form_class: Any, title: str) -> HttpResponse:
    if not request.user.can_write_records:
        raise PermissionDenied("您的角色只能查看，不能登记。")
    form = form_class(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        obj = form.save()
        messages.success(request, f"已登记：{obj}")
        return redirect("decisions:list")
    return render(request, "decisions/form.html", {"form": form, "title": title})


@login_required
def catalogue_create(request: HttpRequest) -> HttpResponse:
    return _create(request, CatalogueForm, "登记年度重大行政决策事项目录")


@login_required
def decision_create(request: HttpRequest) -> HttpResponse:
    return _create(request, DecisionForm, "登记重大行政决策事项")


DATE_INPUTS = {"start_on", "end_on"}


@login_required
@require_POST
def act(request: HttpRequest, pk: int) -> HttpResponse:
    d = get_for_user_or_404(Decision, pk, request.user, write=True)
    action = request.POST.get("action", "")
    try:
        on = parse_date(request.POST.get("on", ""))
        data: dict[str, Any] = {}
        transition = d.transitions.get(action)
        for name in transition.inputs if transition else {}:
            raw = request.POST.get(name, "")
            data[name] = parse_date(raw) if name in DATE_INPUTS and raw else raw
        d.apply(
            action,
            by=request.user,
            on=on,
            note=request.POST.get("note", ""),
            expected_version=request.POST.get("version") or None,
            **data,
        )
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, "已登记。")
    return redirect("decisions:detail", pk=d.pk)


def today() -> date:
    return timezone.localdate()
