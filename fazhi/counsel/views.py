"""Screens of the counsel register: advisers, public lawyers, the units without counsel."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from fazhi.counsel.forms import OpinionForm
from fazhi.counsel.models import Counsel, Opinion
from fazhi.indicators.catalogue import Period, catalogue
from fazhi.kit.screens import create_view, scoped
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


opinion_create = create_view(
    OpinionForm, "登记法律意见", "counsel:list", "已登记法律意见：{obj}", then="counsel:list"
)
