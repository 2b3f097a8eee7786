"""Demo lawsuits that reproduce seed 001's 2022 figures for litigation.

"全县各级行政机关办理行政诉讼案件58件，出庭应诉55次，机关负责人出庭应诉率95%，其中在苏某某行政
赔偿案中县长……作为县政府机关负责人亲自出庭应诉" — so, in 2022:

- 58 lawsuits (50 first instance, 8 second instance on appeal from eight of them), all
  received in 2022; each had one hearing in 2022 that required the responsible person:
  58 hearings, 55 attended (55 ÷ 58 = 94.8% → 95%), 3 absent with a reason on record;
- one of them is 苏某某 v. 确山县人民政府 (行政赔偿), where the county head appeared;
- plausible outcomes: mostly 驳回诉讼请求, some 驳回起诉 and 准予撤诉, a few lost;
  six cases still open at the end of 2022 and concluded early in 2023;
- a few cases open now so the due list shows red, yellow and green defence deadlines.

Every record goes through `Lawsuit.register()` and `apply()`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from fazhi.core.demo import DemoContext, workday_on_or_after
from fazhi.core.demo_county import OFTEN_CHALLENGED
from fazhi.litigation.models import Lawsuit
from fazhi.litigation.rules import Excuse, LeaderRank, Outcome
from fazhi.org.models import Person, Unit, UnitKind

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "国华建军明强伟芳秀英丽敏静玉兰桂荣海涛志刚春梅德才"
CAUSES = [
    ("行政处罚", "行政处罚决定"),
    ("行政强制", "强制拆除行为"),
    ("土地行政征收", "征收补偿决定"),
    ("工伤认定", "工伤认定决定"),
    ("政府信息公开", "政府信息公开答复"),
    ("不履行法定职责", "未履行法定职责"),
    ("行政登记", "不动产登记行为"),
    ("行政许可", "行政许可决定"),
    ("行政协议", "房屋征收补偿协议"),
]
DEFENDANTS = [
    "确山县人民政府",
    "确山县自然资源局",
    "确山县公安局",
    "确山县人力资源和社会保障局",
    "确山县市场监督管理局",
    *OFTEN_CHALLENGED,
]
COUNTY_COURT, COUNTY_CODE = "确山县人民法院", "豫1725"
CITY_COURT, CITY_CODE = "驻马店市中级人民法院", "豫17"
PROVINCE_COURT, PROVINCE_CODE = "河南省高级人民法院", "豫"

# The 50 first-instance cases of 2022: (outcome or None if still open at year end, appealed).
FIRST_INSTANCE: list[tuple[Outcome | None, bool]] = (
    [(Outcome.DISMISS_CLAIM, True)] * 6
    + [(Outcome.DISMISS_SUIT, True)]
    + [(Outcome.REVOKE, True)]
    + [(Outcome.DISMISS_CLAIM, False)] * 23
    + [(Outcome.DISMISS_SUIT, False)] * 5
    + [(Outcome.WITHDRAWAL_ALLOWED, False)] * 6
    + [(Outcome.REVOKE, False)] * 2
    + [(Outcome.CONFIRM_ILLEGAL, False)] * 2
    + [(None, False)] * 4
)
# The appeals of the eight appealed cases, in the same order.
SECOND_INSTANCE: list[Outcome | None] = (
    [Outcome.APPEAL_DISMISSED] * 5 + [Outcome.APPEAL_REVERSED_AGAINST] + [None] * 2
)
ABSENT = {
    12: Excuse.DUTY,
    27: Excuse.DUTY,
    41: Excuse.ACCIDENT,
}  # case index → reason (55 of 58 attended)
SU_CASE = 20  # 苏某某 v. 确山县人民政府, 行政赔偿


def _leader(unit: Unit) -> Person:
    person = Person.objects.filter(unit=unit, is_principal=True).order_by("id").first()
    if person is None:
        title = (
            "主任"
            if "街道" in unit.name
            else ("镇长" if unit.kind == UnitKind.TOWNSHIP else "负责人")
        )
        person = Person.objects.create(
            unit=unit,
            name=f"{SURNAMES[unit.pk % len(SURNAMES)]}志远",
            position=title,
            is_principal=True,
        )
    return person


class _Maker:
    def __init__(self, ctx: DemoContext) -> None:
        self.ctx = ctx
        self.by = ctx.users.get("coordinator")
        self.serial: dict[tuple[int, str, str], int] = {}

    def name(self) -> str:
        rng = self.ctx.rng
        return rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)

    def number(self, year: int, code: str, kind: str) -> str:
        key = (year, code, kind)
        self.serial[key] = self.serial.get(key, 0) + 1
        return f"（{year}）{code}{kind}{self.serial[key] * 3 + 2}号"

    def register(
        self,
        unit: Unit,
        filed: date,
        *,
        second: Lawsuit | None = None,
        plaintiff: str = "",
        cause: tuple[str, str] | None = None,
    ) -> Lawsuit:
        county_case = unit == self.ctx.county
        if second is not None:
            court, code, kind = (
                (PROVINCE_COURT, PROVINCE_CODE, "行终")
                if county_case
                else (CITY_COURT, CITY_CODE, "行终")
            )
        else:
            # 行政诉讼法 第15条: cases against a county government start at the intermediate court.
            court, code, kind = (
                (CITY_COURT, CITY_CODE, "行初")
                if county_case
                else (COUNTY_COURT, COUNTY_CODE, "行初")
            )
        cause = cause or self.ctx.rng.choice(CAUSES)
        return Lawsuit.register(
            by=self.by,
            unit=unit,
            court=court,
            case_number=self.number(filed.year, code, kind),
            cause=cause[0],
            act_challenged=cause[1],
            plaintiff_name=plaintiff or (second.plaintiff_name if second else self.name()),
            filed_on=filed,
            received_on=filed + timedelta(days=3),
            handler=self.by,
            previous=second,
        )

    def hear(
        self,
        suit: Lawsuit,
        *,
        absent: Excuse | None = None,
        person: Person | None = None,
        rank: str = LeaderRank.HEAD,
    ) -> date:
        notice = workday_on_or_after(suit.received_on + timedelta(days=20))
        day = workday_on_or_after(notice + timedelta(days=10))
        suit.apply("schedule_hearing", by=self.by, on=notice, hearing_on=day)
        hearing = suit.hearings.get(held=False)
        if absent is not None:
            note = "同日参加上级召开的专题会议" if absent == Excuse.DUTY else "突发疾病住院"
            how: dict[str, Any] = {
                "appeared": False,
                "excuse": absent,
                "excuse_note": note,
                "staff": "法制股工作人员及委托律师",
            }
        else:
            how = {
                "appeared": True,
                "person": person or _leader(suit.unit),
                "rank": rank,
                "spoke": True,
                "staff": "法制股工作人员",
            }
        suit.apply("record_hearing", by=self.by, on=day, hearing=hearing.pk, **how)
        return day

    def conclude(
        self, suit: Lawsuit, heard: date, outcome: str | None, otherwise: tuple[date, str]
    ) -> date:
        """Judgment a month after the hearing; without an outcome of its own, on the date
        and with the outcome `otherwise` gives."""
        closing = (
            workday_on_or_after(heard + timedelta(days=30)) if outcome is not None else otherwise[0]
        )
        suit.apply("conclude", by=self.by, on=closing, outcome=outcome or otherwise[1])
        return closing


def load(ctx: DemoContext) -> None:
    m = _Maker(ctx)
    units = [ctx.units[n] for n in DEFENDANTS if n in ctx.units] or [ctx.county]
    county_deputy = Person.objects.filter(unit=ctx.county, position="常务副县长").first()
    head = Person.objects.filter(unit=ctx.county, position="县长").first() or _leader(ctx.county)
    appealed: list[Lawsuit] = []
    index = 0
    for i, (outcome, appeal) in enumerate(FIRST_INSTANCE):
        # Appealed cases early in the year so the appeal is heard in 2022; open ones late.
        if appeal:
            filed = date(2022, 1, 5) + timedelta(days=9 * i)
        elif outcome is None:
            filed = date(2022, 9, 20) + timedelta(days=7 * i - 7 * 46)
        else:
            filed = date(2022, 1, 10) + timedelta(days=5 * i)
        if i == SU_CASE:
            suit = m.register(
                ctx.county, filed, plaintiff="苏德才", cause=("行政赔偿", "不予行政赔偿决定")
            )
        else:
            suit = m.register(units[i % len(units)], filed)
        suit.apply("defend", by=m.by, on=workday_on_or_after(suit.received_on + timedelta(days=8)))
        if i == SU_CASE:
            day = m.hear(suit, person=head, rank=LeaderRank.HEAD)  # the county head in person
            outcome = Outcome.DISMISS_COMPENSATION
        elif suit.unit == ctx.county and county_deputy is not None:
            day = m.hear(
                suit, absent=ABSENT.get(index), person=county_deputy, rank=LeaderRank.DEPUTY
            )
        else:
            day = m.hear(suit, absent=ABSENT.get(index))
        index += 1
        closing = m.conclude(suit, day, outcome, (date(2023, 2, 15), Outcome.DISMISS_CLAIM))
        if appeal:
            suit.apply("appeal", by=m.by, on=closing + timedelta(days=10), appellant="plaintiff")
            appealed.append(suit)
    for first, outcome in zip(appealed, SECOND_INSTANCE, strict=True):
        filed = first.appealed_on + timedelta(days=25)
        suit = m.register(
            first.unit, filed, second=first, cause=(first.cause, first.act_challenged)
        )
        suit.apply("defend", by=m.by, on=workday_on_or_after(suit.received_on + timedelta(days=8)))
        day = m.hear(suit, absent=ABSENT.get(index))
        index += 1
        m.conclude(suit, day, outcome, (date(2023, 3, 1), Outcome.APPEAL_DISMISSED))
    _open_cases(m, ctx, units)


def _open_cases(m: _Maker, ctx: DemoContext, units: list[Unit]) -> None:
    """Cases open today: defence due long ago (red), due within days (yellow), just received (green)."""
    today = ctx.today
    for days_ago in (25, 13, 2):
        received = today - timedelta(days=days_ago)
        filed = received - timedelta(days=3)
        m.register(units[days_ago % len(units)], filed)
    # One defended case waiting for its hearing.
    suit: Any = m.register(units[1], today - timedelta(days=40))
    suit.apply("defend", by=m.by, on=suit.received_on + timedelta(days=8))
    notice = suit.defended_on + timedelta(days=5)
    if notice <= today:
        suit.apply("schedule_hearing", by=m.by, on=notice, hearing_on=today + timedelta(days=10))
