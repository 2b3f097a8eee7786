from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from fazhi.core.focus import SESSION_KEY, can_switch, focus_unit
from fazhi.deadlines.models import Deadline
from fazhi.org.models import Unit
from fazhi.org.scope import can_read_unit


def due_items(request: HttpRequest, limit: int = 50) -> dict[str, Any]:
    """The user's open deadlines in the focused unit, by light (red, yellow, green)."""

    today = timezone.localdate()
    unit = focus_unit(request)
    qs = Deadline.objects.visible_to(request.user).open()
    if unit is not None:
        qs = qs.in_subtree(unit)
    overdue = qs.overdue(today)
    soon = qs.due_soon(today)
    return {
        "today": today,
        "deadlines": list(qs.select_related("unit", "period").order_by("due_date")[:limit]),
        "count_red": overdue.count(),
        "count_yellow": soon.count(),
        "count_all": qs.count(),
    }


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", due_items(request))


@login_required
def keepalive(request: HttpRequest) -> HttpResponse:
    """"继续" on the idle banner: a request restarts the session's idle clock."""
    return HttpResponse(status=204)


@login_required
@require_POST
def switch_unit(request: HttpRequest) -> HttpResponse:
    target = request.POST.get("unit", "")
    unit = Unit.objects.filter(pk=target).first() if target.isdigit() else None
    if not can_switch(request.user) or unit is None or not can_read_unit(request.user, unit):
        messages.error(request, "无法切换到该单位：不在您的管辖范围内。")
    else:
        request.session[SESSION_KEY] = unit.pk
        messages.success(request, f"已切换到：{unit.name}")
    back = request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = "/"
    return redirect(back)
