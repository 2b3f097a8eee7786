from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from fazhi.audit.display import rows
from fazhi.audit.models import Action, Entry


@login_required
def entries(request: HttpRequest) -> HttpResponse:
    if not (request.user.is_authenticated and request.user.can_read_audit):
        raise PermissionDenied("只有审计员和统筹协调员可以查看审计日志。")
    qs = Entry.objects.visible_to(request.user)
    action = request.GET.get("action", "")
    if action in Action.values:
        qs = qs.filter(action=action)
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(username__icontains=q) | qs.filter(object_repr__icontains=q)
    page = Paginator(qs.order_by("-id"), 50).get_page(request.GET.get("page"))
    return render(request, "audit/entries.html", {
        "page": page, "rows": rows(list(page)), "actions": Action.choices, "action": action, "q": q,
    })
