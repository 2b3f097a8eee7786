"""Demo records reproducing seed 001's 2022 disclosure figures for 确山县人民政府.

"2022 年县政府门户网站主动公开信息 2754 条；受理信息公开依申请案件 11 件" — so:

- 2754 proactively disclosed items published in 2022 on the county portal, bulk-created
  and spread over the year and the categories a portal counts;
- 11 requests received in 2022, made through `Request.register()` and `apply()`: most
  answered within 20 working days, one after a correction, one after consulting a third
  party, one extended, one abandoned, one received in late December and answered in
  January 2023 (so the annual report carries one forward);
- three open requests this year whose reply periods are red, yellow and green;
- the 2022 annual reports (the office's and the county's) published on time, this
  year's open on the due list.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from chinese_calendar import is_workday

from fazhi.core.demo import DemoContext
from fazhi.disclosure.models import ProactiveItem, ReportFiling, Request
from fazhi.disclosure.rules import ApplicantKind, Channel, ProactiveCategory, ReplyType

PROACTIVE_2022 = 2754
# Share of each category on the portal (sums to 2754).
CATEGORY_COUNTS = [
    (ProactiveCategory.NEWS, 1310),
    (ProactiveCategory.POLICY, 126),
    (ProactiveCategory.INTERPRETATION, 58),
    (ProactiveCategory.ON_REQUEST, 11),
    (ProactiveCategory.MAILBOX, 96),
    (ProactiveCategory.RECONSIDERATION, 42),
    (ProactiveCategory.SUGGESTION, 64),
    (ProactiveCategory.FINANCE, 212),
    (ProactiveCategory.PERSONNEL, 187),
    (ProactiveCategory.ENFORCEMENT, 448),
    (ProactiveCategory.PLANNING, 75),
    (ProactiveCategory.OTHER, 125),
]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "国华建军明强伟芳秀英丽敏静玉兰"


def workdays_before(day: date, n: int) -> date:
    """The working day n working days before `day` (demo dates only, not a deadline)."""
    while n > 0:
        day -= timedelta(days=1)
        if is_workday(day):
            n -= 1
    return day


def _name(ctx: DemoContext) -> str:
    return ctx.rng.choice(SURNAMES) + ctx.rng.choice(GIVEN) + ctx.rng.choice(GIVEN)


def _proactive(ctx: DemoContext) -> None:
    office = ctx.units.get("确山县人民政府办公室", ctx.county)
    days = [date(2022, 1, 1) + timedelta(days=i) for i in range(365)]
    workdays = [d for d in days if is_workday(d)]
    items = []
    n = 0
    for category, count in CATEGORY_COUNTS:
        label = ProactiveCategory(category).label
        for i in range(count):
            day = workdays[(n * 7 + i) % len(workdays)]
            n += 1
            items.append(
                ProactiveItem(
                    unit=office,
                    category=category,
                    title=f"{label}（{day:%Y年%m月%d日}第{i + 1}条）",
                    published_on=day,
                    formed_on=workdays_before(day, 3)
                    if category == ProactiveCategory.POLICY
                    else None,
                )
            )
    ProactiveItem.objects.bulk_create(items, batch_size=1000)
    # Bulk-created (no save()): open the 2022 annual reports the items fall due in.
    ReportFiling.ensure_for([(office, date(2022, 12, 31))])


def _reply(on: date, reply_type: str) -> tuple[str, date, dict[str, Any]]:
    """The step (action, day, data) that answers a request: the last step of most."""
    return ("reply", on, {"reply_type": reply_type})


# (received, applicant kind, steps) — steps: (action, day, data).
REQUESTS_2022 = [
    (date(2022, 2, 14), ApplicantKind.PERSON, [_reply(date(2022, 3, 4), ReplyType.DISCLOSED)]),
    (date(2022, 3, 21), ApplicantKind.PERSON, [_reply(date(2022, 4, 12), ReplyType.NOT_HELD)]),
    (
        date(2022, 4, 11),
        ApplicantKind.BUSINESS,
        [
            ("consult", date(2022, 4, 13), {"reason": "涉及第三方商业秘密"}),
            ("consultation_done", date(2022, 5, 5), {}),
            _reply(date(2022, 5, 20), ReplyType.PARTIAL),
        ],
    ),
    (
        date(2022, 5, 9),
        ApplicantKind.PERSON,
        [
            ("request_correction", date(2022, 5, 12), {}),
            ("receive_correction", date(2022, 5, 20), {}),
            _reply(date(2022, 6, 10), ReplyType.DISCLOSED),
        ],
    ),
    (date(2022, 6, 13), ApplicantKind.PERSON, [_reply(date(2022, 6, 24), ReplyType.PROCESS)]),
    (
        date(2022, 7, 4),
        ApplicantKind.LEGAL_SERVICE,
        [
            (
                "extend",
                date(2022, 7, 28),
                {"approved_by": "县政府办公室主任", "reason": "涉及多个部门，需调取档案"},
            ),
            _reply(date(2022, 8, 19), ReplyType.DISCLOSED),
        ],
    ),
    (date(2022, 8, 8), ApplicantKind.PERSON, [_reply(date(2022, 8, 12), ReplyType.PETITION)]),
    (
        date(2022, 9, 5),
        ApplicantKind.PERSON,
        [
            ("request_correction", date(2022, 9, 8), {}),
            ("abandon", date(2022, 10, 31), {}),
        ],
    ),
    (date(2022, 10, 17), ApplicantKind.PERSON, [_reply(date(2022, 11, 4), ReplyType.REPEAT)]),
    (date(2022, 11, 14), ApplicantKind.OTHER, [_reply(date(2022, 12, 2), ReplyType.NEEDS_CREATION)]),
    (date(2022, 12, 26), ApplicantKind.PERSON, [_reply(date(2023, 1, 13), ReplyType.DISCLOSED)]),
]
CONTENTS = [
    "征地补偿安置方案",
    "2021年度财政决算",
    "某小区规划许可材料",
    "行政处罚决定书",
    "农村低保名单",
    "道路建设项目审批文件",
    "集体土地征收公告",
    "招商引资协议",
    "政府工作报告起草材料",
    "某企业环评文件",
    "拆迁安置补偿标准",
]


def _requests(ctx: DemoContext) -> None:
    by = ctx.users["coordinator"]
    office = ctx.units.get("确山县人民政府办公室", ctx.county)
    for i, (received, kind, steps) in enumerate(REQUESTS_2022, start=1):
        name = (
            _name(ctx)
            if kind == ApplicantKind.PERSON
            else f"河南某{'律师事务所' if kind == ApplicantKind.LEGAL_SERVICE else '有限公司'}"
        )
        req = Request.register(
            by=by,
            unit=office,
            number=f"确政公开〔2022〕{i}号",
            applicant_name=name,
            applicant_kind=kind,
            content=CONTENTS[i - 1],
            channel=Channel.ONLINE if i % 2 else Channel.IN_PERSON,
            received_on=received,
        )
        for action, day, data in steps:
            req.apply(action, by=by, on=day, **data)
    # Open this year: red (late), yellow (due within days), green (just received).
    for n, back in enumerate((25, 17, 0), start=1):
        received = workdays_before(ctx.today, back) if back else ctx.today
        Request.register(
            by=by,
            unit=office,
            number=f"确政公开〔{ctx.today.year}〕{n}号",
            applicant_name=_name(ctx),
            content=ctx.rng.choice(CONTENTS),
            received_on=received,
        )


def _publish_2022(ctx: DemoContext) -> None:
    """The 2022 reports, published on time: the office's by 31 January, the county's
    by 31 March 2023 (第49条); this year's are open on the due list."""
    by = ctx.users["coordinator"]
    office = ctx.units.get("确山县人民政府办公室", ctx.county)
    for unit, day in ((office, date(2023, 1, 20)), (ctx.county, date(2023, 3, 24))):
        filing = ReportFiling.objects.filter(unit=unit, year=2022).first()
        if filing is not None and filing.state == "due":
            short = ctx.county.short_name or ctx.county.name
            filing.apply(
                "publish",
                by=by,
                on=day,
                number=f"{short}政务公开〔2023〕{1 if unit == office else 2}号",
                url="http://www.queshan.gov.cn/zfxxgk/ndbg/",
                # Part 五 (第50条), which the pre-issue check requires written.
                problems="政策解读形式还不够丰富，依申请公开答复文书说理有待加强。下一步将丰富解读形式，规范答复文书。",
            )


def load(ctx: DemoContext) -> None:
    _proactive(ctx)
    _requests(ctx)
    _publish_2022(ctx)
