"""`{% search_box "app.Model" %}`: the search box of a register list (core.search)."""

from __future__ import annotations

from typing import Any

from django import template
from django.apps import apps
from django.urls import reverse

from fazhi.core.focus import focus_unit
from fazhi.kit.search import has_deadlines, period_field, search_label, search_text
from fazhi.org.models import Unit, UnitKind
from fazhi.org.scope import visible_to

register = template.Library()


@register.inclusion_tag("core/_search.html", takes_context=True)
def search_box(context: Any, model: Any, skip: str = "") -> dict[str, Any]:
    """The search box and the common filters (core.search.common_filters) of a list:
    unit, period, state (for records with a state, unless the list's own form offers its
    `states`) and, for records with statutory deadlines, 超期. `model`: a model class
    or its label ("reconsideration.Application"); `skip`: filters the list's own form
    already has ("overdue unit state")."""
    if isinstance(model, str):
        model = apps.get_model(model)
    elif not isinstance(model, type):  # a template calls a class it is given: an instance
        model = type(model)
    request = context["request"]
    g = request.GET
    units = []
    if "unit" not in skip.split():
        focus = focus_unit(request)
        qs = visible_to(request.user, Unit.objects.active()).exclude(kind=UnitKind.VILLAGE)
        if focus is not None:
            qs = qs.filter(path__startswith=focus.path)
        units = list(qs.order_by("path").only("id", "name")[:300])
    states = []
    if "state" not in skip.split() and context.get("states") is None:
        states = next((list(f.choices or ()) for f in model._meta.concrete_fields if f.name == "state"), [])
    return {
        "states": states,
        "state": g.get("state", ""),
        "q": search_text(request),
        "hint": search_label(model),
        "units": units,
        "unit": g.get("unit", ""),
        "period": bool(period_field(model)),
        "period_label": model._meta.get_field(period_field(model)).verbose_name if period_field(model) else "",
        "start": g.get("from", ""),
        "end": g.get("to", ""),
        "overdue": has_deadlines(model) and "overdue" not in skip.split(),
        "overdue_on": g.get("overdue", "") == "1",
    }


@register.inclusion_tag("core/_export_buttons.html", takes_context=True)
def export_buttons(context: Any, url_name: str) -> dict[str, Any]:
    """The two exports of a list (core.xlsx_views): 导出（公开版） with personal data masked
    for every reader, 导出（可再导入） with full data for writers. Both keep the list's
    filters and search; `url_name` is the publication export's URL name."""
    request = context["request"]
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "query": query.urlencode(),
        "url": reverse(url_name),
        "full_url": reverse(f"{url_name}_full") if request.user.can_write_records else "",
    }
