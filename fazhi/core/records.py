"""Declarations shared by the registers' records (issue 18, round 2).

- `dated_meta(verbose_name, date_field)`: the `Meta` of a plain record of one dated
  event (a `DatedRecord` whose `event_dates` is that one field: an activity, a
  notarisation, a project check): its name, newest first, indexed by unit and date.
"""

from __future__ import annotations

from typing import Any

from django.db import models


def dated_meta(verbose_name: str, date_field: str) -> Any:
    """`Meta = dated_meta("普法活动", "held_on")` in the model's body: the record's name
    (singular and plural), the list newest first (`-id` breaks ties of a day), and an
    index on (unit, date) for a unit's list and a year's figures.

    Typed `Any`: it replaces the abstract model's own `Meta` class, as a `class Meta:`
    block in the model's body does."""
    return type(
        "Meta",
        (),
        {
            "verbose_name": verbose_name,
            "verbose_name_plural": verbose_name,
            "ordering": [f"-{date_field}", "-id"],
            "indexes": [models.Index(fields=["unit", date_field])],
        },
    )
