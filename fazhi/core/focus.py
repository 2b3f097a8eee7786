"""The unit a coordinator or leader is looking at (the unit switcher).

A user always works inside their own unit's subtree; coordinators and leaders may
narrow their screens to one unit below it. The choice lives in the session and is
re-checked against the scope on every request.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from fazhi.org.models import SWITCH_UNIT_ROLES, Unit, UnitKind
from fazhi.org.scope import can_read_unit, visible_to

SESSION_KEY = "focus_unit_id"


def focus_unit(request: HttpRequest) -> Unit | None:
    user: Any = request.user
    if not user.is_authenticated:
        return None
    unit_id = request.session.get(SESSION_KEY)
    if unit_id:
        unit = Unit.objects.filter(pk=unit_id).first()
        if unit is not None and can_read_unit(user, unit):
            return unit
    if user.unit_id:
        return user.unit
    # A superuser without a unit starts at the top of the tree.
    return Unit.objects.filter(parent__isnull=True).order_by("path").first()


def can_switch(user: Any) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or user.role in SWITCH_UNIT_ROLES))


def switchable_units(user: Any) -> list[Unit]:
    if not can_switch(user):
        return []
    qs = visible_to(user, Unit.objects.active()).exclude(kind=UnitKind.VILLAGE)
    return list(qs.only("id", "name", "short_name", "depth", "path")[:500])
