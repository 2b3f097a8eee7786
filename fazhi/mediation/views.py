"""Screens of the mediation register: the dispute list, register, detail with one
button per allowed action, committees and mediators, and the figures.

Thin: parse, fetch through the scope, call `Dispute.register()` or `apply()`, redirect
or render. The rules are in models.py and rules.py.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from fazhi.kit.actions import section_page
from fazhi.kit.registers import Filter, Rows, WorkflowScreen, action_labels, choice_filter
from fazhi.kit.screens import (
    Choice,
    Column,
    Screen,
    Section,
    figures_view,
    form_page,
    register_view,
    save_form,
    years,
)
from fazhi.mediation import indicators as mediation_indicators
from fazhi.mediation import rules
from fazhi.mediation.forms import CommitteeForm, DisputeForm, MediatorForm, dispute_action_form
from fazhi.mediation.importing import COMMITTEE_SHEET, DISPUTE_SHEET
from fazhi.mediation.models import Dispute
from fazhi.mediation.rules import Kind, Level, Outcome, State

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
LABELS = action_labels(rules.TRANSITIONS, register="登记")


def _received_in(qs: Rows, year: str) -> Rows:
    return qs.filter(received_on__gte=f"{int(year)}-01-01", received_on__lte=f"{int(year)}-12-31")


def _list_context(request: HttpRequest, page: Any) -> dict[str, Any]:
    return {"section": SECTION, "tabs": SECTION.resolved(request), "years": years()}


def _detail_context(request: HttpRequest, dispute: Dispute) -> dict[str, Any]:
    return {
        **section_page(request, SECTION),
        "can_edit": dispute.state == State.RECEIVED and bool(dispute.allowed_actions(request.user)),
    }


# The disputes: the list (scope, selected unit, filters, search; rows alone for htmx),
# the page with one button per allowed move, the one view behind every button, and
# the xlsx sheet. Registering, correcting and the figures keep their section views.
DISPUTES: WorkflowScreen = WorkflowScreen(
    app="mediation",
    model=Dispute,
    title="人民调解",
    htmx=True,
    filters=(
        choice_filter("state", State),
        choice_filter("kind", Kind),
        choice_filter("outcome", Outcome),
        choice_filter("level", Level, "committee__level"),
        Filter("year", _received_in, lambda v: v.isdigit() and 2000 <= int(v) <= 2100),
    ),
    related=("committee", "unit"),
    choices={
        "states": State.choices,
        "kinds": Kind.choices,
        "outcomes": Outcome.choices,
        "levels": Level.choices,
    },
    list_context=_list_context,
    current_keys=("q", "state", "kind", "outcome", "level", "year"),
    count_pages=False,
    detail_template="mediation/detail.html",
    record_name="d",
    detail_related=("committee", "unit", "mediator"),
    action_form=dispute_action_form,
    labels=LABELS,
    detail_context=_detail_context,
    sheet=DISPUTE_SHEET,
)

register = register_view(SECTION, DisputeForm, "登记矛盾纠纷", "/mediation/", "已登记：{obj}。")


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct the registration data of a dispute still being mediated."""
    dispute = DISPUTES.fetch(request, pk, write=True)
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
