"""Declarations shared by the registers' records (issue 18, rounds 2 and 3).

The `Meta` of a record whose table follows one of the registers' conventions, declared
once (`Meta = …` in the model's body, in place of a `class Meta:` block):

- `record_meta(verbose_name, ordering=…)`: any record whose `Meta` is only its name
  (one word for singular and plural, as Chinese has) and its order;
- `newest_first(verbose_name, date_field, **options)`: a register's records listed newest
  first by one date (a lawsuit by the day it was received, a letter by the day it was
  issued), with the record's own indexes or constraints in `options`;
- `dated_meta(verbose_name, date_field)`: a plain record of one dated event (a
  `DatedRecord` whose `event_dates` is that one field: an activity, a notarisation, a
  project check): newest first, indexed by unit and date;
- `annual_meta(verbose_name, constraint)`: a unit's record of a year (an annual report,
  a year's catalogue), one per unit a year: newest year first, then units in tree order.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from fazhi.core.models import unique


def record_meta(verbose_name: str, **options: Any) -> Any:
    """`Meta = record_meta("开庭", ordering=["lawsuit", "held_on", "id"])`: a `Meta` class
    with the record's name as both singular and plural, and the other options given.

    Typed `Any`: it replaces the abstract model's own `Meta` class, as a `class Meta:`
    block in the model's body does."""
    return type(
        "Meta", (), {"verbose_name": verbose_name, "verbose_name_plural": verbose_name, **options}
    )


def newest_first(verbose_name: str, date_field: str, **options: Any) -> Any:
    """`Meta = newest_first("行政应诉案件", "received_on", indexes=…)`: the record's name
    and its list newest first by `date_field` (`-id` breaks ties of a day); `options` are
    the record's other `Meta` options (`indexes`, `constraints`)."""
    return record_meta(verbose_name, ordering=[f"-{date_field}", "-id"], **options)


def dated_meta(verbose_name: str, date_field: str) -> Any:
    """`Meta = dated_meta("普法活动", "held_on")`: newest first by the record's date, and
    an index on (unit, date) for a unit's list and a year's figures."""
    return newest_first(
        verbose_name, date_field, indexes=[models.Index(fields=["unit", date_field])]
    )


def annual_meta(verbose_name: str, constraint: str) -> Any:
    """`Meta = annual_meta("法治政府建设年度报告", "reports_one_per_unit_year")`: a unit's
    record of a year, at most one per unit a year (the unique constraint named
    `constraint`), listed newest year first and then by the unit tree."""
    return record_meta(
        verbose_name,
        ordering=["-year", "unit__path"],
        constraints=[unique("unit", "year", name=constraint)],
    )
