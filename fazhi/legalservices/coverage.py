"""法律明白人 coverage per village: how many helpers each village has on a day.

The indicator `legal_literate_coverage` counts the villages that reach the minimum; this
lists every village with its count, for the screen and the drill-down (one query).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q

from fazhi.core.validators import active_on
from fazhi.legalservices import rules
from fazhi.org.models import Unit, UnitKind


@dataclass(frozen=True)
class VillageCoverage:
    pk: int
    name: str
    parent_name: str
    helpers: int
    covered: bool


def coverage(unit: Unit, on: date, *, minimum: int | None = None) -> list[VillageCoverage]:
    """Every active village in the unit's subtree, its helpers in post on `on`, and
    whether it has at least `minimum` (default: the setting, 1)."""
    n = minimum or rules.helpers_per_village_minimum()
    in_post = Q(**{"legal_helpers__pk__isnull": False}) & _prefixed(
        active_on(on, "appointed_on", "left_on")
    )
    rows = (
        Unit.objects.subtree_of(unit)
        .active()
        .filter(kind=UnitKind.VILLAGE)
        .annotate(helpers=Count("legal_helpers", filter=in_post))
        .select_related("parent")
        .order_by("path")
    )
    return [
        VillageCoverage(
            u.pk, u.name, u.parent.name if u.parent_id else "", u.helpers, u.helpers >= n
        )
        for u in rows
    ]


def _prefixed(q: Q) -> Q:
    """The same condition on the reverse relation from Unit to LegalHelper."""
    out = Q()
    out.connector = q.connector
    out.negated = q.negated
    for child in q.children:
        if isinstance(child, Q):
            out.children.append(_prefixed(child))
        else:
            key, value = child
            out.children.append((f"legal_helpers__{key}", value))
    return out
