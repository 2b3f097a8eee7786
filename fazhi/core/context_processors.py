from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from fazhi.core.focus import can_switch, focus_unit, switchable_units
from fazhi.core.navigation import resolved_nav


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    switch = can_switch(user)
    units = []
    if switch:
        all_units = switchable_units(user)
        base = min((u.depth for u in all_units), default=0)
        units = [{"id": u.id, "name": u.name, "indent": "　" * (u.depth - base)} for u in all_units]
    return {
        "nav_items": resolved_nav(user),
        "focus_unit": focus_unit(request),
        "can_switch_unit": switch,
        "switch_units": units,
        # The idle logout's clock in the browser (static/fazhi/site.js).
        "idle_seconds": settings.SESSION_COOKIE_AGE,
    }
