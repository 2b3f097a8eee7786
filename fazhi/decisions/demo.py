"""Demo: 确山县人民政府's 2022 catalogue with 9 decisions (seed 001), and open ones this year.

This year's three decisions stand at different steps; the last is still in its public
comment period, so its deadline is on the due list.
"""

from __future__ import annotations

from datetime import date, timedelta

from fazhi.core.demo import DemoContext
from fazhi.decisions.models import Catalogue, Decision
from fazhi.decisions.rules import Step

TITLES_2022 = [
    "确山县城区集中供热专项规划（2022—2030年）",
    "确山县城乡居民基本医疗保险实施办法",
    "确山县老旧小区改造三年行动方案",
    "确山县国有土地上房屋征收与补偿实施细则",
    "确山县城区道路交通组织优化方案",
    "确山县生活垃圾分类实施方案",
    "确山县农村饮水安全巩固提升工程实施方案",
    "确山县中小学校布局调整规划",
    "确山县城区停车设施建设与管理办法",
]


def _run_steps(
    d: Decision, ctx: DemoContext, start: date, *, through: str = Step.IMPLEMENTATION
) -> None:
    by = ctx.users["coordinator"]
    rng = ctx.rng
    comment_end = start + timedelta(days=30 + rng.randint(0, 5))
    received = rng.randint(3, 40)
    # 第15条: the draft is published for at least 30 days of comments.
    d.apply(
        "open_comment",
        by=by,
        on=start,
        start_on=start,
        end_on=comment_end,
        channel="确山县人民政府门户网站",
    )
    plan: list[tuple[str, date, dict]] = [
        (
            Step.PARTICIPATION,
            comment_end,
            {
                "received": received,
                "adopted": received // 3,
                "handling": "已分类整理，合理意见予以采纳并反馈。",
            },
        ),
        (
            Step.EXPERT,
            comment_end + timedelta(days=3),
            {"form": "论证会", "received": 5, "detail": "专家组原则同意。"},
        ),
        (
            Step.RISK,
            comment_end + timedelta(days=5),
            {"conclusion": "低风险", "detail": "社会稳定风险可控。"},
        ),
        (
            Step.LEGALITY,
            comment_end + timedelta(days=12),
            {"conclusion": "合法", "detail": "县司法局审查，法律顾问参与。"},
        ),
        (
            Step.COLLECTIVE,
            comment_end + timedelta(days=20),
            {"meeting_kind": "政府常务会议", "meeting": f"县政府第{rng.randint(10, 40)}次常务会议"},
        ),
        (Step.PUBLICATION, comment_end + timedelta(days=25), {"detail": "县政府门户网站"}),
        (Step.IMPLEMENTATION, comment_end + timedelta(days=30), {"detail": "承办单位组织实施"}),
    ]
    for step, on, data in plan:
        if on > ctx.today:
            return
        if step == Step.EXPERT and rng.random() < 0.3:
            d.apply(
                "not_applicable", by=by, on=on, step=step, reason="不属于专业性、技术性较强的事项。"
            )
        else:
            d.apply(step, by=by, on=on, **data)
        if step == through:
            return


def load(ctx: DemoContext) -> None:
    county = ctx.county
    lead = [
        ctx.units[n]
        for n in ("确山县住房和城乡建设局", "确山县医疗保障局", "确山县自然资源局", "确山县教育局")
    ]
    cat = Catalogue.objects.create(
        unit=county,
        year=2022,
        title="确山县人民政府2022年度重大行政决策事项目录",
        published_on=date(2022, 2, 25),
    )
    for i, title in enumerate(TITLES_2022):
        d = Decision.objects.create(
            unit=county, catalogue=cat, year=2022, title=title, lead_unit=lead[i % len(lead)]
        )
        _run_steps(d, ctx, date(2022, 3, 1) + timedelta(days=25 * i))
    # The current year: a catalogue and decisions at different steps (the timeline screen).
    year = ctx.today.year
    if year > 2022:
        cur = Catalogue.objects.create(
            unit=county,
            year=year,
            title=f"确山县人民政府{year}年度重大行政决策事项目录",
            published_on=min(date(year, 2, 20), ctx.today),
        )
        for i, title in enumerate(
            ["确山县城市更新实施方案", "确山县养老服务设施布局规划", "确山县公共文化服务提升方案"]
        ):
            d = Decision.objects.create(
                unit=county, catalogue=cur, year=year, title=title, lead_unit=lead[i]
            )
            start = ctx.today - timedelta(days=90 - 35 * i)
            _run_steps(d, ctx, start, through=[Step.COLLECTIVE, Step.LEGALITY, Step.RISK][i])
