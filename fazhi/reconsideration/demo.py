"""Demo records that reproduce seed 001's 2022 figures for reconsideration.

"县政府本级收到复议申请51件，立案审理42件，已按期审结38件（含上期结转3件）。市政府受理以我县
政府为被申请人的行政复议案件3件，已审结3件，全部维持" — so:

- 3 cases accepted in late 2021 and closed in January 2022 (carried over);
- 2022: 51 received; 42 accepted in 2022, 8 refused, 1 received on 28 December and
  accepted in January 2023; of the 42, 35 closed in 2022 (38 with the carried-over
  three), 7 still open at year end and closed early in 2023; every decision on time;
- 3 cases of the city government against the county government, all upheld;
- a few open cases this year so the due list shows red, yellow and green lights.

Every record is made through `Application.register()` and `apply()`, with dates
chosen so that each step is inside its statutory period.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from chinese_calendar import is_workday

from fazhi.core.demo import DemoContext, add_workdays, workday_on_or_after, workday_on_or_before
from fazhi.core.demo_county import OFTEN_CHALLENGED
from fazhi.reconsideration.models import Application, SuperiorCase
from fazhi.reconsideration.rules import (
    LAW_2023_FROM,
    ActKind,
    Channel,
    LetterKind,
    PerformanceStatus,
    Procedure,
    ReviewOutcome,
    SuspensionGround,
)

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "国华建军明强伟芳秀英丽敏静玉兰桂荣海涛志刚春梅德才"
RESPONDENTS = [
    "确山县公安局",
    "确山县自然资源局",
    "确山县市场监督管理局",
    "确山县人力资源和社会保障局",
    *OFTEN_CHALLENGED,
]
ACTS = [
    ("行政处罚决定", ActKind.PENALTY),
    ("责令限期拆除决定", ActKind.COERCION),
    ("不动产登记行为", ActKind.REGISTRATION),
    ("政府信息公开答复", ActKind.DISCLOSURE),
    ("未履行法定职责", ActKind.INACTION),
    ("工伤认定决定", ActKind.REGISTRATION),
    ("土地权属处理决定", ActKind.LAND),
    ("行政许可决定", ActKind.LICENCE),
]
# The 38 cases closed in 2022 (3 carried over + 35): how each ended.
CLOSINGS_2022 = (
    [("decide", ReviewOutcome.UPHOLD)] * 20
    + [("decide", ReviewOutcome.REJECT_CLAIM)] * 4
    + [("decide", ReviewOutcome.REJECT_APPLICATION)]
    + [("decide", ReviewOutcome.REVOKE)] * 2
    + [("decide", ReviewOutcome.REVOKE_AND_REMAKE)]
    + [("decide", ReviewOutcome.CONFIRM_ILLEGAL)] * 2
    + [("decide", ReviewOutcome.ORDER_PERFORM)]
    + [("mediate", None)] * 4
    + [("settle", None)] * 2
    + [("terminate", None)]
)


class _Maker:
    def __init__(self, ctx: DemoContext) -> None:
        self.ctx = ctx
        self.by = ctx.users["coordinator"]
        self.rng = ctx.rng
        self.numbers: dict[int, int] = {}
        self.people = 0

    def name(self) -> str:
        self.people += 1
        return self.rng.choice(SURNAMES) + "".join(self.rng.sample(GIVEN, self.rng.choice((1, 2))))

    def receive(self, day: date, **extra: Any) -> Application:
        day = workday_on_or_after(day)
        if day > self.ctx.today:  # a rest day just before today: take the working day before
            day = workday_on_or_before(self.ctx.today)
        act, kind = self.rng.choice(ACTS)
        respondent = self.ctx.unit(self.rng.choice(RESPONDENTS))
        return Application.register(
            by=self.by,
            applicant_name=self.name(),
            respondent=respondent,
            act=f"{respondent.short_name or respondent.name}{act}",
            act_kind=kind,
            channel=self.rng.choice(Channel.values[:3]),
            received_on=day,
            **extra,
        )

    def accept(
        self,
        app: Application,
        *,
        procedure: str = Procedure.ORDINARY,
        correction: bool = False,
        on: date | None = None,
    ) -> date:
        day = app.received_on
        if correction:
            day = add_workdays(day, 1)
            app.apply("request_correction", by=self.by, on=day)
            day = add_workdays(day, self.rng.randint(2, 6))
            app.apply("receive_correction", by=self.by, on=day)
        day = on or add_workdays(day, self.rng.randint(1, 3))
        year = day.year
        self.numbers[year] = self.numbers.get(year, 0) + 1
        app.case_number = f"确政复〔{year}〕{self.numbers[year]}号"
        app.apply("accept", by=self.by, on=day, procedure=procedure)
        return day

    def review(self, app: Application) -> date:
        """Copy to the respondent and its reply, inside the statutory periods."""
        simple = app.procedure == Procedure.SIMPLIFIED
        day = add_workdays(app.accepted_on, 1 if simple else self.rng.randint(1, 4))
        app.apply("send_copy", by=self.by, on=day)
        day = add_workdays(day, self.rng.randint(2, 4) if simple else self.rng.randint(4, 9))
        app.apply("receive_reply", by=self.by, on=day)
        return day

    def under_review(self, day: date) -> Application:
        """An application received on `day`, accepted, with the respondent's reply in."""
        app = self.receive(day)
        self.accept(app)
        self.review(app)
        return app

    def close(self, app: Application, action: str, outcome: str | None, day: date) -> None:
        data: dict[str, Any] = {}
        if action == "decide":
            data["outcome"] = outcome
        elif action == "terminate":
            data["termination_reason"] = "withdrawn"
        app.apply(action, by=self.by, on=day, **data)

    def full_case(
        self,
        received: date,
        action: str,
        outcome: str | None,
        *,
        close_by: date | None = None,
        close_after: date | None = None,
        simple: bool | None = None,
    ) -> Application:
        if simple is None:
            simple = self.rng.random() < 0.25 and action == "decide"
        # No 简易程序 before the 2023 law took effect (第90条).
        simple = simple and received >= LAW_2023_FROM
        app = self.receive(received)
        accepted = self.accept(
            app,
            procedure=Procedure.SIMPLIFIED if simple else Procedure.ORDINARY,
            correction=self.rng.random() < 0.15,
        )
        replied = self.review(app)
        limit = 28 if simple else 58
        earliest = max(replied + timedelta(days=2), close_after or replied)
        latest = min(accepted + timedelta(days=limit), close_by or date.max)
        day = earliest + timedelta(days=self.rng.randint(0, max(0, (latest - earliest).days)))
        self.close(app, action, outcome, min(day, latest))
        return app


