"""Screens of the mediation register: the dispute list, register, detail with one
button per allowed action, committees and mediators, and the figures.

Thin: parse, fetch through the scope, call `Dispute.register()` or `apply()`, redirect
or render. The rules are in models.py and rules.py.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from fazhi.kit.actions import record_panels, template_views
from fazhi.kit.screens import (
    Choice,
    Column,
    Screen,
    Section,
    chosen,
    figures_view,
    form_page,
    list_context,
    register_view,
    save_form,
    scoped,
    year_param,
    years,
)
from fazhi.kit.search import searched
from fazhi.mediation import indicators as mediation_indicators
from fazhi.mediation import rules
from fazhi.mediation.forms import CommitteeForm, DisputeForm, MediatorForm, dispute_action_form
from fazhi.mediation.importing import COMMITTEE_SHEET
from fazhi.mediation.models import Dispute
from fazhi.mediation.rules import Kind, Level, Outcome, State
from fazhi.org.scope import get_for_user_or_404

SECTION = Section(
    "mediation",
    "人民调解",
    [
        ("矛盾纠纷", "list"),
        ("调委会", "committees"),
        ("调解员", "mediators"),
        ("统计", "figures"),
    ],
)
FILTERS = ("q", "state", "kind", "outcome", "level", "year")
DISPUTE_CHOICES = (
    Choice("state", State.values),
    Choice("kind", Kind.values),
    Choice("outcome", Outcome.values),
    Choice("level", Level.values, "committee__level"),
)
LABELS = {"register": "登记", **{a: t.label for a, t in rules.TRANSITIONS.items()}}


def filtered(request: HttpRequest) -> QuerySet[Dispute]:
    """The disputes the list shows: the user's scope, the focus unit, the filters."""
    qs = chosen(request, scoped(request, Dispute.objects.all()), DISPUTE_CHOICES)
    year = year_param(request)
    if year:
        qs = qs.filter(received_on__gte=f"{year}-01-01", received_on__lte=f"{year}-12-31")
    return searched(request, qs).select_related("committee", "unit")


@login_required
def dispute_list(request: HttpRequest) -> HttpResponse:
    context = {
        **list_context(request, SECTION, filtered(request)),
        "states": State.choices,
        "kinds": Kind.choices,
        "outcomes": Outcome.choices,
        "levels": Level.choices,
        "years": years(),
        "current": {k: request.GET.get(k, "") for k in FILTERS},
    }
    template = "mediation/_list.html" if getattr(request, "htmx", False) else "mediation/list.html"
    return render(request, template, context)


register = register_view(SECTION, DisputeForm, "登记矛盾纠纷", "/mediation/", "已登记：{obj}。")


def _detail_context(
    request: HttpRequest, dispute: Dispute, bound: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "section": SECTION,
        "tabs": SECTION.resolved(request),
        "d": dispute,
        **record_panels(request, dispute, dispute_action_form, LABELS, bound),
        "can_see_personal": request.user.can_write_records,
        "can_edit": dispute.state == State.RECEIVED and bool(dispute.allowed_actions(request.user)),
    }


def _get(request: HttpRequest, pk: int, *, write: bool = False) -> Dispute:
    return get_for_user_or_404(
        Dispute.objects.select_related("committee", "unit", "mediator"),
        pk,
        request.user,
        write=write,
    )


# The page and the one view behind every action button: its small form, then apply().
detail, act = template_views(
    Dispute.objects.select_related("committee", "unit", "mediator"),
    "mediation/detail.html",
    _detail_context,
    dispute_action_form,
)


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct the registration data of a dispute still being mediated."""
    dispute = _get(request, pk, write=True)
    if dispute.state != State.RECEIVED:
        messages.error(request, "纠纷已结案，登记信息不能再修改。")
        return redirect(dispute.get_absolute_url())
    form = DisputeForm(request.POST or None, instance=dispute, user=request.user)
    if save_form(request, form, lambda f: f.save(), "已修改登记信息。"):
        return redirect(dispute.get_absolute_url())
    return form_page(request, form, f"修改登记信息：{dispute}", dispute.get_absolute_url(), SECTION)


COMMITTEES = Screen(
    key="committees",
    form=CommitteeForm,
    sheet=COMMITTEE_SHEET,
    columns=[
        Column("名称", lambda c: c.name),
        Column("类别", lambda c: c.get_level_display()),
        Column("所在单位", lambda c: c.unit.name),
        Column("行业领域", lambda c: c.field or "—"),
        Column("成立日期", lambda c: c.established_on or "—"),
        Column("撤销日期", lambda c: c.dissolved_on or "—"),
    ],
    choices=(Choice("level", Level.values),),
    help="人民调解法第8条：村民委员会、居民委员会设立人民调解委员会；第34条：乡镇、街道以及社会团体或者其他组织可以参照设立。",
)
MEDIATORS = Screen(
    key="mediators",
    form=MediatorForm,
    related=("unit", "committee"),
    columns=[
        Column("姓名", lambda m: str(m)),
        Column("调委会", lambda m: m.committee.name),
        Column("专职", lambda m: "是" if m.full_time else "否"),
        Column("聘任日期", lambda m: m.appointed_on or "—"),
        Column("离任日期", lambda m: m.left_on or "—"),
    ],
)
SCREENS = [COMMITTEES, MEDIATORS]

figures = figures_view(SECTION, [i.code for i in mediation_indicators.INDICATORS])
