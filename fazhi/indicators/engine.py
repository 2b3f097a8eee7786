"""Computing indicators: a handful of grouped queries for any unit subtree and period.

All count and sum indicators over one model are computed in ONE query with conditional
aggregation (`Count(1, filter=Q(...))`), whatever the number of indicators; for many
units side by side the same query is grouped by the records' own unit and rolled up
into the units' subtrees here (one more query reads the unit tree), so the query count
does not grow with the number of units either. Rates and sums of parts are then
derived in Python from the figures they are defined by, so a rate can never disagree
with its counts. `records()` returns exactly the records a figure counted, through the
same Q objects.

Each model's query is compiled once per period and shape of the unit set and re-bound
to the units' paths on every call (`_compiled_entry`). Whole counties for a calendar
year are read from their kept figures where current (county_figures.py), so a province
of a hundred counties does not read a year of every county's records on every
comparison; documents pass `from_records=True`.

Subtrees reported from another server (a county that runs its own instance and sends
its figures up, fazhi/upward) join through one hook, `register_external_source()`: for
a calendar year, the tree query marks the units whose subtree is reported from
elsewhere; their local records are left out and the source's raw figures (counts,
unscaled sums, a mean's total and number, maxima) are added before anything is scaled,
rounded or derived. So a city's count is the sum over its local and imported counties,
and its rates are recomputed from the summed numerator and denominator, never
averaged. Without imported subtrees this costs no query; with them, one.
"""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import reduce
from typing import Any

from django.core.signals import setting_changed
from django.db import connections, router
from django.db.models import Avg, Count, Expression, F, Max, QuerySet, Sum
from django.db.models import Value as Literal

from fazhi.indicators import county_figures
from fazhi.indicators.catalogue import Indicator, Period, catalogue
from fazhi.indicators.display import format_value  # noqa: F401 - registers' views still import it from here
from fazhi.org.models import Unit, in_subtrees, outermost_paths

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

@dataclass(frozen=True)
class ExternalSource:
    """Figures of subtrees whose records live on another server.

    `marker(period)`: a boolean expression on Unit, true for a unit whose whole subtree
    is reported from elsewhere for the period. `figures(paths, period)`: {path: {code:
    raw}} for those units, raw in the engine's form (`<code>` and, for a mean,
    `<code>__n`). Only asked for calendar years, never for 本级.
    """

    marker: Callable[[Period], Expression]
    figures: Callable[[list[str], Period], dict[str, dict[str, Any]]]


_external_sources: list[ExternalSource] = []


def register_external_source(source: ExternalSource) -> None:
    """Add a source of externally reported figures (from an AppConfig.ready())."""
    if source not in _external_sources:
        _external_sources.append(source)


def _external_roots(units: list[Unit], own: bool, period: Period) -> list[str]:
    """The outermost paths, within the units' subtrees, of subtrees reported from
    elsewhere for the period. One query reading only the marked units; none without
    an external source, for 本级, or for a period other than a calendar year."""
    if own or not units or not _external_sources or period != Period.year(period.start.year):
        return []
    markers = [source.marker(period) for source in _external_sources]
    expr = reduce(operator.or_, markers) if len(markers) > 1 else markers[0]
    marked = Unit.objects.filter(in_subtrees(outermost_paths(u.path for u in units))).filter(expr)
    return outermost_paths(marked.values_list("path", flat=True))


def _external_figures(roots: list[str], period: Period) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for source in _external_sources:
        found.update(source.figures(roots, period))
    return found


def external_roots(unit: Unit, year_or_period: int | Period) -> list[str]:
    """Paths of the subtrees within the unit whose figures are reported from elsewhere."""
    return _external_roots([unit], False, _period(year_or_period))


def _aggregates(ind: Indicator, period: Period) -> dict[str, Any]:
    """The SQL aggregates behind one figure, named `<code>` (and `<code>__n` for the
    count an average is divided by). They are all sums, counts or maxima, so a figure
    of a subtree can be rolled up from the figures of its units."""
    q = ind.q(period)
    if ind.kind == "count":
        return {ind.code: Count(Literal(1), filter=q)}  # no column: a covering index serves it
    if ind.kind == "avg":
        return {ind.code: Sum(ind.field, filter=q), f"{ind.code}__n": Count(ind.field, filter=q)}
    return {ind.code: AGGREGATES[ind.kind](ind.field, filter=q)}


def _roll(ind: Indicator, acc: Any, raw: Any) -> Any:
    if raw is None:
        return acc
    if acc is None:
        return raw
    return max(acc, raw) if ind.kind == "max" else acc + raw


