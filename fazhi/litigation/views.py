"""Screens: the list, registering a lawsuit, a case page, one form per allowed action."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from fazhi.audit.models import Entry
from fazhi.core.focus import focus_unit
from fazhi.indicators.catalogue import catalogue
from fazhi.indicators.engine import compute
from fazhi.kit.forms import add_errors
from fazhi.kit.search import searched
from fazhi.litigation.forms import ACTION_FORMS, LawsuitForm
from fazhi.litigation.models import Lawsuit, _deadlines
from fazhi.litigation.rules import Instance, Result, State
from fazhi.org.scope import get_for_user_or_404, require_record_reader, visible_to

SUMMARY_CODES = [
    "litig_cases",
    "litig_hearings",
    "litig_appear_count",
    "litig_appear_rate",
    "litig_lost",
    "litig_loss_rate",
]


def filtered(request: HttpRequest) -> QuerySet[Lawsuit]:
    """The lawsuits the list shows: the user's scope, the focused unit, the filters."""
    qs = Lawsuit.objects.visible_to(request.user).select_related("unit")
    root = focus_unit(request)
    if root is not None:
        qs = qs.in_subtree(root)
    state = request.GET.get("state", "")
    if state in State.values:
        qs = qs.filter(state=state)
    instance = request.GET.get("instance", "")
    if instance in Instance.values:
        qs = qs.filter(instance=instance)
    result = request.GET.get("result", "")
    if result in Result.values:
        qs = qs.filter(result=result)
    year = request.GET.get("year", "")
    if year.isdigit():
        y = int(year)
        qs = qs.filter(received_on__year__lte=y).filter(
            Q(closed_on__isnull=True) | Q(closed_on__year__gte=y)
        )
    return searched(request, qs)


def export_rows(request: HttpRequest) -> QuerySet[Lawsuit]:
    return (
        filtered(request).select_related("previous", "reconsideration").prefetch_related("hearings")
    )


@login_required
def lawsuit_list(request: HttpRequest) -> HttpResponse:
    require_record_reader(request.user)
    qs = filtered(request).annotate(
        n_hearings=Count("hearings", filter=Q(hearings__held=True)),
        n_appeared=Count("hearings", filter=Q(hearings__counts_as_appearance=True)),
    )
    page = Paginator(qs.order_by("-received_on", "-id"), 50).get_page(request.GET.get("page"))
    year_text = request.GET.get("year", "")
    year = int(year_text) if year_text.isdigit() else timezone.localdate().year
    root = focus_unit(request)
    summary = []
    if root is not None:
        values = compute(root, year, SUMMARY_CODES)
        cat = catalogue()
        summary = [{"ind": cat[c], "value": values[c]} for c in SUMMARY_CODES]
    context = {
        "page": page,
        "states": State.choices,
        "instances": Instance.choices,
        "results": Result.choices,
        "summary": summary,
        "summary_year": year,
        "can_write": request.user.can_write_records,
    }
    template = (
        "litigation/_list.html" if getattr(request, "htmx", False) else "litigation/list.html"
    )
    return render(request, template, context)


@login_required
def lawsuit_create(request: HttpRequest) -> HttpResponse:
    if not request.user.can_write_records:
        raise PermissionDenied("您的角色只能查看，不能登记。")
    form = LawsuitForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if v is not None}
        try:
            suit = Lawsuit.register(by=request.user, **fields)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"已登记{suit.case_number}，答辩期开始计算。")
            return redirect(suit)
    return render(request, "litigation/form.html", {"form": form})


@login_required
def lawsuit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    suit = get_for_user_or_404(
        Lawsuit.objects.select_related("unit", "handler", "previous", "reconsideration"),
        pk,
        request.user,
    )
    deadlines = list(_deadlines().deadlines_for(suit).select_related("period"))
    today = timezone.localdate()
    context = {
        "suit": suit,
        "hearings": suit.hearings.select_related("person").all(),
        "next_instances": visible_to(request.user, suit.next_instances.all()),
        "actions": suit.allowed_actions(request.user),
        "deadlines": [
            {"d": d, "light": d.light(today), "explain": d.explain().lines()} for d in deadlines
        ],
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