def load(ctx: DemoContext) -> None:
    m = _Maker(ctx)
    rng = ctx.rng
    closings = list(CLOSINGS_2022)
    rng.shuffle(closings)

    # Carried over from 2021: accepted in December 2021, closed in January 2022.
    for day in (date(2021, 11, 29), date(2021, 12, 6), date(2021, 12, 13)):
        action, outcome = closings.pop()
        m.full_case(
            day,
            action,
            outcome,
            close_after=date(2022, 1, 4),
            close_by=date(2022, 1, 28),
            simple=False,
        )

    # 2022: 35 received and closed within the year.
    for i in range(35):
        received = date(2022, 1, 5) + timedelta(days=int(i * 8.5))
        action, outcome = closings.pop()
        app = m.full_case(received, action, outcome, close_by=date(2022, 12, 30))
        if outcome in (ReviewOutcome.REVOKE, ReviewOutcome.REVOKE_AND_REMAKE):
            day = add_workdays(app.closed_on, 3)
            app.apply("issue_letter", by=m.by, on=day, kind=LetterKind.OPINION)
            app.apply(
                "letter_reply",
                by=m.by,
                on=day + timedelta(days=rng.randint(20, 50)),
                letter=app.letters.get(),
                note="已纠正并完善执法程序",
            )
        if app.is_closed and app.outcome in (
            ReviewOutcome.REVOKE,
            ReviewOutcome.ORDER_PERFORM,
            ReviewOutcome.CONFIRM_ILLEGAL,
        ):
            app.apply(
                "follow_up",
                by=m.by,
                on=min(app.last_event_date() + timedelta(days=30), date(2022, 12, 30)),
                status=PerformanceStatus.PERFORMED,
            )

    # 2022: 7 accepted in November/December, still open at year end, closed in 2023.
    for i in range(7):
        received = date(2022, 11, 14) + timedelta(days=5 * i)
        m.full_case(
            received,
            "decide",
            ReviewOutcome.UPHOLD if i else ReviewOutcome.CHANGE,
            close_after=date(2023, 1, 5),
            simple=False,
        )

    # 2022: 8 refused at acceptance review.
    for i in range(8):
        app = m.receive(date(2022, 2, 10) + timedelta(days=40 * i))
        app.apply(
            "refuse",
            by=m.by,
            on=add_workdays(app.received_on, rng.randint(1, 4)),
            reason=rng.choice(
                [
                    "超过法定申请期限",
                    "不属于行政复议范围",
                    "申请人与行政行为无利害关系",
                    "已向人民法院提起行政诉讼",
                ]
            ),
        )

    # 2022: received on 28 December, accepted in 2023 (counts as received in 2022 only).
    app = m.receive(date(2022, 12, 28))
    m.numbers[2023] = m.numbers.get(2023, 0) + 1
    app.case_number = f"确政复〔2023〕{m.numbers[2023]}号"
    app.apply("accept", by=m.by, on=date(2023, 1, 3), procedure=Procedure.ORDINARY)
    m.review(app)
    app.apply(
        "decide", by=m.by, on=app.accepted_on + timedelta(days=45), outcome=ReviewOutcome.UPHOLD
    )

    # The city government's cases against the county government: 3, all upheld.
    for i, (accepted, closed) in enumerate(
        (
            (date(2022, 3, 8), date(2022, 4, 27)),
            (date(2022, 6, 14), date(2022, 8, 2)),
            (date(2022, 9, 20), date(2022, 11, 10)),
        ),
        start=1,
    ):
        SuperiorCase.objects.create(
            respondent=ctx.county,
            superior_body="驻马店市人民政府",
            case_number=f"驻政复〔2022〕{40 + i * 7}号",
            applicant_name=m.name(),
            act="确山县人民政府征收补偿决定",
            accepted_on=accepted,
            closed_on=closed,
            outcome=ReviewOutcome.UPHOLD,
        )

    _current_year(m, ctx.today)


