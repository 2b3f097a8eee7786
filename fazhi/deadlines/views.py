"""The due list, a deadline's explanation, the 期限计算器 and the table of periods."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from fazhi.core.focus import focus_unit
from fazhi.deadlines import arithmetic as ar
from fazhi.deadlines.forms import CalculatorForm
from fazhi.deadlines.models import Deadline, Period, soon_until
from fazhi.org.models import Unit
from fazhi.org.scope import can_read_unit, get_for_user_or_404, require_record_reader, visible_to
from fazhi.workdays.services import get_calendar

LIGHTS = [("", "全部"), ("red", "逾期"), ("yellow", "临期"), ("green", "正常")]
PAGE_SIZE = 50


@login_required
def due_list(request: HttpRequest) -> HttpResponse:
    """待办 / 临期 / 逾期: open deadlines in scope, filtered by light, unit, register, period."""
    require_record_reader(request.user)
    today = timezone.localdate()
    calendar = get_calendar()
    qs = Deadline.objects.visible_to(request.user).open()
    unit = None
    unit_id = request.GET.get("unit", "")
    if unit_id.isdigit():
        unit = Unit.objects.filter(pk=unit_id).first()
        if unit is not None and not can_read_unit(request.user, unit):
            unit = None
    if unit is None:
        unit = focus_unit(request)
    if unit is not None:
        qs = qs.in_subtree(unit)
    light = request.GET.get("light", "")
    if light == "red":
        qs = qs.overdue(today)
    elif light == "yellow":
        qs = qs.due_soon(today, calendar)
    elif light == "green":
        qs = qs.not_urgent(today, calendar)
    register = request.GET.get("register", "")
    if register:
        qs = qs.filter(content_type__app_label=register)
    period = request.GET.get("period", "")
    if period:
        qs = qs.filter(period__code=period)
    qs = qs.select_related("unit", "period", "responsible").order_by("due_date", "id")
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "deadlines": list(page.object_list),
        "today": today,
        "light": light,
        "lights": LIGHTS,
        "unit": unit,
        "register": register,
        "period": period,
        "units": visible_to(request.user, Unit.objects.active()).only("id", "name", "depth")[:500],
        "periods": Period.objects.filter(deadlines__isnull=False).distinct().order_by("code"),
        "registers": _registers(),
        "soon_until": soon_until(today, calendar),
    }
    template = "deadlines/_list.html" if getattr(request, "htmx", False) else "deadlines/list.html"
    return render(request, template, context)


def _registers() -> list[tuple[str, str]]:
    ids = Deadline.objects.values_list("content_type_id", flat=True).distinct()
    out: dict[str, Any] = {}
    for ct in ContentType.objects.filter(pk__in=list(ids)):
        from django.apps import apps

        try:
            out[ct.app_label] = apps.get_app_config(ct.app_label).verbose_name
        except LookupError:
            out[ct.app_label] = ct.app_label
    return sorted(out.items())


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One deadline and how its due date was reached."""
    deadline = get_for_user_or_404(
        Deadline.objects.select_related("period", "unit", "responsible"), pk, request.user
    )
    today = timezone.localdate()
    calendar = get_calendar()
    explanation = deadline.explain(calendar)
    return render(
        request,
        "deadlines/detail.html",
        {
            "d": deadline,
            "today": today,
            "lines": explanation.lines(),
            "explanation": explanation,
            "light": deadline.light(today, calendar),
            "pauses": deadline.pauses.all(),
            "extensions": deadline.extensions.all(),
        },
    )


@login_required
def calculator(request: HttpRequest) -> HttpResponse:
    """期限计算器: start date, length, mode, pauses → due date, provisional flag, explanation."""
    result = None
    error = ""
    if request.GET.get("start"):
        form = CalculatorForm(request.GET)
        if form.is_valid():
            try:
                result = form.compute(get_calendar())
            except ar.PeriodError as exc:
                error = str(exc)
    else:
        form = CalculatorForm()
    template = (
        "deadlines/_calculator_result.html"
        if getattr(request, "htmx", False)
        else "deadlines/calculator.html"
    )
    return render(request, template, {"form": form, "result": result, "error": error})


@login_required
def periods(request: HttpRequest) -> HttpResponse:
    """Every statutory period with its law, article, source and law version (`?on=` a date)."""
    qs = Period.objects.order_by("code", "effective_from")
    on, error = None, ""
    if request.GET.get("on"):
        try:
            on = dt.date.fromisoformat(request.GET["on"])
            qs = qs.in_force(on)
        except ValueError:
            error = "日期：请填写有效日期，如 2024-01-01。"
    return render(request, "deadlines/periods.html", {"periods": qs, "on": on, "error": error})
