"""Screens: applications declared on the register kit (list, register, detail with one
button per allowed action, figures, xlsx), and the superior body's cases.

Thin: the rules are in models.py and rules.py; what the screens share is kit.registers.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from fazhi.kit.registers import (
    WorkflowScreen,
    action_labels,
    choice_filter,
    flag_filter,
    id_filter,
    year_filter,
)
from fazhi.kit.screens import form_page, save_form, scoped, writer_required
from fazhi.kit.search import searched
from fazhi.org.models import Unit
from fazhi.org.scope import can_write_unit, get_for_user_or_404
from fazhi.reconsideration import indicators as recon_indicators
from fazhi.reconsideration import rules
from fazhi.reconsideration.forms import ApplicationForm, SuperiorCaseForm, action_form_class
from fazhi.reconsideration.importing import SHEET
from fazhi.reconsideration.models import Application, SuperiorCase
from fazhi.reconsideration.rules import Procedure, State


def _list_context(request: HttpRequest, page: Any) -> dict[str, Any]:
    respondents = Unit.objects.filter(
        pk__in=Application.objects.visible_to(request.user).values("respondent_id")
    ).order_by("path")
    return {"respondents": respondents}


def _detail_context(request: HttpRequest, app: Application) -> dict[str, Any]:
    return {
        "letters": app.letters.select_related("recipient"),
        # Only the agency's staff, who handle the case, see the applicant's full name.
        "can_see_personal": can_write_unit(request.user, app.agency),
    }


APPLICATIONS = WorkflowScreen(
    app="reconsideration",
    model=Application,
    title="行政复议",
    htmx=True,
    filters=(
        year_filter("received_on", "accepted_on", "closed_on"),
        id_filter("respondent", "respondent_id"),
        choice_filter("procedure", Procedure),
        # With the common filter: a running deadline past its due date, of an open case.
        flag_filter("overdue", lambda qs: qs.open()),
    ),
    related=("respondent", "agency"),
    choices={"states": State.choices, "procedures": Procedure.choices},
    current_keys=("q", "state", "year", "respondent", "procedure", "overdue"),
    list_context=_list_context,
    form=ApplicationForm,
    form_title="登记行政复议申请",
    done="已登记：{obj}，受理审查期限已开始计算。",
    detail_template="reconsideration/detail.html",
    record_name="app",
    action_form=action_form_class,
    labels=action_labels(rules.TRANSITIONS, register="登记申请"),
    detail_context=_detail_context,
    deadlines_of=lambda app: (app, *app.letters.all()),
    indicators=recon_indicators.INDICATORS,
    sheet=SHEET,
)


@login_required
def superior_list(request: HttpRequest) -> HttpResponse:
    qs = scoped(request, SuperiorCase.objects.select_related("respondent"))
    page = Paginator(searched(request, qs), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "reconsideration/superior_list.html",
        {"page": page, "can_write": request.user.can_write_records},
    )


@writer_required
def superior_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    instance = get_for_user_or_404(SuperiorCase, pk, request.user, write=True) if pk else None
    form = SuperiorCaseForm(request.POST or None, instance=instance, user=request.user)
    if save_form(request, form, lambda f: f.save(), "已保存上级受理案件。"):
        return redirect("reconsideration:superior")
    return form_page(request, form, "登记上级受理案件", reverse("reconsideration:list"))
