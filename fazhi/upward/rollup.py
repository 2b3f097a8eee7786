"""The roll-up hook: imported figures join the indicator engine (see engine.py).

For a calendar year, every sender unit with a *current* submission is a subtree whose
figures come from the file, not from records here: the engine leaves that subtree's
local records out and adds these raw figures, then derives rates and sums of parts from
the totals. So a city's count is the sum over its local and imported counties, and its
rates are recomputed from the summed numerators and denominators, never averaged.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import Exists, Expression, OuterRef

from fazhi.indicators.catalogue import Period
from fazhi.indicators.engine import ExternalSource
from fazhi.upward.models import ReportedFigure, Submission


def engine_raw(code: str, kind: str, raw: Any) -> dict[str, Any]:
    """A stored raw figure in the engine's form: {code: value} (and {code__n: n} for a mean)."""
    if kind == "count":
        return {code: int(raw or 0)}
    if kind == "avg":
        return {code: Decimal(str(raw.get("total") or 0)), f"{code}__n": int(raw.get("n") or 0)}
    if kind == "max":
        return {code: None if raw is None else Decimal(str(raw))}
    return {code: Decimal(str(raw or 0))}


def reported_marker(period: Period) -> Expression:
    """True for a unit with a current submission for the period's year."""

    return Exists(Submission.objects.filter(unit=OuterRef("pk"), year=period.start.year, current=True))


def imported_figures(paths: list[str], period: Period) -> dict[str, dict[str, Any]]:
    """{sender unit path: raw figures} of the current submissions of these units: one query."""

    if not paths:
        return {}
    wanted = set(paths)
    rows = (
        ReportedFigure.objects.filter(
            year=period.start.year, submission__current=True, submission__unit__path__in=wanted
        )
        .exclude(kind__in=("rate", "parts"))
        .values_list("submission__unit__path", "code", "kind", "raw")
    )
    found: dict[str, dict[str, Any]] = defaultdict(dict)
    for path, code, kind, raw in rows:
        found[path].update(engine_raw(code, kind, raw))
    return dict(found)


SOURCE = ExternalSource(marker=reported_marker, figures=imported_figures)
