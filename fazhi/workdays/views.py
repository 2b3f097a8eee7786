"""A year's holidays and make-up working days, with where each fact comes from."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from fazhi.workdays.calendar import SOURCE_LABELS, SOURCE_WEEKDAY_RULE
from fazhi.workdays.models import MAX_YEAR, MIN_YEAR, HolidayNotice
from fazhi.workdays.services import get_calendar


@login_required
def year_view(request: HttpRequest, year: int | None = None) -> HttpResponse:
    if year is None:
        year = timezone.localdate().year
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404("年度超出范围。")
    import datetime as dt

    calendar = get_calendar()
    source = calendar.source_of_year(year)
    days = calendar.special_days(dt.date(year, 1, 1), dt.date(year, 12, 31))
    return render(
        request,
        "workdays/year.html",
        {
            "year": year,
            "days": days,
            "source": source,
            "source_label": SOURCE_LABELS[source],
            "provisional": source == SOURCE_WEEKDAY_RULE,
            "notice": HolidayNotice.objects.filter(year=year).first(),
            "prev": year - 1,
            "next": year + 1,
        },
    )