def _with_markers(qs: QuerySet[Unit], period: Period, own: bool) -> tuple[QuerySet[Any], bool]:
    """The tree query with a column `_ext` saying whether a unit is reported from elsewhere."""
    if own or not _external_sources or period != Period.year(period.start.year):
        return qs.values_list("pk", "path"), False
    markers = [source.marker(period) for source in _external_sources]
    expr = reduce(operator.or_, markers) if len(markers) > 1 else markers[0]
    return qs.annotate(_ext=expr).values_list("pk", "path", "_ext"), True


def _targets(units: list[Unit], own: bool, period: Period) -> tuple[dict[int, list[int]], list[str]]:
    """{unit id: [pks of the requested units whose figures its records count in]} and
    the paths of the subtrees reported from elsewhere (whose local records count nowhere:
    the imported figures stand for them). One query reads the unit tree."""
    if own:
        return {u.pk: [u.pk] for u in units}, []
    by_path: dict[str, list[int]] = defaultdict(list)
    for u in units:
        by_path[u.path].append(u.pk)
    tree, marked = _with_markers(Unit.objects.filter(in_subtrees(outermost_paths(by_path))), period, own)
    rows = list(tree)
    external = outermost_paths(row[1] for row in rows if row[2]) if marked else []
    targets: dict[int, list[int]] = {}
    for pk, path, *_ in rows:
        if external and any(path.startswith(r) for r in external):
            continue
        # The requested units that are this unit or its ancestors: prefixes of its path.
        hits: list[int] = []
        end = path.find(".")
        while end != -1:
            hits.extend(by_path.get(path[: end + 1], ()))
            end = path.find(".", end + 1)
        if hits:
            targets[pk] = hits
    return targets, external


def _base_values(
    indicators: list[Indicator], period: Period, units: list[Unit], own: bool = False,
    raw_into: dict[str, Any] | None = None, from_records: bool = False,
) -> dict[int, dict[str, Value]]:
    """Count and sum indicators for each unit's subtree (or the unit alone, 本级).

    One query per model, whatever the number of units: the records are aggregated by
    their own unit (an index on the unit and the period's date serves it, with no join
    to the unit tree), and the units' figures are rolled up into the requested units'
    subtrees here."""
    by_model: dict[str, list[Indicator]] = defaultdict(list)
    for ind in indicators:
        if ind.kind in BASE_KINDS:
            by_model[ind.model].append(ind)
    results: dict[int, dict[str, Value]] = {u.pk: {} for u in units}
    if not units or not by_model:
        return results
    sums: dict[int, dict[str, Any]] = {u.pk: {} for u in units}
    if not from_records and county_figures.applies(units, period, own) and not _external_roots(units, own, period):
        # Whole counties for a year: their kept figures (county_figures.py), computed where
        # missing; the unit tree is read only then.
        external: list[str] = []
        # A model's row holds every figure the catalogue has on it, whichever were asked
        # for: one row serves the whole catalogue and a single figure's trend alike.
        whole: dict[str, list[Indicator]] = defaultdict(list)
        for ind in catalogue().values():
            if ind.model in by_model and ind.kind in BASE_KINDS:
                whole[ind.model].append(ind)
        county_figures.fill(
            dict(whole), period, units, sums,
            rows=lambda inds, p, roots: _model_rows(inds, p, roots, [], None),
            sql_of=lambda inds, p, roots: _compiled_entry(inds, p, roots)[1:3],
            targets_of=lambda counties: _targets(counties, False, period)[0],
            accumulate=_accumulate,
        )
    else:
        targets, external = _targets(units, own, period)
        roots = outermost_paths(u.path for u in units)
        for inds in by_model.values():
            _accumulate(inds, _model_rows(inds, period, roots, external, sorted(targets) if own else None), targets, sums)
    if external:
        _add_external(indicators, units, sums, _external_figures(external, period))
    if raw_into is not None and units:
        raw_into.update(sums[units[0].pk])
    for inds in by_model.values():
        for u in units:
            acc = sums[u.pk]
            for ind in inds:
                raw = acc.get(ind.code)
                if ind.kind == "avg":
                    n = acc.get(f"{ind.code}__n", 0)
                    raw = Decimal(str(raw)) / n if n else None
                results[u.pk][ind.code] = _finish(ind, raw)
    return results