def _current_year(m: _Maker, today: date) -> None:
    """Open cases now: one just received (green), one near its decision date (yellow),
    one past it (red), one suspended, one extended, one waiting for the reply."""
    m.receive(today - timedelta(days=1))
    # Accepted 57–60 days ago: the 60-day decision period ends within the next few days.
    near_accepted = next(
        (today - timedelta(days=b) for b in range(57, 61) if is_workday(today - timedelta(days=b))),
        workday_on_or_before(today - timedelta(days=60)),
    )
    near = m.receive(near_accepted - timedelta(days=2))
    m.accept(near, on=near_accepted)
    m.review(near)
    m.under_review(today - timedelta(days=80))  # past its decision date (red)
    suspended = m.under_review(today - timedelta(days=40))
    suspended.apply(
        "suspend",
        by=m.by,
        on=max(suspended.last_event_date(), today - timedelta(days=5)),
        ground=SuspensionGround.SETTLEMENT,
    )
    extended = m.under_review(today - timedelta(days=58))
    extended.apply(
        "schedule_hearing",
        by=m.by,
        on=extended.last_event_date(),
        hearing_on=add_workdays(
            extended.last_event_date(), 6
        ),  # notice ≥ 5 working days ahead (第51条)
    )
    extended.apply(
        "extend",
        by=m.by,
        on=max(extended.last_event_date(), today - timedelta(days=2)),
        approved_by="李文博",
        reason="案情复杂，需要进一步调查取证",
    )
    waiting = m.receive(today - timedelta(days=12))
    m.accept(waiting, procedure=Procedure.SIMPLIFIED)
    day = add_workdays(waiting.accepted_on, 1)
    if day <= today:
        waiting.apply("send_copy", by=m.by, on=day)
