"""Computing indicators: a handful of grouped queries for any unit subtree and period.

All count and sum indicators over one model are computed in ONE query with conditional
aggregation (`Count("pk", filter=Q(...))`), whatever the number of indicators; for many
units side by side the same query is grouped by the units' path prefix, so the query
count does not grow with the number of units either. Rates and sums of parts are then
derived in Python from the figures they are defined by, so a rate can never disagree
with its counts. `records()` returns exactly the records a figure counted, through the
same Q objects.
"""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from functools import reduce
from typing import Any

from django.db.models import Avg, Count, F, Max, QuerySet, Sum
from django.db.models.functions import Substr

from fazhi.indicators.catalogue import Indicator, Period, catalogue
from fazhi.org.models import Unit

Value = int | Decimal | None


def _period(year_or_period: int | Period) -> Period:
    return year_or_period if isinstance(year_or_period, Period) else Period.year(year_or_period)


def _expand(codes: Iterable[str] | None) -> tuple[list[Indicator], list[str]]:
    """The indicators to compute (with the ones they depend on) and the codes asked for."""
    cat = catalogue()
    wanted = list(cat) if codes is None else list(codes)
    unknown = [c for c in wanted if c not in cat]
    if unknown:
        raise KeyError(f"未知指标代码：{', '.join(unknown)}")
    needed: dict[str, Indicator] = {}

    def visit(code: str) -> None:
        if code in needed:
            return
        ind = cat[code]
        for dep in (ind.numerator, ind.denominator, *ind.parts):
            if dep:
                visit(dep)
        needed[code] = ind

    for c in wanted:
        visit(c)
    return list(needed.values()), wanted


AGGREGATES = {"sum": Sum, "avg": Avg, "max": Max}
BASE_KINDS = ("count", *AGGREGATES)


def _aggregate(ind: Indicator, period: Period) -> Any:
    if ind.kind == "count":
        return Count("pk", filter=ind.q(period))
    return AGGREGATES[ind.kind](ind.field, filter=ind.q(period))


def _base_values(
    indicators: list[Indicator], period: Period, units: list[Unit], own: bool = False
) -> dict[int, dict[str, Value]]:
    """Count and sum indicators for each unit's subtree (or the unit alone, 本级):
    one query per model."""
    by_model: dict[str, list[Indicator]] = defaultdict(list)
    for ind in indicators:
        if ind.kind in BASE_KINDS:
            by_model[ind.model].append(ind)
    results: dict[int, dict[str, Value]] = {u.pk: {} for u in units}
    if not units:
        return results
    depths = {len(u.path) for u in units}
    for inds in by_model.values():
        model = inds[0].model_class
        scope = getattr(model, "scope_field", "unit")
        path_field = f"{scope}__path" if scope else "path"
        aggs = {ind.code: _aggregate(ind, period) for ind in inds}
        by_path = {u.path: u.pk for u in units}
        by_pk_path = {u.pk: u.path for u in units}
        qs = model._default_manager.all()
        # Rows that no indicator's filter accepts add nothing to any aggregate, so the
        # union of the filters can go into WHERE: the planner then reads one period's
        # rows (by its date indexes) instead of every year's.
        conditions = [ind.q(period) for ind in inds]
        if all(conditions):
            qs = qs.filter(reduce(operator.or_, conditions))
        if own:
            # 本级: records of the units themselves, grouped by unit.
            unit_field = scope or "pk"
            rows = [
                {"_prefix": by_pk_path[row.pop("_unit")], **row}
                for row in qs.filter(**{f"{unit_field}__in": [u.pk for u in units]})
                .values(_unit=F(unit_field))
                .annotate(**aggs)
                .order_by()
            ]
        elif len(units) == 1:
            rows = [{"_prefix": units[0].path, **qs.filter(**{f"{path_field}__startswith": units[0].path}).aggregate(**aggs)}]
        elif len(depths) == 1:
            # Units at one depth: filter by their common ancestor, group by path prefix.
            n = next(iter(depths))
            common = _common_prefix([u.path for u in units])
            rows = list(
                qs.filter(**{f"{path_field}__startswith": common})
                .annotate(_prefix=Substr(F(path_field), 1, n))
                .values("_prefix")
                .annotate(**aggs)
                .order_by()
            )
        else:
            rows = [
                {"_prefix": u.path, **qs.filter(**{f"{path_field}__startswith": u.path}).aggregate(**aggs)}
                for u in units
            ]
        for row in rows:
            pk = by_path.get(row["_prefix"])
            if pk is None:
                continue
            for ind in inds:
                results[pk][ind.code] = _finish(ind, row.get(ind.code))
        for u in units:  # a unit with no rows at all
            for ind in inds:
                results[u.pk].setdefault(ind.code, _finish(ind, None))
    return results


