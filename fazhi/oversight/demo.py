"""Demo supervision tasks (every state, some overdue) and suggestions / proposals.

Tasks follow seed 004 (立项 → 责任分解 → 督查催办 → 反馈 → 销号 → 立卷归档): 2022 ones are
closed and archived; this year's are in every state, two overdue, and the reminder
command has run once today so the due list shows its urgings. Suggestions and
proposals: those of 2022 (NPC 38, CPPCC 31) mostly answered on time with the deputies'
feedback; a few this year still in hand.
"""

from __future__ import annotations

from datetime import date, timedelta

from fazhi.core.demo import DemoContext
from fazhi.oversight.models import Milestone, Suggestion, Task
from fazhi.oversight.reminders import send
from fazhi.oversight.rules import ContactMeans, Means, SourceKind, SuggestionKind

UNITS = [
    "确山县住房和城乡建设局",
    "确山县城市管理局",
    "确山县自然资源局",
    "确山县市场监督管理局",
    "确山县交通运输局",
    "确山县教育局",
    "确山县农业农村局",
    "竹沟镇人民政府",
]
TITLES = [
    "背街小巷路灯整改",
    "城区停车秩序整治",
    "农村公路安全隐患排查",
    "校园周边食品安全检查",
    "高标准农田建设进度",
    "违法建设专项清理",
    "营商环境问题整改",
    "老旧小区改造",
    "河道采砂整治",
    "信访积案化解",
]
SOURCES = [
    (SourceKind.MEETING, "县政府第{n}次常务会议"),
    (SourceKind.DOCUMENT, "确政〔{y}〕{n}号文件"),
    (SourceKind.MINUTES, "县政府专题会议纪要〔{y}〕{n}号"),
    (SourceKind.INSTRUCTION, "县长批示（{y}年第{n}期）"),
]


def _task(ctx: DemoContext, i: int, proposed: date) -> Task:
    kind, ref = SOURCES[i % len(SOURCES)]
    unit = ctx.units[UNITS[i % len(UNITS)]]
    co = [ctx.units[UNITS[(i + 1) % len(UNITS)]]]
    return Task.propose(
        by=ctx.users["coordinator"],
        office=ctx.county,
        unit=unit,
        co_units=co,
        number=f"确督〔{proposed.year}〕{i}号",
        title=TITLES[i % len(TITLES)],
        source_kind=kind,
        source_ref=ref.format(n=i + 3, y=proposed.year),
        proposed_on=proposed,
    )


def _run(task: Task, by, start: date, stop: str, due_days: int = 40) -> None:  # noqa: ANN001
    """Move a task along the workflow from `start` until the state `stop`."""
    steps = [
        ("approve", 1, {"approved_by": "县长"}),
        ("assign", 2, {"responsible": "分管副局长", "due_on": start + timedelta(days=due_days)}),
        ("feedback", 15, {"text": "已制定工作方案，正在推进"}),
        ("report_done", due_days - 2, {"text": "已按要求完成"}),
        ("accept", due_days + 3, {"accepted_by": "县政府督查室主任"}),
        ("archive", due_days + 10, {}),
    ]
    stops = {"approved": 1, "assigned": 3, "reported": 4, "closed": 5, "archived": 6}
    for action, offset, data in steps[: stops[stop]]:
        if action == "report_done":
            # The last milestone is completed with the report (责任分解 → 反馈).
            for m in task.milestones.filter(done_on__isnull=True):
                m.complete(by=by, on=start + timedelta(days=offset))
        task.apply(action, by=by, on=start + timedelta(days=offset), **data)
        if action == "assign":
            plan_m = Milestone.add(task, by=by, title="制定方案", due_on=start + timedelta(days=10))
            plan_m.complete(by=by, on=start + timedelta(days=9))
            Milestone.add(task, by=by, title="完成整改", due_on=start + timedelta(days=due_days))


def _tasks(ctx: DemoContext) -> None:
    by = ctx.users["coordinator"]
    i = 0
    for month in range(1, 13):  # 2022: one task a month, all closed and archived
        start = date(2022, month, 5)
        task = _task(ctx, i, start)
        _run(task, by, start, "archived" if month < 11 else "closed", due_days=30)
        i += 1
    today = ctx.today
    plan = [
        ("proposed", 3, 40),
        ("approved", 10, 40),
        ("assigned", 20, 60),
        ("assigned", 30, 31),
        ("assigned", 70, 40),
        ("assigned", 90, 45),
        ("reported", 50, 40),
        ("closed", 80, 40),
        ("archived", 120, 40),
    ]
    for stop, back, due_days in plan:
        start = today - timedelta(days=back)
        task = _task(ctx, i, start)
        if stop != "proposed":
            _run(task, by, start, stop, due_days=due_days)
        i += 1
    rejected = _task(ctx, i, today - timedelta(days=5))
    rejected.apply(
        "reject", by=by, on=today - timedelta(days=4), reason="不属于县政府督办事项，转有关部门办理"
    )
    overdue = Task.objects.overdue(today).first()
    if overdue is not None:
        overdue.apply("urge", by=by, on=today, means=Means.PHONE, note="电话催问进度")
    send(today)


def _suggestions(ctx: DemoContext) -> None:
    by = ctx.users["coordinator"]
    rng = ctx.rng
    for kind, count, prefix in (
        (SuggestionKind.NPC, 38, "建议"),
        (SuggestionKind.CPPCC, 31, "提案"),
    ):
        for n in range(1, count + 1):
            assigned = date(2022, 3, 20) if n <= count - 3 else date(2022, 9, 15)
            s = Suggestion.assign(
                by=by,
                kind=kind,
                number=f"第{n}号{prefix}",
                title=f"关于{rng.choice(TITLES)}的{prefix}",
                proposer_name=rng.choice("王李张刘陈杨赵")
                + rng.choice("国华建军明强")
                + rng.choice("芳秀英丽"),
                office=ctx.county,
                unit=ctx.units[UNITS[n % len(UNITS)]],
                assigned_on=assigned,
            )
            if n <= count - 2:  # two a year still in hand at the year end
                s.apply(
                    "contact",
                    by=by,
                    on=assigned + timedelta(days=20),
                    contact_means=ContactMeans.MEETING if n % 3 else ContactMeans.PHONE,
                )
                s.apply(
                    "reply",
                    by=by,
                    on=assigned + timedelta(days=80 if n % 9 else 95),
                    category="ABC"[n % 3],
                )
                if n % 12:
                    s.apply(
                        "evaluate",
                        by=by,
                        on=assigned + timedelta(days=100),
                        satisfaction="satisfied" if n % 5 else "basic",
                    )
            else:
                # Still in hand at the 2022 year end (so 2022's completion rate is below
                # 100%), answered late early in 2023 rather than left overdue for years.
                s.apply("contact", by=by, on=date(2023, 1, 5), contact_means=ContactMeans.PHONE)
                s.apply("reply", by=by, on=date(2023, 1, 16), category="B")
    for n, back in enumerate((100, 40, 5), start=1):
        Suggestion.assign(
            by=by,
            kind=SuggestionKind.NPC,
            number=f"{ctx.today.year}年第{n}号建议",
            title=f"关于{TITLES[n]}的建议",
            proposer_name="赵明芳",
            office=ctx.county,
            unit=ctx.units[UNITS[n]],
            assigned_on=ctx.today - timedelta(days=back),
        )


def load(ctx: DemoContext) -> None:
    _tasks(ctx)
    _suggestions(ctx)
