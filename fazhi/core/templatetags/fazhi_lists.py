"""`{% search_box "app.Model" %}`: the search box of a register list (core.search)."""

from __future__ import annotations

from typing import Any

from django import template
from django.apps import apps
from django.urls import reverse

from fazhi.core.search import search_label, search_text

register = template.Library()


@register.inclusion_tag("core/_search.html", takes_context=True)
def search_box(context: Any, model: Any) -> dict[str, Any]:
    """`model`: a model class or its label ("reconsideration.Application")."""
    model = apps.get_model(model) if isinstance(model, str) else model
    return {"q": search_text(context["request"]), "hint": search_label(model)}


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
