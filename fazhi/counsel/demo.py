"""Demo: seed 001's advisers (县委 4, 县政府 9), 53 opinions in 2022, every body covered."""

from __future__ import annotations

from datetime import date, timedelta

from fazhi.core.demo import DemoContext
from fazhi.counsel.models import Counsel, Opinion
from fazhi.counsel.rules import Kind, Subject
from fazhi.decisions.models import Decision
from fazhi.litigation.models import Lawsuit
from fazhi.normdocs.models import ReviewItem
from fazhi.normdocs.rules import ReviewKind

FIRMS = ["河南天中律师事务所", "河南盘古律师事务所", "河南乐山律师事务所"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐"


def _name(ctx: DemoContext) -> str:
    return (
        ctx.rng.choice(SURNAMES)
        + ctx.rng.choice("建文明华志国海军晓丽")
        + ctx.rng.choice("平强伟芳东涛静")
    )


def load(ctx: DemoContext) -> None:
    start, end = date(2022, 1, 1), date(ctx.today.year, 12, 31)
    advisers = []
    for unit, n in ((ctx.units["中共确山县委员会"], 4), (ctx.county, 9)):
        for i in range(n):
            advisers.append(
                Counsel.objects.create(
                    unit=unit,
                    kind=Kind.ADVISER,
                    name=_name(ctx),
                    firm=FIRMS[i % len(FIRMS)],
                    start_on=start,
                    end_on=end,
                )
            )
    # Departments and townships: a public lawyer each ("全县所有党政机关至少配备一名公职律师或法律顾问").
    for unit in [*ctx.departments, *ctx.townships]:
        Counsel.objects.create(
            unit=unit, kind=Kind.PUBLIC_LAWYER, name=_name(ctx), start_on=date(2021, 6, 1)
        )
    county_advisers = advisers[4:]
    # "县政府法律顾问为政府决策、行政协议、行政应诉等事项提供法律意见53项" (seed 001):
    # the 9 decisions, contracts the justice bureau reviewed, lawsuits of the litigation
    # register (loaded before this one), and other matters.
    decisions = list(Decision.objects.filter(unit=ctx.county, year=2022).order_by("pk"))
    contracts = list(
        ReviewItem.objects.filter(
            unit=ctx.county, kind=ReviewKind.CONTRACT, reviewed_on__year=2022
        ).order_by("pk")[:20]
    )
    lawsuits = list(
        Lawsuit.objects.filter(unit=ctx.county, received_on__year=2022).order_by("pk")[:12]
    )
    links: list[tuple[str, dict, str, date]] = []
    links += [
        (Subject.DECISION, {"decision": d}, d.title, date(2022, 2, 1) + timedelta(days=30 * i))
        for i, d in enumerate(decisions)
    ]
    links += [
        (Subject.CONTRACT, {"contract": c}, c.title, c.received_on + timedelta(days=1))
        for c in contracts
    ]
    links += [
        (
            Subject.LAWSUIT,
            {"lawsuit": s},
            f"{s.case_number}应诉意见",
            min(s.received_on + timedelta(days=3), date(2022, 12, 31)),
        )
        for s in lawsuits
    ]
    i = 0
    while len(links) < 53:
        links.append(
            (
                Subject.OTHER,
                {},
                f"其他事项法律意见{i + 1}",
                date(2022, 1, 20) + timedelta(days=11 * i),
            )
        )
        i += 1
    for n, (subject, extra, title, on) in enumerate(links[:53]):
        Opinion.objects.create(
            unit=ctx.county,
            counsel=county_advisers[n % len(county_advisers)],
            given_on=on,
            subject=subject,
            title=title[:200],
            summary="依法提出法律意见。",
            **extra,
        )