def _model_query(
    inds: list[Indicator], period: Period, roots: list[str], external: list[str], own_units: list[int] | None
) -> QuerySet[Any]:
    """One model's grouped aggregate: a row per unit holding records, a column per figure."""
    model = inds[0].model_class
    scope = getattr(model, "scope_field", "unit")
    unit_field = scope or "pk"
    aggs: dict[str, Any] = {}
    for ind in inds:
        aggs.update(_aggregates(ind, period))
    qs = model._default_manager.all()
    # Rows that no indicator's filter accepts add nothing to any aggregate, so the
    # union of the filters can go into WHERE: the planner then reads one period's
    # rows (by its date indexes) instead of every year's.
    conditions = [ind.q(period) for ind in inds]
    if all(conditions):
        qs = qs.filter(reduce(operator.or_, conditions))
    if own_units is not None:
        qs = qs.filter(**{f"{unit_field}__in": own_units})
    else:
        # The subtree goes into SQL as a subquery on the unit path (one parameter
        # per root, not one per unit): the planner then drives an index on
        # (unit, date) from the few units of one county, or scans once for a
        # province. (The unit tree itself is filtered by its own path, not by a
        # subquery on itself, so the planner restricts it before it evaluates the
        # filters.)
        tree = Unit.objects.filter(in_subtrees(roots))
        for root in external:
            tree = tree.exclude(path__startswith=root)
        qs = qs & tree if model is Unit else qs.filter(**{f"{unit_field}__in": tree.values("pk")})
    values: QuerySet[Any, Any] = qs.values(_unit=F(unit_field)).annotate(**aggs).order_by()
    return values


# Building a model's query (its Q trees, the FILTER clauses of up to forty figures) costs
# Django more than PostgreSQL needs to answer it for one county. The compiled SQL of a
# subtree query therefore is kept per (database, indicators, period, roots' lengths),
# with stand-ins for the roots' paths that are swapped for the real paths on each call:
# a call then only executes. The indicators are keyed by identity and kept alive by the
# entry, so a substituted catalogue (tests) never meets another's SQL.
_ROOT_MARK = "\x1e{}\x1e"
_COMPILED_MAX = 512


def marks_of(roots: list[str]) -> list[str]:
    """Stand-ins for the roots' paths, each as long as its root (the SQL depends on the
    roots' lengths: `in_subtrees`)."""
    return [_ROOT_MARK.format(str(i).zfill(max(len(root) - 2, len(str(i))))) for i, root in enumerate(roots)]


_compiled: dict[tuple[Any, ...], tuple[Any, str, tuple[Any, ...], list[str], list[Indicator]]] = {}


def _forget_compiled(**kwargs: Any) -> None:
    _compiled.clear()  # a figure's filter may read a setting (e.g. the 纠错率 denominator)


setting_changed.connect(_forget_compiled, dispatch_uid="fazhi.indicators.engine.compiled")


def _compiled_entry(
    inds: list[Indicator], period: Period, roots: list[str]
) -> tuple[Any, str, tuple[Any, ...], list[str], list[Indicator]]:
    """(compiler, SQL, parameters with the roots' stand-ins, column names, indicators)."""
    db = router.db_for_read(inds[0].model_class)
    key = (db, tuple(id(ind) for ind in inds), period, tuple(len(root) for root in roots))
    entry = _compiled.get(key)
    if entry is None:
        qs = _model_query(inds, period, marks_of(roots), [], None)
        compiler = qs.query.get_compiler(using=db)
        sql, params = compiler.as_sql()
        names = [alias for _, _, alias in compiler.select[: compiler.col_count]]
        if len(_compiled) >= _COMPILED_MAX:
            _compiled.clear()
        entry = _compiled[key] = (compiler, sql, tuple(params), names, inds)
    return entry


def _model_rows(
    inds: list[Indicator], period: Period, roots: list[str], external: list[str], own_units: list[int] | None
) -> Iterable[dict[str, Any]]:
    if own_units is not None or external:
        return _model_query(inds, period, roots, external, own_units)
    db = router.db_for_read(inds[0].model_class)
    compiler, sql, params, names, _ = _compiled_entry(inds, period, roots)
    like = connections[db].ops.prep_for_like_query
    marks = marks_of(roots)
    swaps = [(mark, like(root)) for mark, root in zip(marks, roots, strict=True)]
    exact = dict(zip(marks, roots, strict=True))
    bound = []
    for param in params:
        if isinstance(param, str) and "\x1e" in param:
            if param in exact:  # LEFT(path, n) IN (…)
                param = exact[param]
            else:  # path LIKE '…%'
                for mark, path in swaps:
                    param = param.replace(mark, path)
        bound.append(param)
    with connections[db].cursor() as cursor:
        cursor.execute(sql, bound)
        fetched = cursor.fetchall()
    return (dict(zip(names, row, strict=True)) for row in compiler.results_iter(results=[fetched]))


