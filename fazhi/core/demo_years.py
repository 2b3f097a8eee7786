"""The demo county's other years: every year after the seed's up to today.

The registers' demo loaders build 2022 exactly as the 确山县 report states it (and the
cases around it). The dashboard and the indicators open on the last complete year, so
the years after 2022 need records too, and different amounts of them, or the trend
charts are flat. `load()` (run after the registers, see `fazhi demo`) takes each
indicator model's records dated in the seed year (by the model's first date field),
keeps a different share of them for each later year (RANGE), and writes copies with
every date moved by whole years, the year numbers and the year inside case and document
numbers moved with them. The current year gets only the copies whose every date is
already past. Copies keep their links (a letter's application stays the 2022 one): they
are demonstration data for the figures, written with `bulk_create()` like an import,
and the figures kept for the county are outdated afterwards.
"""

from __future__ import annotations

import random
from datetime import date

from django.db import IntegrityError, models, transaction

from fazhi.core.demo import DemoContext
from fazhi.indicators import engine, figcache
from fazhi.indicators.catalogue import catalogue

RANGE = (0.6, 1.0)  # share of the seed year's records each later year gets


def indicator_models() -> list[type[models.Model]]:
    found = {ind.model_class for ind in catalogue().values() if ind.model and ind.kind not in ("rate", "parts")}
    return sorted(found, key=lambda m: m._meta.label)


def _first_date_field(model: type[models.Model]) -> models.DateField | None:
    for f in model._meta.concrete_fields:
        if isinstance(f, models.DateField) and not isinstance(f, models.DateTimeField):
            return f
    return None


def _shift(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def moved(obj: models.Model, seed: int, year: int, today: date) -> models.Model | None:
    """A copy of `obj` moved from `seed` to `year`, or None when a date would be after
    `today`."""
    k = year - seed
    copy = obj.__class__()
    for f in obj._meta.concrete_fields:
        if f.primary_key or f.generated:
            continue
        value = getattr(obj, f.attname)
        if isinstance(f, models.DateTimeField):
            pass
        elif isinstance(f, models.DateField) and value is not None:
            value = _shift(value, k)
            if value > today:
                return None
        elif f.name == "year" and isinstance(value, int):
            value += k
        elif isinstance(value, str) and str(seed) in value and isinstance(f, models.CharField):
            value = value.replace(str(seed), str(year))
        setattr(copy, f.attname, value)
    return copy


class _SeedYearMoved(Exception):
    """The copies of a model changed the seed year's figures: they are rolled back."""


def load(ctx: DemoContext) -> None:
    rng = random.Random(ctx.year * 31)
    years = range(ctx.year + 1, ctx.today.year + 1)
    codes_of: dict[type[models.Model], list[str]] = {}
    for code, ind in catalogue().items():
        if ind.model:
            codes_of.setdefault(ind.model_class, []).append(code)
    for model in indicator_models():
        first = _first_date_field(model)
        if first is None:
            continue
        base = list(model._default_manager.filter(**{f"{first.name}__year": ctx.year}).order_by("pk"))
        if not base:
            continue
        seed_figures = engine.compute(ctx.county, ctx.year, codes_of[model], from_records=True)
        try:
            with transaction.atomic():
                for year in years:
                    share = rng.uniform(*RANGE)
                    picked = rng.sample(base, max(1, round(len(base) * share)))
                    copies = [c for c in (moved(o, ctx.year, year, ctx.today) for o in picked) if c is not None]
                    try:
                        with transaction.atomic():
                            model._default_manager.bulk_create(copies, batch_size=500)
                    except IntegrityError:
                        # A copy would break a uniqueness rule the year does not move (a
                        # person's certificate, a unit's one list): no later years.
                        break
                # A copy keeps its links (a decision stays in the 2022 catalogue): where
                # that makes it count in the seed year, the seed year would no longer
                # say what the report says, so the model keeps its seed year only.
                if engine.compute(ctx.county, ctx.year, codes_of[model], from_records=True) != seed_figures:
                    raise _SeedYearMoved
        except _SeedYearMoved:
            continue
    figcache.data_changed(ctx.county)

