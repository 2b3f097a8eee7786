"""Screens of the legal services register: legal aid (list, register, detail with one
button per allowed action), notarisations, legal helpers with coverage per village,
service visits, and the figures. Thin: the rules are in models.py and rules.py."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.audit.models import Entry
from fazhi.core.forms import add_errors
from fazhi.indicators.catalogue import Period
from fazhi.legalservices import indicators as ls_indicators
from fazhi.legalservices import rules
from fazhi.legalservices.coverage import coverage
from fazhi.legalservices.forms import (
    AidApplicationForm,
    LegalHelperForm,
    NotarisationForm,
    ServiceVisitForm,
    aid_action_form,
)
from fazhi.legalservices.importing import AID_SHEET, HELPER_SHEET, NOTARY_SHEET, VISIT_SHEET
from fazhi.legalservices.models import AidApplication, LegalHelper, Notarisation, ServiceVisit
from fazhi.mediation.screens import (
    Column,
    Screen,
    Section,
    actions_for,
    deadlines_of,
    figures_view,
    run_action,
)
from fazhi.org.scope import get_for_user_or_404

SECTION = Section(
    "legalservices",
    "法律服务",
    [
        ("法律援助", "list"),
        ("公证", "notarisations"),
        ("法律明白人", "helpers"),
        ("公共法律服务", "visits"),
        ("统计", "figures"),
    ],
)


def _yes(value: bool | None) -> str:
    return "—" if value is None else ("是" if value else "否")


AID = Screen(
    key="list",
    title="法律援助申请",
    model=AidApplication,
    form=AidApplicationForm,
    sheet=AID_SHEET,
    date_field="received_on",
    editable=False,
    new_url="legalservices:aid_new",
    columns=[
        Column("申请编号", lambda a: a.number or "（未编号）", link=True),
        Column("申请人", lambda a: a.applicant_masked),
        Column("援助事项", lambda a: a.get_claim_display()),
        Column("绿色通道", lambda a: _yes(a.green_channel)),
        Column("收到申请", lambda a: a.received_on),
        Column("状态", lambda a: a.get_state_display()),
        Column("决定日期", lambda a: a.decided_on or "—"),
        Column("按期决定", lambda a: _yes(a.decision_on_time)),
    ],
    help="法律援助法第43条：收到申请之日起7日内审查并作出决定，决定给予援助的3日内指派；第42条：农民工请求支付劳动报酬、工伤赔偿的免予核查经济困难状况（绿色通道）。",
)
NOTARISATIONS = Screen(
    key="notarisations",
    title="公证",
    model=Notarisation,
    form=NotarisationForm,
    sheet=NOTARY_SHEET,
    date_field="issued_on",
    columns=[
        Column("公证书编号", lambda n: n.number or "—"),
        Column("公证事项", lambda n: n.get_kind_display()),
        Column("申请人", lambda n: n.applicant_masked),
        Column("涉外", lambda n: _yes(n.foreign)),
        Column("出证日期", lambda n: n.issued_on),
    ],
)
HELPERS = Screen(
    key="helpers",
    title="法律明白人",
    model=LegalHelper,
    form=LegalHelperForm,
    sheet=HELPER_SHEET,
    related=("unit", "unit__parent"),
    columns=[
        Column("姓名", lambda h: str(h)),
        Column("所在村（社区）", lambda h: h.unit.name),
        Column("所属乡镇（街道）", lambda h: h.unit.parent.name if h.unit.parent_id else "—"),
        Column("身份", lambda h: h.occupation or "—"),
        Column("确定日期", lambda h: h.appointed_on or "—"),
        Column("退出日期", lambda h: h.left_on or "—"),
    ],
)
VISITS = Screen(
    key="visits",
    title="公共法律服务",
    model=ServiceVisit,
    form=ServiceVisitForm,
    sheet=VISIT_SHEET,
    date_field="visited_on",
    columns=[
        Column("服务日期", lambda v: v.visited_on),
        Column("服务平台", lambda v: v.get_channel_display()),
        Column("服务类别", lambda v: v.get_kind_display()),
        Column("人次", lambda v: v.people),
        Column("单位", lambda v: v.unit.name),
    ],
)
SCREENS = [AID, NOTARISATIONS, HELPERS, VISITS]


@login_required
def aid_register(request: HttpRequest) -> HttpResponse:
    if not request.user.can_write_records:
        raise PermissionDenied("您的角色只能查看，不能登记。")
    form = AidApplicationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        app = form.instance
        try:
            app.register(by=request.user)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"已登记：{app}，7日审查期限已开始计算。")
            return redirect(app.get_absolute_url())
    return render(
        request,
        "mediation/screen_form.html",
        {
            "section": SECTION,
            "tabs": SECTION.resolved(request),
            "form": form,
            "title": "登记法律援助申请",
            "back": "/legalservices/",
        },
    )


def _get(request: HttpRequest, pk: int, *, write: bool = False) -> AidApplication:
    return get_for_user_or_404(
        AidApplication.objects.select_related("unit"), pk, request.user, write=write
    )


def _detail_context(
    request: HttpRequest, app: AidApplication, bound: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "section": SECTION,
        "tabs": SECTION.resolved(request),
        "a": app,
        "actions": actions_for(app, request.user, aid_action_form, bound),
        "deadlines": deadlines_of(app),
        "history": Entry.objects.for_object(app).order_by("id")[:200],
        "can_see_personal": request.user.can_write_records,
    }


@login_required
def aid_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(
        request, "legalservices/aid_detail.html", _detail_context(request, _get(request, pk))
    )


@login_required
@require_POST
def aid_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    app = _get(request, pk, write=True)
    transition = rules.TRANSITIONS.get(action)
    if transition is None:
        raise Http404("未知操作。")
    form = aid_action_form(transition)(request.POST, prefix=action)
    if run_action(request, app, transition, form):
        return redirect(app.get_absolute_url())
    messages.error(request, f"“{transition.label}”未办理，请检查填写内容。")
    return render(
        request,
        "legalservices/aid_detail.html",
        _detail_context(request, app, {action: form}),
        status=400,
    )


def _coverage(request: HttpRequest, unit: Any, year: int) -> dict[str, Any]:
    minimum = rules.helpers_per_village_minimum()
    return {"coverage": coverage(unit, Period.year(year).end, minimum=minimum), "minimum": minimum}


figures = figures_view(SECTION, [i.code for i in ls_indicators.INDICATORS], extra=_coverage)
