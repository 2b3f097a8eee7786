"""Kept figures of whole counties, so that a province compares a hundred counties
without reading a year of every county's records.

A provincial supervisor's comparison (`engine.compute_many(counties, year)`) needs every
model's aggregate over every county's records of the year: about two million rows for a
province, seconds of PostgreSQL's time on every request. The raw figures each model
gives a county's subtree for a calendar year are therefore kept in `CountyFigures`:

- **filled on reading**: a county whose figures are missing, not current, older than
  FAZHI_FIGURES_ROLLUP_SECONDS or computed with another definition (the row's
  fingerprint is the SQL they came from) is computed from the records, all such
  counties of a model in one query, and kept;
- **current while nothing was written**: every save or delete of a record of an app
  with indicators moves on, in the writing transaction, a write counter of the record's
  unit and of each of its ancestors (`WriteCounter`, from a signal); bulk writers
  without signals (xlsx imports, `fazhi synth`, upward imports, list establishment)
  call `figcache.data_changed()`, which does the same. A row keeps the county's counter
  as it was read *before* its figures were computed, and is current only while the
  counter still says so. So a write that commits at any moment during or after a
  computation makes its row stale — never the other way round — under PostgreSQL's
  default READ COMMITTED as under SQLite, without locks;
- **bounded in age**: FAZHI_FIGURES_ROLLUP_SECONDS (default a day; `fazhi
  keep_county_figures` refills them nightly) catches a write that neither signals nor
  says so. 0 switches the mechanism off (the test settings do, except in tests of this
  module).

Only raw figures (counts, unscaled sums, a mean's total and number, maxima) are kept;
scaling, rounding and rates are derived afresh on every call, as for any subtree.
Documents (the annual report's draft, the upward report) ask the engine for
`from_records=True` and never read them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import connections, router
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from fazhi.indicators.catalogue import Indicator, Period
from fazhi.indicators.models import CountyFigures, WriteCounter
from fazhi.org.models import PATH_WIDTH, Unit, UnitKind, in_subtrees, outermost_paths
from fazhi.org.scope import unit_of

Rows = Callable[[list[Indicator], Period, list[str]], Iterable[dict[str, Any]]]
Accumulate = Callable[[list[Indicator], Iterable[dict[str, Any]], dict[int, list[int]], dict[int, dict[str, Any]]], None]


def max_age() -> int:
    return int(getattr(settings, "FAZHI_FIGURES_ROLLUP_SECONDS", 86400))


def applies(units: list[Unit], period: Period, own: bool) -> bool:
    """Counties' whole subtrees for a calendar year (the engine also checks that none of
    it is reported from elsewhere)."""
    return (
        max_age() > 0
        and not own
        and period == Period.year(period.start.year)
        and bool(units)
        and all(u.kind == UnitKind.COUNTY for u in units)
    )


def fingerprint(sql: str, params: Iterable[Any]) -> str:
    return hashlib.sha256(f"{sql}\n{list(params)!r}".encode()).hexdigest()


def _dump(figures: dict[str, Any]) -> dict[str, Any] | None:
    out: dict[str, Any] = {}
    for code, value in figures.items():
        if value is None or isinstance(value, int):
            out[code] = value
        elif isinstance(value, (Decimal, float)):
            out[code] = {"decimal": str(value)}
        else:
            return None  # not a number (a date's maximum): computed on every call
    return out


def _load(figures: dict[str, Any]) -> dict[str, Any]:
    return {k: Decimal(v["decimal"]) if isinstance(v, dict) else v for k, v in figures.items()}


def fill(
    by_model: dict[str, list[Indicator]],
    period: Period,
    counties: list[Unit],
    sums: dict[int, dict[str, Any]],
    *,
    rows: Rows,
    sql_of: Callable[[list[Indicator], Period, list[str]], tuple[str, tuple[Any, ...]]],
    targets_of: Callable[[list[Unit]], dict[int, list[int]]],
    accumulate: Accumulate,
) -> None:
    """Add every model's figures of each county's subtree into sums[county.pk]: kept
    ones where they are current, the others computed (one query a model) and kept."""
    year = period.start.year
    now = timezone.now()
    current = Coalesce(Subquery(WriteCounter.objects.filter(unit=OuterRef("county")).values("writes")[:1]), 0)
    kept = {
        (row.county_id, row.model): row
        for row in CountyFigures.objects.filter(
            county__in=[c.pk for c in counties], year=year, computed_at__gte=now - timedelta(seconds=max_age())
        )
        .annotate(current=current)
        .only("county_id", "model", "writes", "fingerprint", "figures")
        if row.writes == row.current
    }
    # Which counties each model must compute: no current row, or one of another definition.
    missing: dict[str, tuple[str, list[Unit]]] = {}
    for label, inds in by_model.items():
        print_ = fingerprint(*sql_of(inds, period, [counties[0].path]))
        lacking = []
        for county in counties:
            row = kept.get((county.pk, label))
            if row is not None and row.fingerprint == print_:
                sums[county.pk].update(_load(row.figures))
            else:
                lacking.append(county)
        if lacking:
            missing[label] = (print_, lacking)
    if not missing:
        return
    computed = {c.pk: c for _, lacking in missing.values() for c in lacking}
    # The counters BEFORE the records: a write committing from here on leaves them behind.
    writes = dict(WriteCounter.objects.filter(unit__in=list(computed)).values_list("unit_id", "writes"))
    # The unit tree of just the counties computed: whose records count in which county.
    targets = targets_of(list(computed.values()))
    fresh: list[CountyFigures] = []
    for label, (print_, lacking) in missing.items():
        inds = by_model[label]
        part: dict[int, dict[str, Any]] = {c.pk: {} for c in lacking}
        accumulate(inds, rows(inds, period, [c.path for c in lacking]), targets, part)
        codes = [key for ind in inds for key in ((ind.code, f"{ind.code}__n") if ind.kind == "avg" else (ind.code,))]
        for county in lacking:
            figures = {code: part[county.pk].get(code) for code in codes}
            sums[county.pk].update(figures)
            dumped = _dump(figures)
            if dumped is not None:
                fresh.append(
                    CountyFigures(
                        county=county, year=year, model=label, writes=writes.get(county.pk, 0),
                        fingerprint=print_, figures=dumped, computed_at=now,
                    )
                )
    if fresh:
        CountyFigures.objects.bulk_create(
            fresh,
            update_conflicts=True,
            unique_fields=["county", "year", "model"],
            update_fields=["writes", "fingerprint", "figures", "computed_at"],
        )


def _ancestor_ids(path: str) -> list[int]:
    """The pks of the unit of `path` and of its ancestors: the path's segments."""
    return [int(path[i : i + PATH_WIDTH]) for i in range(0, len(path), PATH_WIDTH + 1) if path[i : i + PATH_WIDTH]]


