"""Screens of the legal services register: legal aid (list, register, detail with one
button per allowed action), notarisations, legal helpers with coverage per village,
service visits, and the figures. Thin: the rules are in models.py and rules.py."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from fazhi.indicators.catalogue import Period
from fazhi.kit.actions import section_detail, template_views
from fazhi.kit.registers import action_labels
from fazhi.kit.screens import Column, Screen, Section, figures_view, register_view
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
from fazhi.legalservices.models import AidApplication

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


aid_register = register_view(
    SECTION,
    AidApplicationForm,
    "登记法律援助申请",
    "/legalservices/",
    "已登记：{obj}，7日审查期限已开始计算。",
)
LABELS = action_labels(rules.TRANSITIONS, register="登记")


# The page and the one view behind every action button: its small form, then apply().
aid_detail, aid_act = template_views(
    AidApplication.objects.select_related("unit"),
    "legalservices/aid_detail.html",
    section_detail(SECTION, "a", aid_action_form, LABELS),
    aid_action_form,
)


def _coverage(request: HttpRequest, unit: Any, year: int) -> dict[str, Any]:
    minimum = rules.helpers_per_village_minimum()
    return {"coverage": coverage(unit, Period.year(year).end, minimum=minimum), "minimum": minimum}


figures = figures_view(
    SECTION,
    [i.code for i in ls_indicators.INDICATORS],
    extra=_coverage,
    template="legalservices/figures.html",
)
