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
from functools import cache
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


# A made-up name for a demo person (mediators, parties, applicants): the registers that
# need one share this draw, from the demo's own random stream.
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭"
GIVEN = "国华建军明强伟芳秀英丽敏静玉兰桂荣海涛志刚春梅德才"


def person(ctx: DemoContext) -> str:
    return ctx.rng.choice(SURNAMES) + "".join(
        ctx.rng.choice(GIVEN) for _ in range(ctx.rng.randint(1, 2))
    )


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


_workday = cache(is_workday)  # a demo asks about the same days thousands of times


def add_workdays(day: date, n: int) -> date:
    """The n-th working day after `day`, for demo scheduling only (statutory due dates
    come from the deadlines app)."""
    while n > 0:
        day += timedelta(days=1)
        if _workday(day):
            n -= 1
    return day


# `fazhi demo` runs this after the registers' loaders: the years after the seed's.
LOAD_LAST = True


def load(ctx: DemoContext) -> None:
    from fazhi.core.demo_years import load as other_years  # demo_years imports DemoContext

    other_years(ctx)
