"""Factories for the mediation, legal services and publicity tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from fazhi.mediation.models import Committee, Dispute
from fazhi.mediation.rules import Kind, Level
from fazhi.org.models import Unit


def make_committee(unit: Unit, level: str = Level.INDUSTRY, **extra: Any) -> Committee:
    extra.setdefault("name", f"{unit.name}人民调解委员会")
    if level == Level.INDUSTRY:
        extra.setdefault("field", "交通事故")
    c = Committee(unit=unit, level=level, **extra)
    c.full_clean()
    c.save()
    return c


def make_dispute(
    committee: Committee,
    received_on: date = date(2022, 3, 1),
    outcome: str = "",
    closed_on: date | None = None,
    **extra: Any,
) -> Dispute:
    d = Dispute(
        committee=committee,
        unit=committee.unit,
        kind=extra.pop("kind", Kind.NEIGHBOUR),
        received_on=received_on,
        parties=extra.pop("parties", "张三、李四"),
        **extra,
    )
    if outcome:
        d.set_concluded(outcome, closed_on or received_on)
    d.full_clean()
    d.save()
    return d
