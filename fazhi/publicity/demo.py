"""Demo records that reproduce seed 001's 2022 publicity figures for 确山县:

"2022年全县坚持开展“送法下乡”活动120余场次，举办法治讲座20余场次，发放法律读本45000册"
— so 123 送法下乡 events, 22 lectures, and 45000 books handed out across them; and
"党委（党组）理论学习中心组和政府常务会议每月学法": 12 of each in 2022.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from fazhi.core.demo import DemoContext, person
from fazhi.publicity.models import Activity, ExamResult, LawReport, Responsibility, StudySession
from fazhi.publicity.rules import Format, ReportForm, StudyKind, Target

EVENTS, LECTURES, BOOKS = 123, 22, 45000
TOPICS = [
    "宪法",
    "民法典",
    "行政复议法",
    "未成年人保护法",
    "反电信网络诈骗法",
    "乡村振兴促进法",
    "保障农民工工资支付条例",
]


def _split(total: int, parts: int) -> list[int]:
    """`total` split into `parts` positive integers (the books handed out per event)."""
    base = [total // parts] * parts
    for i in range(total - sum(base)):
        base[i] += 1
    return base


def load(ctx: DemoContext) -> None:
    rng = ctx.rng
    sfj = ctx.unit("确山县司法局")
    county = ctx.county

    responsibilities = Responsibility.objects.bulk_create(
        [
            Responsibility(
                unit=d,
                year=2022,
                laws=f"{d.name.removeprefix('确山县')}执法相关法律法规",
                target=rng.choice(list(Target)),
                measures="送法下乡、以案释法",
                planned_events=4,
            )
            for d in ctx.departments[:10]
        ]
    )
    books = _split(BOOKS, EVENTS + LECTURES)
    activities = []
    for i in range(EVENTS):
        t = rng.choice(ctx.townships)
        resp = responsibilities[i % len(responsibilities)] if i < 40 else None
        activities.append(
            Activity(
                unit=resp.unit if resp else sfj,
                title=f"“送法下乡”进{t.name.removesuffix('人民政府').removesuffix('办事处')}",
                held_on=date(2022, 1, 10) + timedelta(days=rng.randint(0, 340)),
                format=Format.COUNTRYSIDE,
                target=rng.choice(
                    [
                        Target.VILLAGES,
                        Target.COMMUNITIES,
                        Target.MIGRANT_WORKERS,
                        Target.WOMEN_ELDERLY,
                    ]
                ),
                place=f"{t.name}文化广场",
                audience=rng.randint(80, 400),
                materials=books[i],
                responsibility=resp,
            )
        )
    for j in range(LECTURES):
        activities.append(
            Activity(
                unit=sfj,
                title=f"{rng.choice(TOPICS)}专题法治讲座",
                held_on=date(2022, 2, 15) + timedelta(days=rng.randint(0, 300)),
                format=Format.LECTURE,
                target=rng.choice(
                    [Target.SCHOOLS, Target.ENTERPRISES, Target.YOUTH, Target.ORGANS]
                ),
                place="确山县第一高级中学" if j % 2 else "确山县产业集聚区",
                audience=rng.randint(100, 600),
                materials=books[EVENTS + j],
            )
        )
    # This year's activities, of every format.
    for k, fmt in enumerate(Format.values):
        activities.append(
            Activity(
                unit=sfj,
                title=f"{ctx.today.year}年普法活动{k + 1}",
                held_on=ctx.today - timedelta(days=10 + k),
                format=fmt,
                target=Target.PUBLIC,
                audience=200,
                materials=300,
            )
        )
    Activity.objects.bulk_create(activities)

    sessions = []
    for month in range(1, 13):
        sessions.append(
            StudySession(
                unit=county,
                held_on=date(2022, month, 12),
                kind=StudyKind.EXECUTIVE,
                topic=f"会前学法：{TOPICS[month % len(TOPICS)]}",
                speaker="县司法局局长",
                attendees=25,
                hours=Decimal("0.5"),
            )
        )
        sessions.append(
            StudySession(
                unit=county,
                held_on=date(2022, month, 20),
                kind=StudyKind.CENTRAL_GROUP,
                topic="习近平法治思想",
                attendees=18,
                hours=Decimal("2"),
            )
        )
    for q in range(4):
        sessions.append(
            StudySession(
                unit=county,
                held_on=date(2022, 3 * q + 2, 8),
                kind=StudyKind.LECTURE,
                topic=f"{TOPICS[q]}专题讲座",
                speaker="郑州大学法学院教授",
                attendees=120,
                hours=Decimal("3"),
            )
        )
    StudySession.objects.bulk_create(sessions)

    ExamResult.objects.bulk_create(
        [
            ExamResult(
                unit=d,
                year=2022,
                expected=(n := rng.randint(20, 120)),
                took=n - rng.randint(0, 3),
                passed=n - rng.randint(3, 6),
                average_score=Decimal(rng.randint(82, 96)),
            )
            for d in ctx.departments
        ]
    )
    LawReport.objects.bulk_create(
        [
            LawReport(
                unit=d,
                reported_on=date(2022, 12, 20),
                person_name=person(ctx),
                position="局长",
                form=ReportForm.MEETING if i < 8 else ReportForm.WRITTEN,
                rating="好",
            )
            for i, d in enumerate(ctx.departments)
        ]
    )
