"""Screens: the list, registering a lawsuit and the xlsx sheet declared on the register
kit; a case page with its hearings, and one form page per allowed action."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from fazhi.audit.models import Entry
from fazhi.core.focus import focus_unit
from fazhi.indicators.catalogue import catalogue
from fazhi.indicators.engine import compute
from fazhi.kit.actions import deadline_rows
from fazhi.kit.forms import add_errors
from fazhi.kit.registers import Filter, Rows, WorkflowScreen, choice_filter
from fazhi.litigation.forms import ACTION_FORMS, LawsuitForm
from fazhi.litigation.importing import SHEET
from fazhi.litigation.models import Lawsuit
from fazhi.litigation.rules import Instance, Result, State
from fazhi.org.scope import get_for_user_or_404, visible_to

SUMMARY_CODES = [
    "litig_cases",
    "litig_hearings",
    "litig_appear_count",
    "litig_appear_rate",
    "litig_lost",
    "litig_loss_rate",
]


def _year_open(qs: Rows, value: str) -> Rows:
    """?year=: the lawsuits pending at some time in that year (received by its end, not
    closed before it)."""
    y = int(value)
    return qs.filter(received_on__year__lte=y).filter(
        Q(closed_on__isnull=True) | Q(closed_on__year__gte=y)
    )


def _with_counts(request: HttpRequest, qs: Rows) -> Rows:
    """The list's rows with their hearings held and appearances, newest first."""
    return qs.annotate(
        n_hearings=Count("hearings", filter=Q(hearings__held=True)),
        n_appeared=Count("hearings", filter=Q(hearings__counts_as_appearance=True)),
    ).order_by("-received_on", "-id")


def _summary(request: HttpRequest, page: Any) -> dict[str, Any]:
    """The focused unit's headline figures for the year (this year unless ?year=)."""
    year_text = request.GET.get("year", "")
    year = int(year_text) if year_text.isdigit() else timezone.localdate().year
    root = focus_unit(request)
    summary = []
    if root is not None:
        values = compute(root, year, SUMMARY_CODES)
        cat = catalogue()
        summary = [{"ind": cat[c], "value": values[c]} for c in SUMMARY_CODES]
    return {"summary": summary, "summary_year": year}


def _create(user: Any, form: Any) -> Lawsuit:
    fields = {k: v for k, v in form.cleaned_data.items() if v is not None}
    return Lawsuit.register(by=user, **fields)


LAWSUITS: WorkflowScreen = WorkflowScreen(
    app="litigation",
    model=Lawsuit,
    title="行政应诉",
    htmx=True,
    filters=(
        choice_filter("instance", Instance),
        choice_filter("result", Result),
        Filter("year", _year_open),
    ),
    choices={"states": State.choices, "instances": Instance.choices, "results": Result.choices},
    list_rows=_with_counts,
    list_context=_summary,
    form=LawsuitForm,
    create=_create,
    form_title="登记行政应诉案件",
    form_template="litigation/form.html",
    done="已登记{obj.case_number}，答辩期开始计算。",
    sheet=SHEET,
    export_rows=lambda request: LAWSUITS.rows(request)
    .select_related("previous", "reconsideration")
    .prefetch_related("hearings"),
    names={"register": "create"},
)


@login_required
def lawsuit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    suit = get_for_user_or_404(
        Lawsuit.objects.select_related("unit", "handler", "previous", "reconsideration"),
        pk,
        request.user,
    )
    context = {
        "suit": suit,
        "hearings": suit.hearings.select_related("person").all(),
        "next_instances": visible_to(request.user, suit.next_instances.all()),
        "actions": suit.allowed_actions(request.user),
        "deadlines": deadline_rows(suit),
        # The record itself is in the user's scope, so its own history is too.
        "history": Entry.objects.filter(
            Q(model="litigation.lawsuit", object_pk=str(suit.pk))
            | Q(
                model="litigation.hearing",
                object_pk__in=[str(h) for h in suit.hearings.values_list("pk", flat=True)],
            )
        ).order_by("at", "id")[:200],
        "reconsideration": getattr(suit, "reconsideration", None),
    }
    labels = {"register": "登记", **{a: t.label for a, t in suit.transitions.items()}}
    context["history"] = [{"e": e, "verb": labels.get(e.verb, e.verb)} for e in context["history"]]
    return render(request, "litigation/detail.html", context)


@login_required
def lawsuit_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    suit = get_for_user_or_404(Lawsuit.objects.select_related("unit"), pk, request.user, write=True)
    transition = suit.transitions.get(action)
    form_class = ACTION_FORMS.get(action)
    if transition is None or form_class is None:
        raise Http404("未知操作。")
    if transition not in suit.allowed_actions(request.user):
        messages.error(
            request, f"当前状态为“{suit.get_state_display()}”，不能执行“{transition.label}”。"
        )
        return redirect(suit)
    initial = {"on": timezone.localdate(), "version": suit.version}
    form = form_class(request.POST or None, lawsuit=suit, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            suit.apply(
                action,
                by=request.user,
                on=form.cleaned_data["on"],
                note=form.cleaned_data["note"],
                expected_version=form.cleaned_data.get("version"),
                **form.data_for_apply(),
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"已办理：{transition.label}。")
            return redirect(suit)
    return render(
        request, "litigation/action.html", {"suit": suit, "form": form, "transition": transition}
    )
