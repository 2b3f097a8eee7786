"""Screens: list, register, detail with one button per allowed action, the figures.

Thin: parse, fetch through the scope, call `Application.register()` or `apply()`,
redirect or render. The rules are in models.py and rules.py.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core.focus import focus_unit
from fazhi.indicators.catalogue import catalogue
from fazhi.indicators.engine import compute, format_value
from fazhi.kit.actions import act_on, action_panel, deadline_rows, history
from fazhi.kit.forms import add_errors
from fazhi.kit.screens import form_page, save_form
from fazhi.kit.search import searched
from fazhi.org.models import Unit
from fazhi.org.scope import can_write_unit, get_for_user_or_404, require_record_reader
from fazhi.reconsideration import indicators as recon_indicators
from fazhi.reconsideration import rules
from fazhi.reconsideration.forms import ApplicationForm, SuperiorCaseForm, action_form_class
from fazhi.reconsideration.models import Application, SuperiorCase
from fazhi.reconsideration.rules import Procedure, State

FILTERS = ("q", "state", "year", "respondent", "procedure", "overdue")
# The audit trail stores the action's code; people read its label.
VERB_LABELS = {"register": "登记申请", **{a: t.label for a, t in rules.TRANSITIONS.items()}}


def filtered(request: HttpRequest) -> QuerySet[Application]:
    """The applications the list shows: the user's scope, the focus unit, the filters."""
    qs = Application.objects.visible_to(request.user)
    unit = focus_unit(request)
    if unit is not None:
        qs = qs.in_subtree(unit)
    g = request.GET
    if g.get("state") in State.values:
        qs = qs.filter(state=g["state"])
    if g.get("year", "").isdigit():
        year = int(g["year"])
        qs = qs.filter(
            Q(received_on__year=year) | Q(accepted_on__year=year) | Q(closed_on__year=year)
        )
    if g.get("respondent", "").isdigit():
        qs = qs.filter(respondent_id=int(g["respondent"]))
    if g.get("procedure") in Procedure.values:
        qs = qs.filter(procedure=g["procedure"])
    if g.get("overdue") == "1":  # and searched(): a running deadline past its due date
        qs = qs.open()
    return searched(request, qs).select_related("respondent", "agency")


@login_required
def application_list(request: HttpRequest) -> HttpResponse:
    if not request.user.can_read_records:
        raise PermissionDenied("您的角色不能查看业务记录。")
    page = Paginator(filtered(request), 50).get_page(request.GET.get("page"))
    unit = focus_unit(request)
    respondents = Unit.objects.filter(
        pk__in=Application.objects.visible_to(request.user).values("respondent_id")
    ).order_by("path")
    context = {
        "page": page,
        "states": State.choices,
        "procedures": Procedure.choices,
        "respondents": respondents,
        "years": range(timezone.localdate().year, 2018, -1),
        "current": {k: request.GET.get(k, "") for k in FILTERS},
        "query": request.GET.urlencode(),
        "focus": unit,
        "can_write": request.user.can_write_records,
    }
    template = (
        "reconsideration/_list.html"
        if getattr(request, "htmx", False)
        else "reconsideration/list.html"
    )
    return render(request, template, context)


@login_required
def register(request: HttpRequest) -> HttpResponse:
    if not request.user.can_write_records:
        raise PermissionDenied("您的角色只能查看，不能登记。")
    form = ApplicationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        fields = {f: form.cleaned_data[f] for f in form.Meta.fields}
        try:
            app = Application.register(by=request.user, **fields)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"已登记：{app}，受理审查期限已开始计算。")
            return redirect(app.get_absolute_url())
    return form_page(request, form, "登记行政复议申请", reverse("reconsideration:list"))


def _detail_context(
    request: HttpRequest, app: Application, forms: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "app": app,
        "actions": action_panel(request, app, action_form_class, forms),
        "deadlines": deadline_rows(app, *app.letters.all()),
        "letters": app.letters.select_related("recipient"),
        "history": history(app, VERB_LABELS),
        # Only the agency's staff, who handle the case, see the applicant's full name.
        "can_see_personal": can_write_unit(request.user, app.agency),
    }


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    app = get_for_user_or_404(
        Application.objects.select_related("respondent", "agency"), pk, request.user
    )
    return render(request, "reconsideration/detail.html", _detail_context(request, app))


@login_required
@require_POST
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """The one view behind every action button: parse its small form, call apply()."""
    app = get_for_user_or_404(
        Application.objects.select_related("respondent", "agency"), pk, request.user, write=True
    )
    return act_on(
        request,
        app,
        action,
        action_form_class,
        lambda failed: render(
            request,
            "reconsideration/detail.html",
            _detail_context(request, app, failed),
            status=400,
        ),
    )


@login_required
def figures(request: HttpRequest) -> HttpResponse:
    """The register's indicators for the focus unit and a year, each with its definition."""
    unit = focus_unit(request)
    if unit is None or not request.user.can_read_records:
        raise PermissionDenied("您的角色不能查看统计。")
    year_text = request.GET.get("year", "")
    year = (
        int(year_text)
        if year_text.isdigit() and 2000 <= int(year_text) <= 2100
        else timezone.localdate().year
    )
    codes = [i.code for i in recon_indicators.INDICATORS]
    values = compute(unit, year, codes)
    cat = catalogue()
    rows = [{"ind": cat[c], "value": format_value(cat[c], values[c])} for c in codes]
    return render(
        request,
        "reconsideration/figures.html",
        {
            "rows": rows,
            "year": year,
            "unit": unit,
            "years": range(timezone.localdate().year, 2018, -1),
        },
    )


@login_required
def superior_list(request: HttpRequest) -> HttpResponse:
    require_record_reader(request.user)
    qs = SuperiorCase.objects.visible_to(request.user).select_related("respondent")
    unit = focus_unit(request)
    if unit is not None:
        qs = qs.in_subtree(unit)
    page = Paginator(searched(request, qs), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "reconsideration/superior_list.html",
        {"page": page, "can_write": request.user.can_write_records},
    )


@login_required
def superior_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if not request.user.can_write_records:
        raise PermissionDenied("您的角色只能查看，不能登记。")
    instance = get_for_user_or_404(SuperiorCase, pk, request.user, write=True) if pk else None
    form = SuperiorCaseForm(request.POST or None, instance=instance, user=request.user)
    if save_form(request, form, lambda f: f.save(), "已保存上级受理案件。"):
        return redirect("reconsideration:superior")
    return form_page(request, form, "登记上级受理案件", reverse("reconsideration:list"))
