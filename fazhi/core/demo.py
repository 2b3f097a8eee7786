"""What the demo command hands each register's `demo.load(ctx)`.

Each register app may have `demo.py` with `load(ctx: DemoContext) -> None` creating
its demo records; `fazhi demo` calls them in INSTALLED_APPS order after building the
county. A register's demo must make the county's 2022 figures in the seed report come
out of its records (see the register's issue).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from chinese_calendar import is_workday

from fazhi.org.models import Unit, User


@dataclass
class DemoContext:
    city: Unit
    county: Unit  # 确山县人民政府
    units: dict[str, Unit]  # every demo unit by full name
    departments: list[Unit]
    townships: list[Unit]
    villages: list[Unit]
    users: dict[str, User]  # by role value: coordinator, liaison, leader, auditor, admin
    today: date
    year: int = 2022  # the seed's reference year
    rng: random.Random = field(default_factory=lambda: random.Random(2022))
    extra: dict[str, Any] = field(default_factory=dict)

    def unit(self, name: str) -> Unit:
        return self.units[name]


# Demo dates fall on China's working days (chinese_calendar); statutory periods are the
# deadlines app's business, not these helpers'.
def workday_on_or_after(day: date) -> date:
    while not is_workday(day):
        day += timedelta(days=1)
    return day


def workday_on_or_before(day: date) -> date:
    while not is_workday(day):
        day -= timedelta(days=1)
    return day


# `fazhi demo` runs this after the registers' loaders: the years after the seed's.
LOAD_LAST = True


def load(ctx: DemoContext) -> None:
    from fazhi.core.demo_years import load as other_years  # demo_years imports DemoContext

    other_years(ctx)