def _common_prefix(paths: list[str]) -> str:
    """The longest path prefix shared by all, cut at a segment boundary."""
    first, last = min(paths), max(paths)
    i = 0
    while i < min(len(first), len(last)) and first[i] == last[i]:
        i += 1
    return first[: first.rfind(".", 0, i) + 1] if i < len(first) else first


def _finish(ind: Indicator, raw: Any) -> Value:
    if ind.kind == "count":
        return int(raw or 0)
    if ind.kind in ("avg", "max") and raw is None:
        return None  # no records: no average, no longest
    value = Decimal(str(raw or 0)) / ind.scale
    return ind.round(value)


def _derive(indicators: list[Indicator], values: dict[str, Value]) -> None:
    for ind in indicators:  # dependency order: dependencies were visited first
        if ind.kind == "parts":
            total = sum((values.get(p) or 0) for p in ind.parts)
            values[ind.code] = total
        elif ind.kind == "rate":
            num, den = values.get(ind.numerator), values.get(ind.denominator)
            if not den:
                values[ind.code] = None
            else:
                values[ind.code] = ind.round(Decimal(num or 0) * 100 / Decimal(den))


def compute_many(
    units: list[Unit], year_or_period: int | Period, codes: Iterable[str] | None = None, *, own: bool = False
) -> dict[int, dict[str, Value]]:
    """{unit pk: {code: value}} for each unit's subtree (own=True: the unit alone, 本级)."""
    period = _period(year_or_period)
    indicators, wanted = _expand(codes)
    results = _base_values(indicators, period, units, own)
    out: dict[int, dict[str, Value]] = {}
    for pk, values in results.items():
        _derive(indicators, values)
        out[pk] = {c: values.get(c) for c in wanted}
    return out


def compute(
    unit: Unit, year_or_period: int | Period, codes: Iterable[str] | None = None, *, own: bool = False
) -> dict[str, Value]:
    """{code: value} for the unit's subtree in the period (own=True: the unit alone, 本级)."""
    return compute_many([unit], year_or_period, codes, own=own)[unit.pk]


def records(code: str, unit: Unit, year_or_period: int | Period, *, own: bool = False) -> QuerySet[Any]:
    """Exactly the records a count or sum figure counted (a rate: its numerator's)."""
    ind = catalogue()[code]
    if ind.kind == "rate":
        return records(ind.numerator, unit, year_or_period, own=own)
    if ind.kind == "parts":
        raise ValueError(f"{code} 是多项之和，请分别查看：{'、'.join(ind.parts)}")
    period = _period(year_or_period)
    model = ind.model_class
    scope = getattr(model, "scope_field", "unit")
    if own:
        return model._default_manager.filter(**{scope or "pk": unit.pk}).filter(ind.q(period))
    path_field = f"{scope}__path" if scope else "path"
    return model._default_manager.filter(**{f"{path_field}__startswith": unit.path}).filter(ind.q(period))


def format_value(ind: Indicator, value: Value) -> str:
    if value is None:
        return "—"
    return f"{value}{ind.unit}"
