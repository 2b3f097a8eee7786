"""Screens: requests (list, register, detail, one button per allowed action), proactive
items, the figures, and the annual report (preview with its checks, .docx download).

Thin: parse, fetch through the scope, call `Request.register()` or `apply()`, render.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from fazhi.core.focus import focus_unit
from fazhi.disclosure import indicators as disclosure_indicators
from fazhi.disclosure import report as annual
from fazhi.disclosure import rules
from fazhi.disclosure.forms import (
    FilingForm,
    ProactiveItemForm,
    RequestForm,
    action_form_class,
)
from fazhi.disclosure.models import ProactiveItem, ReportFiling, Request
from fazhi.disclosure.rules import FilingState, ProactiveCategory, State
from fazhi.indicators.catalogue import catalogue
from fazhi.indicators.engine import compute, format_value
from fazhi.kit.actions import act_on, action_panel, deadline_rows, history
from fazhi.kit.forms import add_errors
from fazhi.kit.search import searched
from fazhi.org.models import Unit
from fazhi.org.scope import can_read_unit, get_for_user_or_404

VERB_LABELS = {"register": "登记申请", **{a: t.label for a, t in rules.TRANSITIONS.items()}}
FILING_LABELS = {
    "open_report": "年度报告期限开始计算",
    **{a: t.label for a, t in rules.FILING_TRANSITIONS.items()},
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _year(request: HttpRequest) -> int:
    text = request.GET.get("year", "")
    return int(text) if text.isdigit() and 2000 <= int(text) <= 2100 else timezone.localdate().year


def _years() -> range:
    return range(timezone.localdate().year, 2018, -1)


def _readable(request: HttpRequest) -> None:
    if not request.user.can_read_records:
        raise PermissionDenied("您的角色不能查看业务记录。")


def filtered(request: HttpRequest) -> QuerySet[Request]:
    qs = Request.objects.visible_to(request.user)
    unit = focus_unit(request)
    if unit is not None:
        qs = qs.in_subtree(unit)
    g = request.GET
    if g.get("state") in State.values:
        qs = qs.filter(state=g["state"])
    if g.get("year", "").isdigit():
        year = int(g["year"])
        qs = qs.filter(Q(received_on__year=year) | Q(replied_on__year=year))
    return searched(request, qs).select_related("unit")


def filtered_items(request: HttpRequest) -> QuerySet[ProactiveItem]:
    qs = ProactiveItem.objects.visible_to(request.user)
    unit = focus_unit(request)
    if unit is not None:
        qs = qs.in_subtree(unit)
    g = request.GET
    if g.get("category") in ProactiveCategory.values:
        qs = qs.filter(category=g["category"])
    if g.get("year", "").isdigit():
        qs = qs.filter(published_on__year=int(g["year"]))
    return searched(request, qs).select_related("unit")


@login_required
def request_list(request: HttpRequest) -> HttpResponse:
    _readable(request)
    page = Paginator(filtered(request), 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "states": State.choices,
        "years": _years(),
        "current": {k: request.GET.get(k, "") for k in ("q", "state", "year")},
        "query": request.GET.urlencode(),
        "focus": focus_unit(request),
        "can_write": request.user.can_write_records,
    }
    template = (
        "disclosure/_list.html" if getattr(request, "htmx", False) else "disclosure/list.html"
    )
    return render(request, template, context)


@login_required
def register(request: HttpRequest) -> HttpResponse:
    if not request.user.can_write_records:
        raise PermissionDenied("您的角色只能查看，不能登记。")
    form = RequestForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        fields = {f: form.cleaned_data[f] for f in form.Meta.fields}
        try:
            req = Request.register(by=request.user, **fields)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"已登记：{req}，答复期限已开始计算。")
            return redirect(req.get_absolute_url())
    return render(request, "disclosure/form.html", {"form": form, "title": "登记政府信息公开申请"})


def _detail_context(
    request: HttpRequest, req: Request, forms: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "req": req,
        "actions": action_panel(request, req, action_form_class, forms),
        "deadlines": deadline_rows(req),
        "history": history(req, VERB_LABELS),
        "can_see_personal": request.user.can_write_records,
    }


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    req = get_for_user_or_404(Request.objects.select_related("unit"), pk, request.user)
    return render(request, "disclosure/detail.html", _detail_context(request, req))


@login_required
@require_POST
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    req = get_for_user_or_404(Request.objects.select_related("unit"), pk, request.user, write=True)
    return act_on(
        request,
        req,
        action,
        action_form_class,
        lambda failed: render(
            request, "disclosure/detail.html", _detail_context(request, req, failed), status=400
        ),
    )


@login_required
def item_list(request: HttpRequest) -> HttpResponse:
    _readable(request)
    qs = filtered_items(request)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    by_category = {
        r["category"]: r["n"] for r in qs.order_by().values("category").annotate(n=Count("pk"))
    }
    context = {
        "page": page,
        "categories": ProactiveCategory.choices,
        "counts": [
            (label, by_category[v]) for v, label in ProactiveCategory.choices if by_category.get(v)
        ],
        "total": sum(by_category.values()),
        "years": _years(),
        "current": {k: request.GET.get(k, "") for k in ("category", "year")},
        "query": request.GET.urlencode(),
        "can_write": request.user.can_write_records,
    }
    return render(request, "disclosure/items.html", context)


@login_required
def item_new(request: HttpRequest) -> HttpResponse:
    if not request.user.can_write_records:
        raise PermissionDenied("您的角色只能查看，不能登记。")
    form = ProactiveItemForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "已登记主动公开信息。")
        return redirect("disclosure:items")
    return render(request, "disclosure/form.html", {"form": form, "title": "登记主动公开信息"})


@login_required
def figures(request: HttpRequest) -> HttpResponse:
    unit = focus_unit(request)
    if unit is None or not request.user.can_read_records:
        raise PermissionDenied("您的角色不能查看统计。")
    year = _year(request)
    codes = [i.code for i in disclosure_indicators.INDICATORS]
    values = compute(unit, year, codes)
    cat = catalogue()
    rows = [{"ind": cat[c], "value": format_value(cat[c], values[c])} for c in codes]
    return render(
        request,
        "disclosure/figures.html",
        {"rows": rows, "year": year, "unit": unit, "years": _years()},
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
    return annual.build(
        unit,
        _year(request) if request.GET.get("year") else timezone.localdate().year - 1,
        fees_wan=fees,
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
            "years": _years(),
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


def filtered_filings(request: HttpRequest) -> QuerySet[ReportFiling]:
    qs = ReportFiling.objects.visible_to(request.user)
    unit = focus_unit(request)
    if unit is not None:
        qs = qs.in_subtree(unit)
    g = request.GET
    if g.get("state") in FilingState.values:
        qs = qs.filter(state=g["state"])
    if g.get("year", "").isdigit():
        qs = qs.filter(year=int(g["year"]))
    return qs.select_related("unit")


@login_required
def filing_list(request: HttpRequest) -> HttpResponse:
    """Every unit's annual report by year: due date (第49条), light, published or not."""
    from fazhi.deadlines.models import Deadline

    _readable(request)
    page = Paginator(filtered_filings(request), 50).get_page(request.GET.get("page"))
    filings = list(page.object_list)
    today = timezone.localdate()
    deadlines = {
        d.object_id: d
        for d in Deadline.objects.filter(
            content_type__app_label="disclosure",
            content_type__model="reportfiling",
            object_id__in=[str(f.pk) for f in filings],
        ).order_by("id")
    }
    rows = []
    for f in filings:
        d = deadlines.get(str(f.pk))
        rows.append({"f": f, "deadline": d, "light": d.light(today) if d else ""})
    return render(
        request,
        "disclosure/filings.html",
        {
            "page": page,
            "rows": rows,
            "states": FilingState.choices,
            "years": _years(),
            "current": {k: request.GET.get(k, "") for k in ("q", "state", "year")},
            "can_write": request.user.can_write_records,
        },
    )


