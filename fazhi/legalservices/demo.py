"""Demo records for legal aid, notarisation, legal helpers and service visits in 确山县.

Seed 001 gives no figures for these, so the volumes follow the other seeds (DOMAIN.md:
legal aid 200–500 a year, 003: 232 with 134 for migrant workers; notarisations 100–500,
003: 198; every village with legal helpers, 003: 324 in 108 villages). Legal aid goes
through `register()` and `apply()`; two villages are left without a helper so the
coverage screen has something to show.
"""

from __future__ import annotations

from datetime import date, timedelta

from fazhi.core.demo import DemoContext, person
from fazhi.legalservices.models import AidApplication, LegalHelper, Notarisation, ServiceVisit
from fazhi.legalservices.rules import Channel, Claim, MatterKind, NotaryKind, Result, ServiceKind

AID_2022 = 144  # received in 2022; every step through apply(), so kept modest for speed


def _aid(ctx: DemoContext, received: date, *, migrant: bool) -> AidApplication:
    rng = ctx.rng
    claim = (
        rng.choice([Claim.WAGES, Claim.WAGES, Claim.WORK_INJURY])
        if migrant
        else rng.choice(
            [
                Claim.MAINTENANCE,
                Claim.INJURY,
                Claim.DEFENCE,
                Claim.DEFENCE,
                Claim.SOCIAL,
                Claim.DOMESTIC_VIOLENCE,
                Claim.OTHER,
            ]
        )
    )
    kind = MatterKind.CRIMINAL if claim == Claim.DEFENCE else MatterKind.CIVIL
    app = AidApplication(
        unit=ctx.unit("确山县司法局"),
        applicant_name=person(ctx),
        received_on=received,
        matter_kind=kind,
        claim=claim,
        migrant_worker=migrant,
        number=f"确法援〔{received.year}〕{rng.randint(1, 999)}号",
    )
    app.register(by=ctx.users["coordinator"])
    return app


def load(ctx: DemoContext) -> None:
    rng = ctx.rng
    by = ctx.users["coordinator"]
    sfj = ctx.unit("确山县司法局")

    for i in range(AID_2022):
        received = date(2022, 1, 4) + timedelta(days=rng.randint(0, 320))
        app = _aid(ctx, received, migrant=i % 2 == 0)
        if i % 24 == 5:
            app.apply("refuse", by=by, on=received + timedelta(days=3), reason="不符合经济困难标准")
            continue
        if i % 24 == 11:
            app.apply("withdraw", by=by, on=received + timedelta(days=1))
            continue
        # Green-channel applications are decided the same or the next day; one late decision.
        days = 0 if app.green_channel else rng.randint(1, 6)
        if i == 7:
            days = 9
        app.apply("approve", by=by, on=received + timedelta(days=days))
        app.apply(
            "assign",
            by=by,
            on=received + timedelta(days=days + rng.randint(0, 2)),
            lawyer="河南朗陵律师事务所",
        )
        if i % 3:
            app.apply(
                "close",
                by=by,
                on=received + timedelta(days=days + 40),
                result=rng.choice(Result.values),
            )

    # This year: applications awaiting decision and assignment.
    for i in range(5):
        app = _aid(ctx, ctx.today - timedelta(days=1 + i * 3), migrant=i % 2 == 0)
        if i == 3:
            app.apply("approve", by=by, on=app.received_on + timedelta(days=1))

    Notarisation.objects.bulk_create(
        [
            Notarisation(
                unit=sfj,
                kind=rng.choice(NotaryKind.values),
                applicant_name=person(ctx),
                issued_on=date(2022, 1, 4) + timedelta(days=rng.randint(0, 350)),
                foreign=rng.random() < 0.1,
                number=f"（2022）豫确证字第{n}号",
            )
            for n in range(1, 187)
        ]
    )

    helpers = []
    for v in ctx.villages[2:]:  # two villages still without a legal helper
        for _ in range(rng.randint(2, 4)):
            helpers.append(
                LegalHelper(
                    unit=v,
                    name=person(ctx),
                    occupation=rng.choice(["村干部", "网格员", "人民调解员", "党员"]),
                    trained_on=date(2021, 11, 20),
                    appointed_on=date(2021, 12, 1),
                )
            )
    LegalHelper.objects.bulk_create(helpers)

    visits = []
    for day in range(0, 365, 2):
        visited = date(2022, 1, 1) + timedelta(days=day)
        visits.append(
            ServiceVisit(
                unit=sfj,
                visited_on=visited,
                channel=rng.choice(Channel.values),
                kind=rng.choice(ServiceKind.values),
                people=rng.randint(3, 15),
            )
        )
    ServiceVisit.objects.bulk_create(visits)
