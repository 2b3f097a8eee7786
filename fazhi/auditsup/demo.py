"""Demo audit supervision records of 确山县 for 2022, after seed 003's passage ("对县域内
2个政府投资项目及时实施竣工决算审计，开展项目稽查2次，政府性投资项目结算审核157个，核减
工程价款6500多万元"): 2 final-account audits, 2 project checks, 157 settlement reviews
whose cuts add up to 6,512.38万元, and the year's budget and economic-responsibility
audits.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from fazhi.auditsup.models import AuditProject, ProjectCheck, SettlementReview
from fazhi.auditsup.rules import AuditKind
from fazhi.core.demo import DemoContext

# The final-account audits of two works: unit, title, dates, findings, amounts (元).
FINAL_ACCOUNTS = [
    ("确山县交通运输局", "县道X032改建工程竣工决算审计", date(2022, 3, 7), date(2022, 5, 20),
     "多计工程量、未按合同约定扣回预付款。", "1862300.00", "1862300.00"),
    ("确山县水利局", "薄山灌区续建配套工程竣工决算审计", date(2022, 8, 1), date(2022, 10, 28),
     "部分设备未按规定招标采购。", "945000.00", "700000.00"),
]
# The two project inspections: unit, project, date, issues found, findings.
PROJECT_CHECKS = [
    ("确山县住房和城乡建设局", "城区老旧小区改造工程", date(2022, 6, 14), 3,
     "施工现场管理不规范，变更签证手续不全，已责令整改。"),
    ("确山县农业农村局", "高标准农田建设项目", date(2022, 10, 11), 2,
     "部分工程进度滞后，资金拨付与进度不符。"),
]

REVIEWS = 157
TOTAL_CUT = Decimal("65123800.00")  # 6,512.38万元
OWNERS = [
    "确山县住房和城乡建设局",
    "确山县交通运输局",
    "确山县水利局",
    "确山县农业农村局",
    "确山县教育局",
    "确山县卫生健康委员会",
]
WORKS = [
    "道路改建工程",
    "老旧小区改造工程",
    "农田水利工程",
    "校舍维修工程",
    "污水管网工程",
    "高标准农田建设项目",
]


def _cuts(rng: object, n: int, total: Decimal) -> list[Decimal]:
    """`n` positive cuts in 元 that add up to `total` exactly."""
    weights = [rng.randint(50, 150) for _ in range(n)]  # type: ignore[attr-defined]
    scale = total / sum(weights)
    cuts = [(scale * w).quantize(Decimal("0.01")) for w in weights]
    cuts[-1] += total - sum(cuts)
    return cuts


def load(ctx: DemoContext) -> None:
    rng = ctx.rng
    sjj = "确山县审计局"
    reviews = []
    for i, cut in enumerate(_cuts(rng, REVIEWS, TOTAL_CUT)):
        owner = ctx.unit(OWNERS[i % len(OWNERS)])
        approved = (cut * Decimal(rng.randint(6, 12))).quantize(Decimal("0.01"))
        reviews.append(
            SettlementReview(
                unit=owner,
                project=f"{rng.choice(ctx.townships).name.removesuffix('人民政府')}{WORKS[i % len(WORKS)]}（{i + 1}标段）",
                reviewed_on=date(2022, 1, 15) + timedelta(days=rng.randint(0, 330)),
                reviewer=sjj if i % 3 else "确山县财政投资评审中心",
                submitted_amount=approved + cut,
                approved_amount=approved,
                amount_cut=cut,
            )
        )
    SettlementReview.objects.bulk_create(reviews)

    projects = [
        AuditProject(unit=ctx.unit(name), auditing_body=sjj, year=2022, kind=AuditKind.FINAL_ACCOUNT,
                     title=title, started_on=started, reported_on=reported, findings=findings,
                     problem_amount=Decimal(problem), rectified_amount=Decimal(rectified))
        for name, title, started, reported, findings, problem, rectified in FINAL_ACCOUNTS
    ]
    for i, name in enumerate(
        ["确山县教育局", "确山县民政局", "确山县农业农村局", "确山县卫生健康委员会"]
    ):
        projects.append(
            AuditProject(
                unit=ctx.unit(name),
                auditing_body=sjj,
                year=2022,
                kind=AuditKind.BUDGET if i % 2 == 0 else AuditKind.ECONOMIC_RESPONSIBILITY,
                title=f"{name.removeprefix('确山县')}2021年度预算执行审计"
                if i % 2 == 0
                else f"{name.removeprefix('确山县')}原主要负责人任期经济责任审计",
                started_on=date(2022, 4 + i, 10),
                reported_on=date(2022, 6 + i, 15),
                findings="专项资金未及时拨付；部分支出票据不规范。",
                problem_amount=Decimal(rng.randint(300, 2000) * 1000),
                rectified_amount=Decimal(rng.randint(100, 300) * 1000),
            )
        )
    AuditProject.objects.bulk_create(projects)

    ProjectCheck.objects.bulk_create(
        ProjectCheck(unit=ctx.unit(name), project=project, checked_on=checked_on, body=sjj,
                     issues=issues, findings=findings)
        for name, project, checked_on, issues, findings in PROJECT_CHECKS
    )
