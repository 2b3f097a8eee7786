"""Screens: requests (list, register, detail, one button per allowed action) and the
annual report filings declared on the register kit, proactive items, the figures, and
the annual report (preview with its checks, .docx download).

Thin: the rules are in models.py and rules.py; what the screens share is kit.registers.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header

from fazhi.core.focus import focus_unit
from fazhi.core.workflow import guard_problems, has_guards
from fazhi.deadlines.services import deadlines_by_record
from fazhi.disclosure import indicators as disclosure_indicators
from fazhi.disclosure import report as annual
from fazhi.disclosure import rules
from fazhi.disclosure.forms import (
    FilingForm,
    ProactiveItemForm,
    RequestForm,
    action_form_class,
)
from fazhi.disclosure.importing import ITEM_SHEET, SHEET
from fazhi.disclosure.models import ProactiveItem, ReportFiling, Request
from fazhi.disclosure.rules import FilingState, ProactiveCategory, State
from fazhi.kit.forms import add_errors
from fazhi.kit.registers import (
    Filter,
    WorkflowScreen,
    action_labels,
    choice_filter,
    register_years,
    year_filter,
)
from fazhi.kit.screens import create_view, form_page, writer_required, year_param
from fazhi.org.models import Unit
from fazhi.org.scope import can_read_unit

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

REQUESTS = WorkflowScreen(
    app="disclosure",
    model=Request,
    title="政务公开",
    htmx=True,
    filters=(year_filter("received_on", "replied_on"),),
    choices={"states": State.choices},
    current_keys=("q", "state", "year"),
    form=RequestForm,
    form_title="登记政府信息公开申请",
    done="已登记：{obj}，答复期限已开始计算。",
    detail_template="disclosure/detail.html",
    record_name="req",
    action_form=action_form_class,
    labels=action_labels(rules.TRANSITIONS, register="登记申请"),
    detail_context=lambda request, req: {"can_see_personal": request.user.can_write_records},
    indicators=disclosure_indicators.INDICATORS,
    sheet=SHEET,
)


def _item_counts(request: HttpRequest, page: Any) -> dict[str, Any]:
    """How many of the listed items each category has (the tally above the list)."""
    qs = page.paginator.object_list
    by_category = {
        r["category"]: r["n"] for r in qs.order_by().values("category").annotate(n=Count("pk"))
    }
    return {
        "counts": [
            (label, by_category[v]) for v, label in ProactiveCategory.choices if by_category.get(v)
        ],
        "total": sum(by_category.values()),
    }


ITEMS = WorkflowScreen(
    app="disclosure",
    model=ProactiveItem,
    title="主动公开",
    list_template="disclosure/items.html",
    filters=(choice_filter("category", ProactiveCategory), year_filter("published_on")),
    choices={"categories": ProactiveCategory.choices},
    current_keys=("category", "year"),
    list_context=_item_counts,
    sheet=ITEM_SHEET,
    prefix="items/",
    names={"list": "items"},
    xlsx_names="items_",
)


item_new = create_view(
    ProactiveItemForm,
    "登记主动公开信息",
    "disclosure:list",
    "已登记主动公开信息。",
    then="disclosure:items",
)


def _report_unit(request: HttpRequest) -> Unit | None:
    """`?unit=<id>` when the user may read it (a filing's page links so), else the focus."""
    text = request.GET.get("unit", "")
    if text.isdigit():
        unit = Unit.objects.filter(pk=int(text)).first()
        if unit is not None and can_read_unit(request.user, unit):
            return unit
    return focus_unit(request)


def _report(request: HttpRequest) -> annual.AnnualReport:
    unit = _report_unit(request)
    if unit is None or not request.user.can_read_records:
        raise PermissionDenied("您的角色不能查看年度报告。")
    try:
        fees = Decimal(request.GET.get("fees") or "0")
    except InvalidOperation:
        fees = Decimal(0)
    # The report of last year unless ?year= names another (a bad one: this year).
    this_year = timezone.localdate().year
    year = (year_param(request) or this_year) if request.GET.get("year") else this_year - 1
    # A published report prints parts 五 and 六 as they were written when it was published.
    filing = ReportFiling.objects.filter(unit=unit, year=year).first()
    return annual.build(
        unit,
        year,
        fees_wan=fees,
        problems_text=filing.problems_text if filing else "",
        other_text=filing.other_text if filing else "",
    )


@login_required
def report_view(request: HttpRequest) -> HttpResponse:
    """The annual report's tables as they will be printed, with the result of the checks."""
    rep = _report(request)
    filing = ReportFiling.objects.filter(unit=rep.unit, year=rep.year).first()
    return render(
        request,
        "disclosure/report.html",
        {
            "report": rep,
            "problems": annual.validate(rep),
            "years": register_years(),
            "query": request.GET.urlencode(),
            "filing": filing,
        },
    )


@login_required
def report_docx(request: HttpRequest) -> HttpResponse:
    rep = _report(request)
    try:
        data = annual.render_docx(rep)
    except annual.ReportInvalid as exc:
        messages.error(request, str(exc))
        return redirect(f"{request.path.replace('.docx', '/')}?{request.GET.urlencode()}")
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = content_disposition_header(
        True, f"{rep.unit.name}{rep.year}年政府信息公开工作年度报告.docx"
    )
    return response


# ---------------------------------------------------------------- annual report filings


def _filing_rows(request: HttpRequest, page: Any) -> dict[str, Any]:
    """Each listed report with its 公布期限 (第49条) and today's light."""
    filings = list(page.object_list)
    deadlines = deadlines_by_record(filings)
    today = timezone.localdate()
    rows = []
    for f in filings:
        d = deadlines.get(f.pk)
        rows.append({"f": f, "deadline": d, "light": d.light(today) if d else ""})
    return {"rows": rows}


def _filing_context(request: HttpRequest, filing: ReportFiling) -> dict[str, Any]:
    rep = annual.build(filing.unit, filing.year)
    # The pre-issue check's findings on the report as it would be published now (the
    # guard on "publish", declared by the reports app), shown before anyone tries.
    due = filing.state == FilingState.DUE and has_guards(filing, "publish")
    return {
        "report": rep,
        "problems": annual.validate(rep),
        "precheck": guard_problems(filing, "publish") if due else None,
    }


FILINGS = WorkflowScreen(
    app="disclosure",
    model=ReportFiling,
    title="政府信息公开工作年度报告",
    list_template="disclosure/filings.html",
    filters=(Filter("year", lambda qs, v: qs.filter(year=int(v))),),
    choices={"states": FilingState.choices},
    current_keys=("q", "state", "year"),
    list_context=_filing_rows,
    detail_template="disclosure/filing.html",
    record_name="filing",
    action_form=action_form_class,
    labels=action_labels(rules.FILING_TRANSITIONS, open_report="年度报告期限开始计算"),
    detail_context=_filing_context,
    prefix="reports/",
    names={"list": "filings", "detail": "filing", "act": "filing_act"},
)


@writer_required
def filing_new(request: HttpRequest) -> HttpResponse:
    form = FilingForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        unit, year = form.cleaned_data["unit"], form.cleaned_data["year"]
        existing = ReportFiling.objects.filter(unit=unit, year=year).first()
        if existing is not None:
            messages.info(request, f"{existing}已登记。")
            return redirect(existing.get_absolute_url())
        try:
            filing = ReportFiling.open_for(by=request.user, unit=unit, year=year)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"已登记：{filing}，公布期限已开始计算。")
            return redirect(filing.get_absolute_url())
    return form_page(request, form, "登记政府信息公开工作年度报告", reverse("disclosure:list"))