def _accumulate(
    inds: list[Indicator], rows: Iterable[dict[str, Any]], targets: dict[int, list[int]], sums: dict[int, dict[str, Any]]
) -> None:
    """Roll each unit's row into the requested units whose figures it counts in."""
    for row in rows:
        for pk in targets.get(row["_unit"], ()):
            acc = sums[pk]
            for ind in inds:
                acc[ind.code] = _roll(ind, acc.get(ind.code), row[ind.code])
                if ind.kind == "avg":
                    n = f"{ind.code}__n"
                    acc[n] = acc.get(n, 0) + (row[n] or 0)


def _add_external(
    indicators: list[Indicator], units: list[Unit], sums: dict[int, dict[str, Any]],
    figures: dict[str, dict[str, Any]],
) -> None:
    """Roll each reported subtree's raw figures into the requested units that contain it."""
    for path, raw in figures.items():
        for u in units:
            if not path.startswith(u.path):
                continue
            acc = sums[u.pk]
            for ind in indicators:
                if ind.kind not in BASE_KINDS or ind.code not in raw:
                    continue
                acc[ind.code] = _roll(ind, acc.get(ind.code), raw[ind.code])
                if ind.kind == "avg":
                    n = f"{ind.code}__n"
                    acc[n] = acc.get(n, 0) + (raw.get(n) or 0)


def raw_figures(unit: Unit, year_or_period: int | Period) -> dict[str, Any]:
    """{code: raw figure} (and `<code>__n` for a mean) of every count, sum, mean and
    maximum of the catalogue for the unit's subtree, reported subtrees included, before
    scaling and rounding: what an upward report carries so the receiver can add it up."""
    period = _period(year_or_period)
    indicators, _ = _expand(None)
    out: dict[str, Any] = {}
    _base_values(indicators, period, [unit], raw_into=out, from_records=True)
    return out


def _finish(ind: Indicator, raw: Any) -> Value:
    if ind.kind == "count":
        return int(raw or 0)
    if ind.kind in ("avg", "max") and raw is None:
        return None  # no records: no average, no longest
    value = Decimal(str(raw or 0)) / ind.scale
    return ind.round(value)


def derived(ind: Indicator, values: dict[str, Value]) -> Value:
    """A sum of parts or a rate from the figures in `values` it rests on, as they stand
    (a rate: None when its denominator is 0 or missing)."""
    if ind.kind == "parts":
        return sum((values.get(p) or 0) for p in ind.parts)
    num, den = values.get(ind.numerator), values.get(ind.denominator)
    if not den:
        return None
    return ind.round(Decimal(num or 0) * 100 / Decimal(den))


def _derive(indicators: list[Indicator], values: dict[str, Value]) -> None:
    for ind in indicators:  # dependency order: dependencies were visited first
        if ind.kind in ("parts", "rate"):
            values[ind.code] = derived(ind, values)


def derive(values: dict[str, Value], *, keep: Iterable[str] = ()) -> dict[str, Value]:
    """Recompute, in place, every rate and sum of parts of the catalogue from the figures
    they rest on, as `compute` does; the codes in `keep` (figures a person entered by
    hand) stay as they are. For documents that overlay hand-entered figures."""
    kept = set(keep)
    indicators, _ = _expand(None)
    _derive([ind for ind in indicators if ind.code not in kept], values)
    return values


def compute_many(
    units: list[Unit], year_or_period: int | Period, codes: Iterable[str] | None = None, *, own: bool = False,
    from_records: bool = False,
) -> dict[int, dict[str, Value]]:
    """{unit pk: {code: value}} for each unit's subtree (own=True: the unit alone, 本级).

    Whole counties' figures for a calendar year come from their kept figures where
    current (county_figures.py); `from_records=True` reads the records whatever is
    kept, for documents (annual reports, upward reports) that must be the records'
    figures at the moment they are made."""
    period = _period(year_or_period)
    indicators, wanted = _expand(codes)
    results = _base_values(indicators, period, units, own, from_records=from_records)
    out: dict[int, dict[str, Value]] = {}
    for pk, values in results.items():
        _derive(indicators, values)
        out[pk] = {c: values.get(c) for c in wanted}
    return out


def compute(
    unit: Unit, year_or_period: int | Period, codes: Iterable[str] | None = None, *, own: bool = False,
    from_records: bool = False,
) -> dict[str, Value]:
    """{code: value} for the unit's subtree in the period (own=True: the unit alone, 本级)."""
    return compute_many([unit], year_or_period, codes, own=own, from_records=from_records)[unit.pk]


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
    qs = model._default_manager.filter(**{f"{path_field}__startswith": unit.path}).filter(ind.q(period))
    for root in external_roots(unit, period):
        # Reported from elsewhere: its records are not here and its figure is imported.
        qs = qs.exclude(**{f"{path_field}__startswith": root})
    return qs