def _bump(unit_ids: list[int]) -> None:
    """One more write under each of these units (inserting the counters they lack)."""
    if not unit_ids:
        return
    db = connections[router.db_for_write(WriteCounter)]
    table = db.ops.quote_name(WriteCounter._meta.db_table)
    rows = ", ".join(["(%s, 1)"] * len(unit_ids))
    with db.cursor() as cursor:
        # The same statement on PostgreSQL and SQLite (3.24+): names from our own model.
        cursor.execute(
            f"INSERT INTO {table} (unit_id, writes) VALUES {rows} "  # noqa: S608
            f"ON CONFLICT (unit_id) DO UPDATE SET writes = {table}.writes + 1",
            unit_ids,
        )


def records_changed(*units: Unit) -> None:
    """Records of these units' subtrees (none given: anywhere) were written without
    signals: the counties that contain them or lie within them are no longer current."""
    if max_age() <= 0:
        return
    roots = outermost_paths(u.path for u in units)
    if not units or not all(roots):
        CountyFigures.objects.all().delete()  # (a reader computing now stores rows a day at most)
        return
    within = Unit.objects.filter(in_subtrees(roots), kind=UnitKind.COUNTY).exclude(path__in=roots)
    _bump(sorted({pk for root in roots for pk in _ancestor_ids(root)} | set(within.values_list("pk", flat=True))))


def record_written(instance: Any) -> None:
    """One record was saved or deleted: the counters of its unit and its ancestors move on."""
    if max_age() <= 0:
        return
    if isinstance(instance, Unit):
        # A new unit has no path yet when it is first saved: its parent's county; a moved
        # one outdates the county it left (Unit.save keeps that path) as well as the one it joined.
        path = instance.path
        if not path and instance.parent_id:
            path = Unit.objects.filter(pk=instance.parent_id).values_list("path", flat=True).first() or ""
        paths = [p for p in (path, getattr(instance, "previous_path", "")) if p]
    else:
        try:
            unit = unit_of(instance)
            paths = [unit.path] if isinstance(unit, Unit) and unit.path else []
        except Exception:  # noqa: BLE001 - a record whose unit cannot be found: forget all
            paths = []
    if paths:
        _bump(sorted({pk for p in paths for pk in _ancestor_ids(p)}))
    else:
        CountyFigures.objects.all().delete()
