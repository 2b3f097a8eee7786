"""Screens of the decisions register: list, the year's timeline, a decision's steps."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from fazhi.audit.models import Entry
from fazhi.deadlines.services import deadlines_for
from fazhi.decisions.forms import CatalogueForm, DecisionForm, action_form_class
from fazhi.decisions.models import Catalogue, Decision
from fazhi.decisions.rules import Step
from fazhi.kit.actions import action_panel, template_views
from fazhi.kit.screens import create_view, scoped
from fazhi.kit.search import searched


def _year(request: HttpRequest) -> int:
    try:
        return int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        return timezone.localdate().year


def rows(request: HttpRequest) -> Any:
    qs = scoped(request, Decision.objects.select_related("unit", "lead_unit", "catalogue"))
    if request.GET.get("year"):
        qs = qs.filter(year=_year(request))
    return searched(request, qs)


@login_required
def decision_list(request: HttpRequest) -> HttpResponse:
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
    year = _year(request)
    decisions = list(rows(request).filter(year=year).prefetch_related("steps"))
    table = []
    for d in decisions:
        recorded = {s.step: s for s in d.steps.all()}
        table.append((d, [recorded.get(s.value) for s in Step]))
    return render(
        request, "decisions/timeline.html", {"table": table, "steps": Step.choices, "year": year}
    )


def _detail_context(
    request: HttpRequest, d: Decision, bound: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "d": d,
        "timeline": d.timeline(),
        "actions": action_panel(request, d, action_form_class, bound),
        "history": Entry.objects.for_object(d)[:50],
        "deadlines": list(deadlines_for(d).open().select_related("unit")),
        "today": timezone.localdate(),
    }


# The page and the one view behind every move's button: its small form, then `apply()`.
detail, act = template_views(
    Decision.objects.select_related("unit", "lead_unit", "catalogue").prefetch_related("steps"),
    "decisions/detail.html",
    _detail_context,
    action_form_class,
)


catalogue_create = create_view(
    CatalogueForm, "登记年度重大行政决策事项目录", "decisions:list", then="decisions:list"
)
decision_create = create_view(
    DecisionForm, "登记重大行政决策事项", "decisions:list", then="decisions:list"
)


def today() -> date:
    return timezone.localdate()
