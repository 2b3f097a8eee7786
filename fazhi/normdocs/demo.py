"""Demo: seed 001's 2022 figures for 确山县人民政府's normative documents.

5 documents issued in 2022, all reviewed and filed on time; 60 other items (contracts,
agenda items, other documents) reviewed, so 65 items in all ("审核政府其他各类文件、合同、
议题65件"); the second cleanup of documents issued before April 2022: 5 amended, 36
repealed or declared invalid, the rest kept. Documents whose validity has run out since
are marked expired. Plus this year's items for the due list: one overdue for filing, one
awaiting filing, one in review and one close to expiry.
"""

from __future__ import annotations

from datetime import date, timedelta

from fazhi.core.demo import DemoContext
from fazhi.normdocs.models import Cleanup, Document, Issuer, ReviewItem
from fazhi.normdocs.rules import CleanupOutcome, ReviewKind, State
from fazhi.org.models import Unit

DOCS_2022 = [
    "确山县城市居民最低生活保障实施办法",
    "确山县建设工程项目审批管理办法",
    "确山县农村集体经济组织财务管理规定",
    "确山县城区房屋租赁管理暂行办法",
    "确山县政府投资项目管理办法",
]


def issue(
    ctx: DemoContext,
    unit: Unit,
    title: str,
    drafted: date,
    n: int,
    *,
    file: bool = True,
    effective_from: date | None = None,
) -> Document:
    by = ctx.users["coordinator"]
    doc = Document.objects.create(unit=unit, title=title, drafted_on=drafted)
    doc.apply("submit_review", by=by, on=drafted + timedelta(days=10))
    doc.apply(
        "review",
        by=by,
        on=drafted + timedelta(days=20),
        opinion="修改后同意",
        detail="建议删除增设义务的条款。",
    )
    doc.apply("adopt", by=by, on=drafted + timedelta(days=28), meeting="县政府常务会议")
    published = drafted + timedelta(days=32)
    doc.apply(
        "publish",
        by=by,
        on=published,
        doc_no=f"确政〔{published.year}〕{n}号",
        register_no=f"QSDR-{published.year}-{n:03d}",
        effective_from=effective_from,
    )
    if file:
        doc.apply(
            "file", by=by, on=published + timedelta(days=ctx.rng.randint(5, 20)), conform=True
        )
    return doc


def load(ctx: DemoContext) -> None:
    county = ctx.county
    by = ctx.users["coordinator"]
    for u in dict.fromkeys([county, *ctx.departments[:5], *ctx.townships[:3]]):
        Issuer.objects.create(unit=u, listed_on=date(2014, 1, 1), basis="县政府公布的制定主体清单")
    # Older documents, the subject of the 2022 cleanup (issued 2015–2021).
    old = [
        issue(
            ctx,
            county,
            f"确山县{topic}管理办法",
            date(2018 + i % 4, 3 + i % 8, 1 + i % 20),
            100 + i,
        )
        for i, topic in enumerate(f"第{k}项事务" for k in range(1, 48))
    ]
    cleanup = Cleanup.objects.create(
        unit=county,
        title="2022年行政规范性文件第二次全面集中清理",
        cutoff=date(2022, 3, 31),
        started_on=date(2022, 4, 10),
    )
    outcomes = (
        [CleanupOutcome.AMEND] * 5 + [CleanupOutcome.REPEAL] * 30 + [CleanupOutcome.INVALID] * 6
    )
    outcomes += [CleanupOutcome.KEEP] * (len(old) - len(outcomes))
    for doc, outcome in zip(old, outcomes, strict=True):
        doc.refresh_from_db()
        cleanup.decide(doc, outcome, by=by, on=date(2022, 6, 20))
    cleanup.finished_on = date(2022, 6, 30)
    cleanup.save()
    # The five documents of 2022.
    for i, title in enumerate(DOCS_2022):
        issue(ctx, county, title, date(2022, 2 + 2 * i, 5), 10 + i)
    # 60 other items reviewed by the justice bureau for the county government in 2022.
    kinds = [ReviewKind.CONTRACT] * 28 + [ReviewKind.AGENDA] * 20 + [ReviewKind.OTHER] * 12
    for i, kind in enumerate(kinds):
        received = date(2022, 1, 10) + timedelta(days=5 * i)
        ReviewItem.objects.create(
            unit=county,
            kind=kind,
            title=f"{ReviewKind(kind).label}审核事项{i + 1}",
            received_on=received,
            reviewed_on=received + timedelta(days=ctx.rng.randint(2, 8)),
            opinion="pass",
        )
    # Validity run out since (5 years; 2 for 暂行/试行): the document has lapsed.
    for doc in Document.objects.filter(
        unit=county, state__in=[State.IN_FORCE, State.AMENDED], valid_until__lt=ctx.today
    ).order_by("pk"):
        doc.apply("expire", by=by, on=doc.valid_until + timedelta(days=1))
    # This year, for the due list: overdue for filing (red), awaiting filing (green), in
    # review, and a provisional document at the end of its two years (yellow).
    today = ctx.today
    issue(ctx, county, "确山县城市更新项目管理办法", today - timedelta(days=75), 1, file=False)
    issue(ctx, county, "确山县农贸市场管理办法", today - timedelta(days=40), 2, file=False)
    doc = Document.objects.create(
        unit=county, title="确山县养老服务补贴管理办法", drafted_on=today - timedelta(days=12)
    )
    doc.apply("submit_review", by=by, on=today - timedelta(days=6))
    valid_until = today + timedelta(days=2)
    day_after = valid_until + timedelta(days=1)
    # Valid two years "less one day" from taking effect (rules.default_valid_until).
    try:
        effective = day_after.replace(year=day_after.year - 2)
    except ValueError:  # 29 February
        effective = date(day_after.year - 2, 3, 1)
    issue(
        ctx,
        county,
        "确山县城区临时摊点管理暂行办法",
        effective - timedelta(days=40),
        3,
        effective_from=effective,
    )
