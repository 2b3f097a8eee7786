"""Screens of the counsel register: advisers, public lawyers, the units without counsel."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from fazhi.core.focus import focus_unit
from fazhi.counsel.forms import OpinionForm
from fazhi.counsel.models import Counsel, Opinion
from fazhi.indicators.catalogue import Period, catalogue
from fazhi.kit.screens import create_page
from fazhi.kit.search import searched
from fazhi.org.models import Unit
from fazhi.org.scope import visible_to


def rows(request: HttpRequest) -> Any:
    qs = (
        Counsel.objects.visible_to(request.user)
        .select_related("unit")
        .prefetch_related("served_units")
    )
    unit = focus_unit(request)
    return searched(request, qs.in_subtree(unit) if unit is not None else qs)


@login_required
def counsel_list(request: HttpRequest) -> HttpResponse:
    if not request.user.can_read_records:
        raise PermissionDenied("您的角色不能查看业务记录。")
    year = timezone.localdate().year
    period = Period.year(year)
    unit = focus_unit(request)
    units = visible_to(request.user, Unit.objects.all())
    if unit is not None:
        units = units.filter(path__startswith=unit.path)
    # The same Q as the indicator, so the list and the figure cannot disagree.
    without = units.filter(catalogue()["units_without_counsel"].q(period))
    opinions = Opinion.objects.visible_to(request.user).select_related(
        "unit", "counsel", "decision", "document", "contract", "lawsuit"
    )
    if unit is not None:
        opinions = opinions.in_subtree(unit)
    return render(
        request,
        "counsel/list.html",
        {
            "counsel": rows(request)[:500],
            "without": without,
            "opinions": opinions[:50],
            "year": year,
        },
    )


@login_required
def opinion_create(request: HttpRequest) -> HttpResponse:
    return create_page(
        request,
        OpinionForm,
        "登记法律意见",
        reverse("counsel:list"),
        done="已登记法律意见：{obj}",
        then="counsel:list",
    )