@login_required
def filing_new(request: HttpRequest) -> HttpResponse:
    if not request.user.can_write_records:
        raise PermissionDenied("您的角色只能查看，不能登记。")
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
    return render(
        request, "disclosure/form.html", {"form": form, "title": "登记政府信息公开工作年度报告"}
    )


def _filing_context(
    request: HttpRequest, filing: ReportFiling, forms: dict[str, Any] | None = None
) -> dict[str, Any]:
    rep = annual.build(filing.unit, filing.year)
    return {
        "filing": filing,
        "report": rep,
        "problems": annual.validate(rep),
        "actions": action_panel(request, filing, action_form_class, forms),
        "deadlines": deadline_rows(filing),
        "history": history(filing, FILING_LABELS),
    }


@login_required
def filing_detail(request: HttpRequest, pk: int) -> HttpResponse:
    filing = get_for_user_or_404(ReportFiling.objects.select_related("unit"), pk, request.user)
    return render(request, "disclosure/filing.html", _filing_context(request, filing))


@login_required
@require_POST
def filing_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    filing = get_for_user_or_404(
        ReportFiling.objects.select_related("unit"), pk, request.user, write=True
    )
    return act_on(
        request,
        filing,
        action,
        action_form_class,
        lambda failed: render(
            request, "disclosure/filing.html", _filing_context(request, filing, failed), status=400
        ),
    )
