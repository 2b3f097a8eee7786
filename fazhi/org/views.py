from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from fazhi.core.focus import focus_unit
from fazhi.org.models import Person, Unit, UnitKind
from fazhi.org.scope import get_for_user_or_404, require_record_reader, visible_to


@login_required
def units(request: HttpRequest) -> HttpResponse:
    require_record_reader(request.user)
    root = focus_unit(request)
    qs = visible_to(request.user, Unit.objects.all())
    if root is not None:
        qs = qs.filter(path__startswith=root.path)
    kind = request.GET.get("kind", "")
    if kind in UnitKind.values:
        qs = qs.filter(kind=kind)
    page = Paginator(qs.order_by("path"), 100).get_page(request.GET.get("page"))
    base = page.object_list[0].depth if page.object_list else 0
    rows = [(u, "　" * max(u.depth - base, 0)) for u in page.object_list]
    return render(request, "org/units.html", {"page": page, "rows": rows, "kinds": UnitKind.choices, "kind": kind})


@login_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_for_user_or_404(Unit, pk, request.user)
    people = visible_to(request.user, Person.objects.filter(unit=unit))
    children = unit.children.order_by("sort_order", "name")
    return render(request, "org/unit_detail.html", {"unit": unit, "people": people, "children": children})
