"""Small builders for the `where` of the registers' indicators (indicators.catalogue).

A `Where` is a function of the Period returning the Q that selects the rows counted.
The registers' indicators.py use these instead of spelling each date range out:

    count("mediation_oral", …, where=narrowed(received, outcome=Outcome.ORAL))
    count("legal_aid_visits", …, where=dated("visited_on"))
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Q

from fazhi.indicators.catalogue import Period

Where = Callable[[Period], Q]


def within(field: str, p: Period) -> Q:
    """`field` (a date) falls in the period, both ends included."""
    return Q(**{f"{field}__gte": p.start, f"{field}__lte": p.end})


def dated(field: str, *conditions: Q, **filters: Any) -> Where:
    """The rows whose `field` falls in the period, narrowed by the conditions."""
    return lambda p: within(field, p) & Q(*conditions, **filters)


def narrowed(where: Where, *conditions: Q, **filters: Any) -> Where:
    """The rows of `where`, narrowed by the conditions."""
    return lambda p: where(p) & Q(*conditions, **filters)


def in_years(field: str = "year") -> Where:
    """The rows whose year number `field` falls in the period's years."""
    return lambda p: Q(**{f"{field}__gte": p.start.year, f"{field}__lte": p.end.year})


def open_during(start: str, end: str) -> Where:
    """The rows begun by the period's end (`start`) and not ended before it began (`end`)."""
    return lambda p: (
        Q(**{f"{start}__lte": p.end})
        & (Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": p.start}))
    )
