"""The indicator catalogue: one vocabulary of codes shared by registers, reports and
the analyzer (see INDICATORS.md in the project's shared docs).

Registers declare their indicators in `<app>/indicators.py` as a module-level
`INDICATORS` list built with `count()`, `total()`, `rate()` and `parts()` (or
`counts()`, `totals()` and `rates()` for tables of rows). The
catalogue collects them once; the engine computes them.

A figure that is one cell of a statutory table (the 政府信息公开 annual report's table of
requests by applicant column, …) says so with `cell(ind, table)`: it is computed and
drilled down like any other, but the overview and the dashboard list only the others
(`listed()`), so a register's headline figures are not buried among its table's cells.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.utils import timezone


@dataclass(frozen=True)
class Period:
    """A closed date range [start, end]; a calendar year by default."""

    start: date
    end: date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    @property
    def label(self) -> str:
        if self.start.month == 1 and self.start.day == 1 and self.end == date(self.start.year, 12, 31):
            return f"{self.start.year}年"
        return f"{self.start:%Y-%m-%d}至{self.end:%Y-%m-%d}"


# The years a figure may be asked for.
MIN_YEAR, MAX_YEAR = 1990, 2100


def default_year() -> int:
    """The year screens and reports open on: the previous one (reports are written in the
    first quarter)."""
    return timezone.localdate().year - 1


Where = Callable[[Period], Q]


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    unit: str
    definition: str
    kind: str  # "count" | "sum" | "avg" | "max" | "rate" | "parts"
    register: str = ""
    model: str = ""  # "app_label.Model" for count and sum
    where: Where | None = None
    field: str = ""  # summed field for "sum"
    numerator: str = ""
    denominator: str = ""
    parts: tuple[str, ...] = ()
    decimals: int = 0
    scale: Decimal = Decimal(1)  # e.g. yuan → 万元
    # Optional: the records behind a "sum" counted as distinct people, etc.
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    @property
    def table(self) -> str:
        """The statutory table this figure is a cell of; "" for a figure of its own."""
        return str(self.extra.get("table", ""))

    def q(self, period: Period) -> Q:
        return self.where(period) if self.where is not None else Q()

    def round(self, value: Decimal) -> Decimal | int:
        quantum = Decimal(1).scaleb(-self.decimals)
        rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
        return int(rounded) if self.decimals == 0 else rounded


def count(code: str, name: str, unit: str, *, model: str, where: Where, definition: str, register: str = "") -> Indicator:
    """The number of records of `model` matching `where(period)` in the unit subtree."""
    return Indicator(code, name, unit, definition, "count", register, model=model, where=where)


def total(
    code: str, name: str, unit: str, *, model: str, field: str, where: Where, definition: str,
    register: str = "", decimals: int = 0, scale: Decimal | int = 1,
) -> Indicator:
    """The sum of `field` over the matching records (divided by `scale`, e.g. 10000 for 万元)."""
    return Indicator(
        code, name, unit, definition, "sum", register, model=model, where=where, field=field,
        decimals=decimals, scale=Decimal(scale),
    )


def average(
    code: str, name: str, unit: str, *, model: str, field: str, where: Where, definition: str,
    register: str = "", decimals: int = 1,
) -> Indicator:
    """The mean of `field` over the matching records; None when there are none."""
    return Indicator(code, name, unit, definition, "avg", register, model=model, where=where, field=field, decimals=decimals)


def maximum(code: str, name: str, unit: str, *, model: str, field: str, where: Where, definition: str, register: str = "") -> Indicator:
    """The largest value of `field` over the matching records; None when there are none."""
    return Indicator(code, name, unit, definition, "max", register, model=model, where=where, field=field)


def rate(code: str, name: str, *, numerator: str, denominator: str, definition: str, register: str = "", decimals: int = 0) -> Indicator:
    """numerator ÷ denominator × 100, rounded half-up; None when the denominator is 0."""
    return Indicator(code, name, "%", definition, "rate", register, numerator=numerator, denominator=denominator, decimals=decimals)


def parts(code: str, name: str, unit: str, *, of: tuple[str, ...], definition: str, register: str = "") -> Indicator:
    """A figure that is the sum of other figures (e.g. corrected = revoked + altered + …)."""
    return Indicator(code, name, unit, definition, "parts", register, parts=of)


def counts(model: str, rows: Iterable[tuple[str, str, str, Where, str]]) -> list[Indicator]:
    """`count()` for a table of one model's indicators: (code, name, unit, where,
    definition) rows, in the order they appear in the catalogue."""
    return [
        count(code, name, unit, model=model, where=where, definition=definition)
        for code, name, unit, where, definition in rows
    ]


def totals(
    model: str, rows: Iterable[tuple[str, str, str, str, Where, str]], *, decimals: int = 0,
    scale: Decimal | int = 1,
) -> list[Indicator]:
    """`total()` for a table of one model's sums: (code, name, unit, field, where,
    definition) rows sharing their rounding and scale."""
    return [
        total(
            code, name, unit, model=model, field=field, where=where, definition=definition,
            decimals=decimals, scale=scale,
        )
        for code, name, unit, field, where, definition in rows
    ]


def rates(rows: Iterable[tuple[str, str, str, str, str]], *, decimals: int = 0) -> list[Indicator]:
    """`rate()` for a table: (code, name, numerator, denominator, definition) rows."""
    return [
        rate(
            code, name, numerator=numerator, denominator=denominator, definition=definition,
            decimals=decimals,
        )
        for code, name, numerator, denominator, definition in rows
    ]


def cell(ind: Indicator, table: str) -> Indicator:
    """`ind` marked as a cell of the statutory table `table`."""
    return dataclasses.replace(ind, extra={**ind.extra, "table": table})


# A hand-built catalogue that tests put in place of the collected one
# (`monkeypatch.setattr(catalogue_module, "substitute", table)`). Patching this value,
# not the function, reaches every module that imported `catalogue` by name, whenever
# it was imported.
substitute: dict[str, Indicator] | None = None


def catalogue() -> dict[str, Indicator]:
    """Every declared indicator by code, collected from each app's `indicators` module."""
    if substitute is not None:
        return substitute
    return _collected()


@cache
def _collected() -> dict[str, Indicator]:
    found: dict[str, Indicator] = {}
    for config in apps.get_app_configs():
        module_name = f"{config.name}.indicators"
        if not config.name.startswith("fazhi.") or config.name == "fazhi.indicators":
            continue
        if find_spec(module_name) is None:
            continue
        for ind in getattr(import_module(module_name), "INDICATORS", ()):
            if ind.code in found:
                raise ValueError(f"indicator {ind.code} declared twice")
            found[ind.code] = ind if ind.register else _with_register(ind, config.label)
    _check(found)
    return found


def listed() -> list[str]:
    """The codes the overview screens list: every figure that is not a table's cell."""
    return [code for code, ind in catalogue().items() if not ind.table]


catalogue.cache_clear = _collected.cache_clear  # type: ignore[attr-defined]


def _with_register(ind: Indicator, register: str) -> Indicator:
    return dataclasses.replace(ind, register=register)


def _check(found: dict[str, Indicator]) -> None:
    for ind in found.values():
        refs = [ind.numerator, ind.denominator, *ind.parts] if ind.kind in ("rate", "parts") else []
        missing = [r for r in refs if r and r not in found]
        if missing:
            raise ValueError(f"indicator {ind.code} refers to unknown codes {missing}")
