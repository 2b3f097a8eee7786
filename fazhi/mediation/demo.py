"""Demo records that reproduce seed 001's 2022 mediation figures for 确山县:

"2022 年度，全县各级民调组织共调处各类矛盾纠纷 1047 件，调处成功 951 件，调解成功率 91%，
其中达成口头协议的共 842 件，达成书面协议的共 109 件" — so 1047 disputes received in 2022,
842 oral and 109 written agreements (951 successes, 951 ÷ 1047 = 90.8% → 91%), and 96
that failed or were referred.

Committees at every level (each village, each township, three industry committees),
2–4 mediators each. The 1047 concluded disputes are a ledger of the past: they are bulk
created (as an import would) with their state taken from the outcome by `rules`; the
follow-ups of some written agreements and this year's open disputes go through
`register()` and `apply()`, so the due list has judicial-confirmation periods running.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from fazhi.core.demo import DemoContext, person
from fazhi.mediation.models import Committee, Dispute, Mediator
from fazhi.mediation.rules import Kind, Level, Outcome

INDUSTRY = [
    ("确山县道路交通事故人民调解委员会", "道路交通事故", Kind.TRAFFIC),
    ("确山县医疗纠纷人民调解委员会", "医疗纠纷", Kind.MEDICAL),
    ("确山县劳动争议人民调解委员会", "劳动争议", Kind.LABOUR),
]
# Seed 001, 2022.
ORAL, WRITTEN, FAILED, REFERRED = 842, 109, 70, 26
COMMON_KINDS = [
    Kind.FAMILY,
    Kind.NEIGHBOUR,
    Kind.NEIGHBOUR,
    Kind.HOUSING,
    Kind.LAND,
    Kind.CONTRACT,
    Kind.DAMAGES,
    Kind.WAGES,
    Kind.OTHER,
]


def load(ctx: DemoContext) -> None:
    rng = ctx.rng
    sfj = ctx.unit("确山县司法局")
    # (unit, name, level, field, established): villages', townships', then the industries'.
    rows = [
        *((v, f"{v.name}人民调解委员会", Level.VILLAGE, "", date(2011, 6, 1)) for v in ctx.villages),
        *((t, f"{t.name.removesuffix('人民政府').removesuffix('办事处')}人民调解委员会",
           Level.TOWNSHIP, "", date(2011, 3, 1)) for t in ctx.townships),
        *((sfj, name, Level.INDUSTRY, field, date(2016, 5, 1)) for name, field, _kind in INDUSTRY),
    ]
    committees = Committee.objects.bulk_create(
        Committee(unit=unit, name=name, level=level, field=field, established_on=established)
        for unit, name, level, field, established in rows
    )

    mediators = []
    for c in committees:
        for i in range(rng.randint(2, 4)):
            mediators.append(
                Mediator(
                    committee=c,
                    unit_id=c.unit_id,
                    name=person(ctx),
                    full_time=i == 0 and c.level != Level.VILLAGE,
                    appointed_on=date(2019, 1, 1) + timedelta(days=rng.randint(0, 900)),
                )
            )
    Mediator.objects.bulk_create(mediators)

    # 2022: the seed's 1047 disputes, all concluded within the year.
    outcomes = (
        [Outcome.ORAL] * ORAL
        + [Outcome.WRITTEN] * WRITTEN
        + [Outcome.FAILED] * FAILED
        + [Outcome.REFERRED] * REFERRED
    )
    rng.shuffle(outcomes)
    village_cs = [c for c in committees if c.level == Level.VILLAGE]
    township_cs = [c for c in committees if c.level == Level.TOWNSHIP]
    industry_cs = [c for c in committees if c.level == Level.INDUSTRY]
    disputes = []
    for n, outcome in enumerate(outcomes, start=1):
        roll = rng.random()
        if roll < 0.62:
            committee, kind = rng.choice(village_cs), rng.choice(COMMON_KINDS)
        elif roll < 0.9:
            committee, kind = rng.choice(township_cs), rng.choice(COMMON_KINDS)
        else:
            i = rng.randrange(len(industry_cs))
            committee, kind = industry_cs[i], INDUSTRY[i][2]
        received = date(2022, 1, 1) + timedelta(days=rng.randint(0, 340))
        closed = min(received + timedelta(days=rng.randint(0, 20)), date(2022, 12, 31))
        d = Dispute(
            unit_id=committee.unit_id,
            committee=committee,
            number=f"确调〔2022〕{n}号",
            kind=kind,
            received_on=received,
            parties=f"{person(ctx)}、{person(ctx)}",
            party_count=2,
            amount=Decimal(
                rng.choice([0, 0, 500, 1000, 2000, 3000, 5000, 8000, 12000, 20000, 50000])
            ),
        )
        d.set_concluded(outcome, closed)
        disputes.append(d)
    Dispute.objects.bulk_create(disputes, batch_size=500)

    # Follow-up (回访) of some 2022 written agreements, through apply().
    by = ctx.users["coordinator"]
    written = list(
        Dispute.objects.filter(outcome=Outcome.WRITTEN, received_on__year=2022).select_related(
            "committee"
        )[:40]
    )
    for i, d in enumerate(written):
        day = (d.closed_on or d.received_on) + timedelta(days=30)
        if i % 10 == 9:
            d.apply("record_breached", by=by, on=day, reason="一方未按期支付")
        else:
            d.apply("record_performed", by=by, on=day)

    # This year: some open disputes, and recent written agreements whose parties mean
    # to apply for 司法确认 (30 days, 人民调解法 第33条) — red, yellow and green lights.
    today = ctx.today
    for i in range(12):
        committee = rng.choice(village_cs + township_cs)
        d = Dispute(
            committee=committee,
            kind=rng.choice(COMMON_KINDS),
            received_on=today - timedelta(days=3 + i * 4),
            parties=f"{person(ctx)}、{person(ctx)}",
            amount=Decimal(rng.choice([0, 2000, 6000])),
            number=f"确调〔{today.year}〕{900 + i}号",
        )
        d.register(by=by)
        if i in (3, 6, 9):
            d.apply(
                "agree_written",
                by=by,
                on=d.received_on + timedelta(days=2),
                agreement="分期支付赔偿款",
                confirmation_planned=True,
            )
        elif i in (4, 7):
            d.apply(
                "agree_oral", by=by, on=d.received_on + timedelta(days=1), agreement="当面赔礼道歉"
            )
        elif i == 10:
            d.apply(
                "refer", by=by, on=d.received_on + timedelta(days=3), referred_to="确山县人民法院"
            )
