"""Screens of the counsel register: advisers, public lawyers, the units without counsel."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from fazhi.counsel.forms import OpinionForm
from fazhi.counsel.models import Counsel, Opinion
from fazhi.indicators.catalogue import Period, catalogue
from fazhi.kit.screens import create_page, scoped
from fazhi.kit.search import searched
from fazhi.org.models import Unit


def rows(request: HttpRequest) -> Any:
    qs = Counsel.objects.select_related("unit").prefetch_related("served_units")
    return searched(request, scoped(request, qs))


@login_required
def counsel_list(request: HttpRequest) -> HttpResponse:
    year = timezone.localdate().year
    # The same Q as the indicator, so the list and the figure cannot disagree.
    q = catalogue()["units_without_counsel"].q(Period.year(year))
    without = scoped(request, Unit.objects.all()).filter(q)
    opinions = scoped(
        request,
        Opinion.objects.select_related(
            "unit", "counsel", "decision", "document", "contract", "lawsuit"
        ),
    )
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
