"""A synthetic province: unit trees and every register's records at the volumes of DOMAIN.md.

Written for scale, not for realism of single records: objects are built in memory and
written with `bulk_create` in batches, so no `save()`, no `apply()`, no audit rows and no
per-row deadline computation run. Each record is built in a final, consistent state
(closed cases have close dates after acceptance, outcomes only on closed cases, …), as
the register's own workflow would have left it.

Determinism: every (county, year, register) draws from its own `random.Random` seeded
by a string, so the same seed gives the same data, and adding a register later does
not change the records of the others.

Extension point: `YEARLY` lists the makers run for each county and year, `ONCE` the
ones run once per county. A new register adds a function `make_<thing>(ctx)` that
yields unsaved model instances and one line in the right list.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import islice
from typing import Any, TextIO

from django.db import connection, models, transaction
from django.utils import timezone

from fazhi.counsel import rules as counsel_rules
from fazhi.counsel.models import Counsel, Opinion
from fazhi.counsel.rules import Subject
from fazhi.decisions import models as decisions_models
from fazhi.decisions import rules as decisions_rules
from fazhi.disclosure import rules as disclosure_rules
from fazhi.disclosure.models import ProactiveItem, Request
from fazhi.disclosure.rules import ApplicantKind, ProactiveCategory, ReplyType
from fazhi.enforcement.models import AnnualReview, Case, Certificate
from fazhi.enforcement.rules import CaseKind, CaseState, CertificateState, OfficerRole, PartyKind
from fazhi.indicators import figcache
from fazhi.legalservices import rules as legalservices_rules
from fazhi.legalservices.models import AidApplication, LegalHelper, Notarisation
from fazhi.legalservices.rules import Claim, MatterKind, NotaryKind
from fazhi.litigation import rules as litigation_rules
from fazhi.litigation.models import Hearing, Lawsuit
from fazhi.litigation.rules import Instance, LeaderRank
from fazhi.mediation import rules as mediation_rules
from fazhi.mediation.models import Committee, Dispute
from fazhi.mediation.rules import Level
from fazhi.normdocs import rules as normdocs_rules
from fazhi.normdocs.models import Document
from fazhi.normdocs.rules import ReviewOpinion
from fazhi.org.models import PATH_WIDTH, Person, Unit, UnitKind
from fazhi.oversight.models import Suggestion
from fazhi.oversight.rules import ReplyCategory, Satisfaction, SuggestionKind, SuggestionState
from fazhi.publicity.models import Activity, StudySession
from fazhi.publicity.rules import Format, StudyKind, Target
from fazhi.reconsideration import rules as reconsideration_rules
from fazhi.reconsideration.models import Application, SuperiorCase
from fazhi.reconsideration.rules import ActKind, Procedure, ReviewOutcome
from fazhi.workdays.services import get_calendar

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "国华建军明强伟芳秀英丽敏静玉兰桂荣海涛志刚春梅德才红霞平安宏伟"
CITY_STEMS = "东南西北中安宁平康泰"
COUNTY_STEMS = "清河 临川 长宁 安平 青山 白水 新丰 永和 丰泽 龙泉 石门 桃源 大田 江口 云溪 鹤鸣 柳城 梅岭 松阳 竹溪".split()
DEPARTMENT_NAMES = [
    "人民政府办公室",
    "司法局",
    "市场监督管理局",
    "发展和改革委员会",
    "教育局",
    "公安局",
    "民政局",
    "财政局",
    "人力资源和社会保障局",
    "自然资源局",
    "住房和城乡建设局",
    "交通运输局",
    "水利局",
    "农业农村局",
    "商务局",
    "文化广电和旅游局",
    "卫生健康委员会",
    "应急管理局",
    "审计局",
    "统计局",
    "医疗保障局",
    "城市管理局",
    "林业局",
    "退役军人事务局",
    "生态环境分局",
    "税务局",
    "消防救援大队",
    "粮食和物资储备局",
    "信访局",
    "地方金融监督管理局",
    "科学技术局",
    "工业和信息化局",
    "人民防空办公室",
    "乡村振兴局",
    "档案局",
    "机关事务管理局",
    "行政审批服务局",
    "综合行政执法局",
    "住房公积金管理中心",
    "民族宗教事务局",
    "体育局",
    "残疾人联合会",
    "气象局",
    "烟草专卖局",
    "供销合作社",
    "融媒体中心",
    "投资促进局",
    "大数据管理局",
    "国有资产管理局",
    "城市建设投资中心",
    "招商服务中心",
    "经济开发区管委会",
    "农业机械管理局",
    "畜牧兽医局",
    "交通执法大队",
    "道路运输管理所",
    "水文站",
    "地震局",
    "港航管理局",
    "供水管理所",
    "公路管理局",
    "国土资源执法大队",
    "劳动保障监察大队",
    "卫生监督所",
    "安全生产执法大队",
    "文化市场综合执法大队",
    "农业综合执法大队",
    "城市管理执法大队",
    "环境监察大队",
    "食品药品稽查大队",
    "知识产权局",
    "邮政管理局",
    "通信管理办公室",
    "保密局",
    "编制办公室",
    "老干部局",
    "外事办公室",
    "台湾事务办公室",
    "侨务办公室",
    "地方志办公室",
]


def _unsaved(kind: str, rows: Iterable[tuple[str, str, Unit, int]]) -> list[Unit]:
    """Unsaved units of one kind from (name, code, parent, sort order) rows."""
    return [
        Unit(name=name, code=code, kind=kind, parent=parent, sort_order=order)
        for name, code, parent, order in rows
    ]


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class Workdays:
    """The working-day calendar as a precomputed table: the synthetic dates only need
    "is this a working day" and "n working days later", millions of times, so both are
    one lookup instead of a walk through the calendar."""

    def __init__(self, first_year: int, last_year: int) -> None:
        cal = get_calendar()
        self._first = date(first_year - 1, 1, 1)
        days = (date(last_year + 2, 1, 1) - self._first).days
        self._is = [bool(cal.is_workday(self._first + timedelta(days=i))) for i in range(days)]
        self._workdays = [self._first + timedelta(days=i) for i, w in enumerate(self._is) if w]
        # For each day: the index in _workdays of the first working day strictly after it.
        self._next: list[int] = []
        k = 0
        for i in range(days):
            if k < len(self._workdays) and self._workdays[k] <= self._first + timedelta(days=i):
                k += 1
            self._next.append(k)

    def is_workday(self, d: date) -> bool:
        return self._is[(d - self._first).days]

    def on_or_after(self, d: date) -> date:
        return d if self.is_workday(d) else self.add(d, 1)

    def add(self, d: date, n: int) -> date:
        """n working days after d (d itself not counted, as the law counts periods)."""
        if n <= 0:
            return d
        return self._workdays[self._next[(d - self._first).days] + n - 1]


@dataclass
class County:
    index: int
    code: str
    name: str
    short: str
    unit: Unit
    city: Unit
    departments: list[Unit]
    townships: list[Unit]
    villages: list[Unit]
    enforcers: list[Unit] = field(default_factory=list)


@dataclass
class Ctx:
    """What a maker needs: the county, the year, its own random stream and helpers."""

    county: County
    year: int
    rng: random.Random
    wd: Workdays
    today: date
    once: dict[str, list[Any]]  # records made once per county that yearly makers refer to

    def day(self) -> date:
        """A random working day in the year, never after today."""
        start = date(self.year, 1, 1)
        span = (min(date(self.year, 12, 31), self.today) - start).days
        return self.wd.on_or_after(start + timedelta(days=self.rng.randint(0, max(span, 0))))

    def done(self, d: date) -> bool:
        """Whether a step dated d has happened yet (future steps are left open)."""
        return d <= self.today

    def name(self) -> str:
        return self.rng.choice(SURNAMES) + "".join(self.rng.sample(GIVEN, self.rng.choice((1, 2))))

    def phone(self) -> str:
        return (
            "1" + self.rng.choice("3589") + "".join(str(self.rng.randint(0, 9)) for _ in range(9))
        )

    def pick(self, weights: dict[Any, float]) -> Any:
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def any_unit(self) -> Unit:
        c = self.county
        return self.rng.choice(c.departments + c.townships)


# ---------------------------------------------------------------------------- makers


def make_reconsideration(ctx: Ctx) -> Iterator[models.Model]:
    c, rng = ctx.county, ctx.rng
    outcomes = {
        ReviewOutcome.UPHOLD: 50,
        ReviewOutcome.REJECT_CLAIM: 10,
        ReviewOutcome.REJECT_APPLICATION: 4,
        ReviewOutcome.REVOKE: 6,
        ReviewOutcome.CONFIRM_ILLEGAL: 4,
        ReviewOutcome.ORDER_PERFORM: 3,
        ReviewOutcome.CHANGE: 1,
        reconsideration_rules.State.MEDIATED: 10,
        reconsideration_rules.State.SETTLED: 8,
        reconsideration_rules.State.TERMINATED: 4,
    }
    for n in range(1, rng.randint(10, 100) + 1):
        received = ctx.day()
        respondent = ctx.any_unit()
        app = Application(
            agency=c.unit,
            respondent=respondent,
            applicant_name=ctx.name(),
            act=f"{respondent.short_name or respondent.name}作出的行政行为",
            act_kind=rng.choice(ActKind.values),
            channel=rng.choice(reconsideration_rules.Channel.values[:3]),
            received_on=received,
            state=reconsideration_rules.State.RECEIVED,
        )
        _reconsideration_steps(ctx, app, n, outcomes)
        yield app
    for _ in range(rng.randint(0, 4)):
        accepted = ctx.day()
        closed = accepted + timedelta(days=rng.randint(30, 90))
        yield SuperiorCase(
            respondent=c.unit,
            superior_body=c.city.name,
            applicant_name=ctx.name(),
            act=f"{c.short}人民政府作出的行政行为",
            accepted_on=accepted,
            closed_on=closed if ctx.done(closed) else None,
            outcome=(ReviewOutcome.UPHOLD if rng.random() < 0.85 else ReviewOutcome.REVOKE)
            if ctx.done(closed)
            else "",
        )


def _reconsideration_steps(ctx: Ctx, app: Any, n: int, outcomes: dict[str, float]) -> None:
    c, rng, received = ctx.county, ctx.rng, app.received_on
    if rng.random() < 0.15:  # refused at the acceptance review (第30条: 5 working days)
        refused = ctx.wd.add(received, rng.randint(1, 5))
        if ctx.done(refused):
            app.state, app.refused_on, app.refusal_reason = (
                reconsideration_rules.State.REFUSED,
                refused,
                "不符合受理条件",
            )
            app.outcome = ReviewOutcome.NOT_ACCEPTED
        return
    accepted = ctx.wd.add(received, rng.randint(1, 5))
    if not ctx.done(accepted):
        return
    app.state, app.accepted_on = reconsideration_rules.State.ACCEPTED, accepted
    app.case_number = f"{c.short}政复〔{accepted.year}〕{n}号"
    app.procedure = Procedure.SIMPLIFIED if rng.random() < 0.2 else Procedure.ORDINARY
    # 行政复议法第62条: 60 days (simplified 30, 第64条), +30 once on approval.
    limit = 30 if app.procedure == Procedure.SIMPLIFIED else 60
    days = rng.randint(15, limit + 30)
    if days > limit:
        app.extended_on, app.extension_approved_by = (
            accepted + timedelta(days=limit - 5),
            "机关负责人",
        )
    app.copy_sent_on = ctx.wd.add(accepted, rng.randint(1, 7))
    app.reply_received_on = app.copy_sent_on + timedelta(days=rng.randint(3, 10))
    closed = accepted + timedelta(days=days)
    if not ctx.done(closed):
        app.state = (
            reconsideration_rules.State.REPLIED
            if ctx.done(app.reply_received_on)
            else reconsideration_rules.State.ACCEPTED
        )
        if not ctx.done(app.reply_received_on):
            app.reply_received_on = None
        if not ctx.done(app.copy_sent_on):
            app.copy_sent_on = None
        if app.extended_on and not ctx.done(app.extended_on):
            app.extended_on, app.extension_approved_by = None, ""
        return
    how = ctx.pick(outcomes)
    app.closed_on, app.handling_days = closed, days
    if how in (
        reconsideration_rules.State.MEDIATED,
        reconsideration_rules.State.SETTLED,
        reconsideration_rules.State.TERMINATED,
    ):
        app.state = how
        app.outcome = {
            reconsideration_rules.State.MEDIATED: ReviewOutcome.MEDIATED,
            reconsideration_rules.State.SETTLED: ReviewOutcome.SETTLED_WITHDRAWN,
            reconsideration_rules.State.TERMINATED: ReviewOutcome.TERMINATED,
        }[how]
    else:
        app.state, app.outcome = reconsideration_rules.State.DECIDED, how


def make_litigation(ctx: Ctx) -> Iterator[models.Model]:
    c, rng = ctx.county, ctx.rng
    for n in range(1, rng.randint(5, 60) + 1):
        filed = ctx.day()
        received = ctx.wd.add(filed, rng.randint(2, 5))
        unit = ctx.any_unit()
        suit = Lawsuit(
            unit=unit,
            court=f"{c.short}人民法院",
            case_number=f"（{ctx.year}）{c.code}行初{n}号",
            instance=Instance.FIRST,
            cause=rng.choice(
                [
                    "行政处罚",
                    "行政强制",
                    "土地行政征收",
                    "行政赔偿",
                    "不履行法定职责",
                    "政府信息公开",
                ]
            ),
            plaintiff_name=ctx.name(),
            filed_on=filed,
            received_on=received,
            state=litigation_rules.State.RECEIVED,
        )
        hearing = _litigation_steps(ctx, suit)
        yield suit
        if hearing is not None:
            yield hearing


def _litigation_steps(ctx: Ctx, suit: Any) -> Any:
    rng, received, unit, hearing = ctx.rng, suit.received_on, suit.unit, None
    # 行政诉讼法第67条: the defence within 15 days of receiving the complaint.
    defended = received + timedelta(days=rng.randint(5, 15))
    if not ctx.done(defended):
        return hearing
    suit.state, suit.defended_on = litigation_rules.State.DEFENDED, defended
    held_on = defended + timedelta(days=rng.randint(20, 90))
    if ctx.done(held_on):
        appeared = rng.random() < 0.8
        hearing = Hearing(
            lawsuit=suit,
            unit=unit,
            instance=Instance.FIRST,
            scheduled_on=held_on,
            held=True,
            held_on=held_on,
            appearance_required=True,
            appeared=appeared,
            position="副局长" if appeared else "",
            rank=LeaderRank.DEPUTY if appeared else "",
            identity_proof_ok=appeared,
            spoke=appeared,
            counts_as_appearance=appeared,
            notice_on_time=True,
        )
    closed = held_on + timedelta(days=rng.randint(10, 60))
    if not ctx.done(closed):
        return hearing
    lost = rng.random() < 0.12
    suit.state, suit.closed_on = litigation_rules.State.CONCLUDED, closed
    suit.outcome = (
        rng.choice([litigation_rules.Outcome.REVOKE, litigation_rules.Outcome.CONFIRM_ILLEGAL])
        if lost
        else litigation_rules.Outcome.DISMISS_CLAIM
    )
    suit.result = litigation_rules.Result.LOST if lost else litigation_rules.Result.WON
    suit.judgment_number = suit.case_number
    return hearing


def make_officers(ctx: Ctx) -> Iterator[models.Model]:
    """Enforcement officers (once per county): a person and a certificate each."""

    c, rng = ctx.county, ctx.rng
    people = []
    for n in range(rng.randint(300, 1000)):
        unit = rng.choice(c.enforcers)
        person = Person(unit=unit, name=ctx.name(), position="执法人员")
        people.append(person)
        issued = min(
            date(ctx.year - rng.randint(0, 4), rng.randint(1, 12), rng.randint(1, 28)), ctx.today
        )
        ctx.once.setdefault("certificates", []).append(
            Certificate(
                person=person,
                unit=unit,
                role=OfficerRole.OFFICER if rng.random() < 0.95 else OfficerRole.SUPERVISOR,
                number=f"{c.code}{n:06d}",
                field="综合执法",
                issuing_authority="省人民政府",
                issued_on=issued,
                valid_until=issued.replace(year=issued.year + 6),
                state=CertificateState.VALID,
            )
        )
    yield from people
    yield from ctx.once["certificates"]  # persons are saved first: same model order


def make_enforcement(ctx: Ctx) -> Iterator[models.Model]:
    c, rng = ctx.county, ctx.rng
    for cert in ctx.once.get("certificates", []):
        reviewed = ctx.wd.on_or_after(date(ctx.year, 3, rng.randint(1, 28)))
        if ctx.done(reviewed):
            passed = rng.random() < 0.97
            yield AnnualReview(
                certificate=cert,
                unit=cert.unit,
                role=cert.role,
                year=ctx.year,
                reviewed_on=reviewed,
                passed=passed,
                training_hours=rng.randint(20 if passed else 5, 60),
                reason="" if passed else "培训学时不足",
            )
    kinds = {
        CaseKind.PENALTY: 45,
        CaseKind.PERMIT: 25,
        CaseKind.INSPECTION: 20,
        CaseKind.COERCION: 5,
        CaseKind.LEVY: 5,
    }
    per_unit: dict[int, int] = {}
    for _ in range(rng.randint(5_000, 20_000)):
        unit = rng.choice(c.enforcers)
        per_unit[unit.pk] = n = per_unit.get(unit.pk, 0) + 1
        opened = ctx.day()
        kind = ctx.pick(kinds)
        case = Case(
            unit=unit,
            number=f"{unit.code}〔{ctx.year}〕{n}号",
            kind=kind,
            party_name=ctx.name(),
            party_kind=PartyKind.PERSON if rng.random() < 0.7 else PartyKind.LEGAL,
            matter=f"{kind}事项",
            opened_on=opened,
            state=CaseState.OPEN,
            is_major=rng.random() < 0.03,
            full_record=rng.random() < 0.9,
        )
        decided = ctx.wd.add(opened, rng.randint(1, 60))
        if ctx.done(decided):
            case.state, case.decided_on = CaseState.DECIDED, decided
            if case.is_major:
                case.legal_review_on = ctx.wd.add(opened, 1)
                case.legal_review_passed, case.legal_reviewer = True, "法制审核员"
            case.no_penalty = kind == CaseKind.PENALTY and rng.random() < 0.05
            # 国办发〔2018〕118号: decisions published within 7 working days.
            case.publication_due = ctx.wd.add(decided, 7)
            published = ctx.wd.add(decided, rng.randint(1, 9))
            if ctx.done(published):
                case.state, case.published_on = CaseState.PUBLISHED, published
                case.published_late = published > case.publication_due
        yield case


def make_decisions(ctx: Ctx) -> Iterator[models.Model]:
    c, rng = ctx.county, ctx.rng
    for n in range(rng.randint(2, 10)):
        decided = ctx.day()
        yield decisions_models.Decision(
            unit=c.unit,
            year=ctx.year,
            title=f"关于{c.short}第{n + 1}项重大事项的决策",
            lead_unit=rng.choice(c.departments),
            state=rng.choice(
                [
                    decisions_rules.State.DECIDED,
                    decisions_rules.State.PUBLISHED,
                    decisions_rules.State.IMPLEMENTING,
                ]
            )
            if ctx.done(decided)
            else decisions_rules.State.DRAFTING,
        )


def make_normdocs(ctx: Ctx) -> Iterator[models.Model]:
    c, rng = ctx.county, ctx.rng
    for n in range(1, rng.randint(5, 30) + 1):
        drafted = ctx.day()
        doc = Document(
            unit=c.unit,
            title=f"{c.short}人民政府关于第{n}项工作的规定",
            drafted_on=drafted,
            state=normdocs_rules.State.DRAFT,
        )
        _normdoc_steps(ctx, doc, n)
        yield doc


def _normdoc_steps(ctx: Ctx, doc: Any, n: int) -> None:
    c, rng, drafted = ctx.county, ctx.rng, doc.drafted_on
    reviewed = ctx.wd.add(drafted, rng.randint(5, 20))
    published = ctx.wd.add(reviewed, rng.randint(3, 15))
    if not ctx.done(published):
        return
    doc.review_received_on, doc.reviewed_on = ctx.wd.add(drafted, 2), reviewed
    doc.review_opinion = ReviewOpinion.PASS if rng.random() < 0.8 else ReviewOpinion.AMEND
    doc.adopted_on = doc.published_on = published
    doc.effective_from = published + timedelta(days=30)
    # Five years on (a 29 February is moved to 28 February: not every year has one).
    doc.valid_until = published.replace(
        year=published.year + 5,
        day=min(published.day, 28) if published.month == 2 else published.day,
    )
    doc.doc_no = f"{c.short}政〔{published.year}〕{n}号"
    doc.state = normdocs_rules.State.IN_FORCE
    doc.filing_authority = c.city
    # 备案: within 30 days of publication (法规规章备案条例第3条 by analogy; local rules).
    doc.filing_due = published + timedelta(days=30)
    filed = published + timedelta(days=rng.randint(3, 35))
    if ctx.done(filed):
        doc.filed_on, doc.filing_conform = filed, rng.random() < 0.95


def make_counsel_once(ctx: Ctx) -> Iterator[models.Model]:
    c, rng = ctx.county, ctx.rng
    for i in range(rng.randint(3, 8)):
        adviser = Counsel(
            unit=c.unit,
            kind=counsel_rules.Kind.ADVISER if i % 3 else counsel_rules.Kind.PUBLIC_LAWYER,
            name=ctx.name(),
            firm="某某律师事务所" if i % 3 else "",
            start_on=date(ctx.year, 1, 1),
        )
        ctx.once.setdefault("counsel", []).append(adviser)
        yield adviser


def make_opinions(ctx: Ctx) -> Iterator[models.Model]:
    c, rng = ctx.county, ctx.rng
    advisers = ctx.once.get("counsel", [])
    if not advisers:
        return
    for _ in range(rng.randint(50, 150)):
        yield Opinion(
            unit=c.unit,
            counsel=rng.choice(advisers),
            given_on=ctx.day(),
            subject=rng.choice(Subject.values),
            title="合法性审查意见",
        )


def make_committees(ctx: Ctx) -> Iterator[models.Model]:
    c = ctx.county
    for u in c.townships + c.villages:
        com = Committee(
            unit=u,
            name=f"{u.name}人民调解委员会",
            level=Level.TOWNSHIP if u.kind == UnitKind.TOWNSHIP else Level.VILLAGE,
            established_on=date(2010, 1, 1),
        )
        ctx.once.setdefault("committees", []).append(com)
        yield com


def make_mediation(ctx: Ctx) -> Iterator[models.Model]:
    rng = ctx.rng
    committees = ctx.once.get("committees", [])
    outcomes = {
        mediation_rules.Outcome.ORAL: 30,
        mediation_rules.Outcome.WRITTEN: 60,
        mediation_rules.Outcome.FAILED: 7,
        mediation_rules.Outcome.REFERRED: 3,
    }
    for n in range(1, rng.randint(500, 2_500) + 1):
        com = rng.choice(committees)
        received = ctx.day()
        d = Dispute(
            unit=com.unit,
            committee=com,
            number=f"{com.unit.code}-{ctx.year}-{n}",
            kind=rng.choice(mediation_rules.Kind.values),
            received_on=received,
            parties=f"{ctx.name()}、{ctx.name()}",
            party_count=2,
            state=mediation_rules.State.RECEIVED,
        )
        # 人民调解法 has no fixed period; most disputes close within a month.
        closed = received + timedelta(days=rng.randint(0, 30))
        if ctx.done(closed):
            d.outcome = ctx.pick(outcomes)
            d.closed_on = closed
            d.state = {
                mediation_rules.Outcome.ORAL: mediation_rules.State.SETTLED,
                mediation_rules.Outcome.WRITTEN: mediation_rules.State.SETTLED,
                mediation_rules.Outcome.FAILED: mediation_rules.State.FAILED,
                mediation_rules.Outcome.REFERRED: mediation_rules.State.REFERRED,
            }[d.outcome]
            if d.outcome == mediation_rules.Outcome.REFERRED:
                d.referred_to = "人民法院"
            if d.outcome == mediation_rules.Outcome.WRITTEN:
                d.agreement = "双方自愿达成协议。"
                if ctx.done(closed + timedelta(days=30)):
                    d.state = (
                        mediation_rules.State.PERFORMED
                        if rng.random() < 0.97
                        else mediation_rules.State.BREACHED
                    )
        yield d


def make_legalservices(ctx: Ctx) -> Iterator[models.Model]:
    c, rng = ctx.county, ctx.rng
    centre = c.departments[1]  # 司法局
    for n in range(1, rng.randint(200, 500) + 1):
        received = ctx.day()
        aid = AidApplication(
            unit=centre,
            number=f"{c.short}援〔{ctx.year}〕{n}号",
            applicant_name=ctx.name(),
            received_on=received,
            matter_kind=rng.choice(MatterKind.values),
            claim=rng.choice(Claim.values),
            migrant_worker=rng.random() < 0.3,
            state=legalservices_rules.State.RECEIVED,
        )
        _aid_steps(ctx, aid)
        yield aid
    for n in range(1, rng.randint(100, 500) + 1):
        yield Notarisation(
            unit=centre,
            number=f"（{ctx.year}）{c.code}证字第{n}号",
            kind=rng.choice(NotaryKind.values),
            applicant_name=ctx.name(),
            foreign=rng.random() < 0.1,
            issued_on=ctx.day(),
            fee_waived=rng.random() < 0.05,
        )


def _aid_steps(ctx: Ctx, aid: Any) -> None:
    rng, received = ctx.rng, aid.received_on
    # 法律援助法第43条: decide within 7 days of receiving the application.
    decided = received + timedelta(days=rng.randint(1, 8))
    if not ctx.done(decided):
        return
    aid.decided_on, aid.decision_on_time = decided, (decided - received).days <= 7
    if rng.random() < 0.05:
        aid.state, aid.decision, aid.refusal_reason = (
            legalservices_rules.State.REFUSED,
            legalservices_rules.Decision.REFUSED,
            "不符合经济困难标准",
        )
        return
    aid.decision, aid.state = (
        legalservices_rules.Decision.APPROVED,
        legalservices_rules.State.APPROVED,
    )
    assigned = decided + timedelta(days=rng.randint(0, 3))
    if not ctx.done(assigned):
        return
    aid.assigned_on, aid.lawyer, aid.state = (
        assigned,
        f"{ctx.name()}律师",
        legalservices_rules.State.ASSIGNED,
    )
    closed = assigned + timedelta(days=rng.randint(20, 200))
    if ctx.done(closed):
        aid.closed_on, aid.state = closed, legalservices_rules.State.CLOSED
        aid.result = ctx.pick(
            {
                legalservices_rules.Result.WON: 50,
                legalservices_rules.Result.PARTIAL: 15,
                legalservices_rules.Result.MEDIATED: 25,
                legalservices_rules.Result.LOST: 7,
                legalservices_rules.Result.TERMINATED: 3,
            }
        )


def make_disclosure(ctx: Ctx) -> Iterator[models.Model]:
    c, rng = ctx.county, ctx.rng
    for _ in range(rng.randint(2_000, 4_000)):
        yield ProactiveItem(
            unit=ctx.any_unit(),
            category=rng.choice(ProactiveCategory.values),
            title="政府信息",
            published_on=ctx.day(),
        )
    for n in range(1, rng.randint(10, 50) + 1):
        received = ctx.day()
        req = Request(
            number=f"{c.short}政公开〔{ctx.year}〕{n}号",
            unit=c.unit,
            applicant_name=ctx.name(),
            applicant_kind=rng.choice(ApplicantKind.values),
            content="申请公开的政府信息",
            channel=rng.choice(disclosure_rules.Channel.values),
            received_on=received,
            state=disclosure_rules.State.RECEIVED,
        )
        # 政府信息公开条例第33条: reply within 20 working days (+20 on approval).
        days = rng.randint(3, 25)
        replied = ctx.wd.add(received, days)
        if ctx.done(replied):
            req.state, req.replied_on = disclosure_rules.State.DONE, replied
            req.reply_type = ctx.pick(
                {
                    ReplyType.DISCLOSED: 50,
                    ReplyType.PARTIAL: 15,
                    ReplyType.NOT_HELD: 20,
                    ReplyType.QUERY: 15,
                }
            )
            if days > 20:
                req.extended_on, req.extension_approved_by = ctx.wd.add(received, 18), "机构负责人"
            req.replied_on_time = True
        yield req


def make_suggestions(ctx: Ctx) -> Iterator[models.Model]:
    c, rng = ctx.county, ctx.rng
    for n in range(1, rng.randint(60, 200) + 1):
        assigned = ctx.day()
        s = Suggestion(
            kind=SuggestionKind.NPC if rng.random() < 0.55 else SuggestionKind.CPPCC,
            number=f"第{n}号",
            title="关于改进工作的建议",
            proposer_name=ctx.name(),
            office=c.unit,
            unit=rng.choice(c.departments),
            assigned_on=assigned,
            state=SuggestionState.ASSIGNED,
        )
        # 3 months from assignment (DOMAIN.md; 国务院办公厅 rules on NPC suggestions).
        replied = assigned + timedelta(days=rng.randint(30, 95))
        if ctx.done(replied):
            s.state, s.replied_on = SuggestionState.REPLIED, replied
            s.category = ctx.pick({ReplyCategory.A: 60, ReplyCategory.B: 30, ReplyCategory.C: 10})
            s.replied_on_time = (replied - assigned).days <= 92
            evaluated = replied + timedelta(days=rng.randint(5, 30))
            if ctx.done(evaluated):
                s.state, s.evaluated_on = SuggestionState.EVALUATED, evaluated
                s.satisfaction = ctx.pick(
                    {
                        Satisfaction.SATISFIED: 85,
                        Satisfaction.BASIC: 13,
                        Satisfaction.DISSATISFIED: 2,
                    }
                )
        yield s


def make_publicity(ctx: Ctx) -> Iterator[models.Model]:
    c, rng = ctx.county, ctx.rng
    for _ in range(rng.randint(100, 300)):
        yield Activity(
            unit=ctx.any_unit(),
            title="普法宣传活动",
            held_on=ctx.day(),
            format=rng.choice(Format.values),
            target=rng.choice(Target.values),
            audience=rng.randint(20, 2_000),
            materials=rng.randint(0, 1_000),
        )
    for _ in range(rng.randint(4, 12)):
        yield StudySession(
            unit=c.unit,
            held_on=ctx.day(),
            kind=rng.choice(StudyKind.values),
            topic="习近平法治思想",
            attendees=rng.randint(10, 60),
        )


def make_helpers(ctx: Ctx) -> Iterator[models.Model]:
    for v in ctx.county.villages:
        for _ in range(ctx.rng.randint(2, 5)):
            yield LegalHelper(
                unit=v,
                name=ctx.name(),
                trained_on=date(ctx.year, 3, 1),
                appointed_on=date(ctx.year, 3, 15),
            )


Maker = Callable[[Ctx], Iterable[models.Model]]
ONCE: list[tuple[str, Maker]] = [
    ("officers", make_officers),
    ("counsel", make_counsel_once),
    ("committees", make_committees),
    ("helpers", make_helpers),
]
YEARLY: list[tuple[str, Maker]] = [
    ("reconsideration", make_reconsideration),
    ("litigation", make_litigation),
    ("enforcement", make_enforcement),
    ("decisions", make_decisions),
    ("normdocs", make_normdocs),
    ("counsel", make_opinions),
    ("mediation", make_mediation),
    ("legalservices", make_legalservices),
    ("disclosure", make_disclosure),
    ("oversight", make_suggestions),
    ("publicity", make_publicity),
]


# ---------------------------------------------------------------------------- the run


def _copy_insert(model: type[models.Model], batch: list[models.Model]) -> None:
    """Write a batch with PostgreSQL's COPY: primary keys are drawn from the table's own
    sequence first, so children built in the same run can point at their parents."""
    meta = model._meta
    table = connection.ops.quote_name(meta.db_table)
    pk_col = meta.pk.column
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    with connection.cursor() as cur:
        missing = [o for o in batch if o.pk is None]
        if missing:
            cur.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, pk_col, len(missing)],
            )
            for obj, (pk,) in zip(missing, cur.fetchall(), strict=True):
                obj.pk = pk
        cols = ", ".join(
            connection.ops.quote_name(c) for c in [pk_col, *(f.column for f in fields)]
        )
        # Plain values go to psycopg as they are (dates, Decimals, str enums); only fields
        # that compute their value (auto_now_add) or need conversion (JSON) go through Django.
        raw = [
            not (
                getattr(f, "auto_now_add", False)
                or getattr(f, "auto_now", False)
                or f.get_internal_type() == "JSONField"
            )
            for f in fields
        ]
        attnames = [f.attname for f in fields]
        with cur.cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as cp:
            for obj in batch:
                d = obj.__dict__
                cp.write_row(
                    [
                        obj.pk,
                        *(
                            d[a] if r else f.get_db_prep_save(f.pre_save(obj, add=True), connection)
                            for a, r, f in zip(attnames, raw, fields, strict=True)
                        ),
                    ]
                )
    for obj in batch:
        obj._state.adding = False
        obj._state.db = connection.alias


class SynthError(Exception):
    """A reason not to run, in Chinese."""


@dataclass
class Stats:
    rows: int = 0
    seconds: float = 0.0
    by_model: dict[str, int] = field(default_factory=dict)


class Generator:
    def __init__(
        self,
        *,
        seed: int = 1,
        start_year: int | None = None,
        years: int = 1,
        batch_size: int = 2_000,
        out: TextIO | None = None,
        today: date | None = None,
        use_copy: bool | None = None,
    ) -> None:
        self.today = today or timezone.localdate()
        self.seed = seed
        self.years = years
        self.start_year = start_year if start_year is not None else self.today.year - years
        self.batch_size = batch_size
        self.out = out if out is not None else sys.stderr
        self.stats = Stats()
        self._pending: dict[type[models.Model], list[models.Model]] = {}
        self.wd: Workdays | None = None
        # PostgreSQL: COPY instead of INSERT (about 3x the rows per second, measured in
        # BENCHMARKS.md); elsewhere Django's bulk_create.
        self.copy = connection.vendor == "postgresql" if use_copy is None else use_copy

    # -- writing

    def _add(self, obj: models.Model) -> None:
        model = type(obj)
        batch = self._pending.setdefault(model, [])
        batch.append(obj)
        if len(batch) >= self.batch_size:
            self._flush(model)

    def _flush(self, model: type[models.Model] | None = None) -> None:
        models_ = [model] if model else list(self._pending)
        for m in models_:
            batch = self._pending.pop(m, [])
            if not batch:
                continue
            # A record whose parent was built in the same run gets the parent's pk now.
            for obj in batch:
                for f in m._meta.concrete_fields:
                    if f.is_relation and f.name in obj._state.fields_cache:
                        parent = obj._state.fields_cache[f.name]
                        if parent is not None:
                            setattr(obj, f.attname, parent.pk)
            if self.copy:
                _copy_insert(m, batch)
            else:
                m.objects.bulk_create(batch, batch_size=self.batch_size)
            self.stats.rows += len(batch)
            label = m._meta.label
            self.stats.by_model[label] = self.stats.by_model.get(label, 0) + len(batch)

    def _write(self, objs: Iterable[models.Model]) -> None:
        for obj in objs:
            # Parents (Person before Certificate, Lawsuit before Hearing) must be saved first.
            for f in type(obj)._meta.concrete_fields:
                if f.is_relation and f.name in obj._state.fields_cache:
                    parent = obj._state.fields_cache[f.name]
                    if parent is not None and parent.pk is None:
                        self._flush(type(parent))
            self._add(obj)
        self._flush()

    # -- units

    def _units(self, objs: list[Unit], parent_paths: dict[int | None, str]) -> list[Unit]:
        Unit.objects.bulk_create(objs, batch_size=self.batch_size)
        for u in objs:
            u.path = f"{parent_paths.get(u.parent_id, '')}{u.pk:0{PATH_WIDTH}d}."
            u.depth = len(u.path) // (PATH_WIDTH + 1) - 1
        Unit.objects.bulk_update(objs, ["path", "depth"], batch_size=self.batch_size)
        self.stats.rows += len(objs)
        self.stats.by_model["org.Unit"] = self.stats.by_model.get("org.Unit", 0) + len(objs)
        return objs

    def _province(self, tag: str) -> Unit:
        existing = Unit.objects.filter(code=f"SY{tag}").first()
        if existing:
            return existing
        return self._units(
            [
                Unit(
                    name=f"合成{tag}省人民政府",
                    short_name=f"合成{tag}省",
                    code=f"SY{tag}",
                    kind=UnitKind.PROVINCE,
                )
            ],
            {},
        )[0]

    def _county(
        self, index: int, province: Unit, cities: dict[int, Unit], rng: random.Random
    ) -> County:
        city_no = index // 10
        if city_no not in cities:
            city = Unit(
                name=f"{CITY_STEMS[city_no % 10]}{city_no // 10 or ''}州市人民政府",
                short_name=f"{CITY_STEMS[city_no % 10]}州市",
                code=f"{province.code}-C{city_no:02d}",
                kind=UnitKind.CITY,
                parent=province,
            )
            cities[city_no] = self._units([city], {province.pk: province.path})[0]
        city = cities[city_no]
        short = f"{COUNTY_STEMS[index % len(COUNTY_STEMS)]}{index // len(COUNTY_STEMS) or ''}县"
        code = f"{province.code}-{index:03d}"
        county = self._units(
            [
                Unit(
                    name=f"{short}人民政府",
                    short_name=short,
                    code=code,
                    kind=UnitKind.COUNTY,
                    parent=city,
                )
            ],
            {city.pk: city.path},
        )[0]
        n_dept = rng.randint(40, 80)
        # Each unit below the county: (name, code, parent, sort order).
        depts = _unsaved(UnitKind.DEPARTMENT, (
            (
                f"{short}{DEPARTMENT_NAMES[i % len(DEPARTMENT_NAMES)]}{i // len(DEPARTMENT_NAMES) or ''}",
                f"{code}-D{i:02d}", county, i,
            )
            for i in range(n_dept)
        ))
        towns = _unsaved(UnitKind.TOWNSHIP, (
            (f"{COUNTY_STEMS[(index + i) % len(COUNTY_STEMS)]}{i}镇人民政府", f"{code}-T{i:02d}", county, 100 + i)
            for i in range(rng.randint(10, 20))
        ))
        self._units(depts + towns, {county.pk: county.path})
        n_villages = rng.randint(100, 500)
        villages = _unsaved(UnitKind.VILLAGE, (
            (
                f"{rng.choice(SURNAMES)}{'家庄 营 湾 店 楼 寨 桥 岗'.split()[i % 8]}{i}村",
                f"{code}-V{i:03d}", towns[i % len(towns)], 1000 + i,
            )
            for i in range(n_villages)
        ))
        self._units(villages, {t.pk: t.path for t in towns})
        # Enforcement bodies: most departments hold some enforcement power; townships too
        # since the 2021 delegation of enforcement to townships (行政处罚法第24条).
        enforcers = depts[1:] + towns
        return County(
            index, code, county.name, short, county, city, depts, towns, villages, enforcers
        )

    # -- the whole run

    def run(self, counties: int, *, append: bool = False) -> Stats:
        if counties < 1 or self.years < 1:
            raise SynthError("县数和年数都必须至少为 1。")
        if self.start_year + self.years - 1 > self.today.year:
            raise SynthError(
                f"起始年份 {self.start_year} 加 {self.years} 年超过了今年（{self.today.year}），不能生成未来的数据。"
            )
        if Unit.objects.exists() and not append:
            raise SynthError("数据库中已有单位数据。合成数据只能写入空库；确需追加请加 --append。")
        self.wd = Workdays(self.start_year - 6, self.start_year + self.years)
        # Appending: a new province tag, so codes never collide with an earlier run.
        tag = f"{self.seed}"
        n = 0
        while Unit.objects.filter(code=f"SY{tag}").exists() and append:
            n += 1
            tag = f"{self.seed}x{n}"
        started = time.perf_counter()
        with transaction.atomic():
            province = self._province(tag)
        cities: dict[int, Unit] = {}
        for i in range(counties):
            t0 = time.perf_counter()
            rows0 = self.stats.rows
            # One transaction per county: a failure leaves whole counties, never half of one.
            with transaction.atomic():
                rng = random.Random(f"{self.seed}:{i}:units")
                county = self._county(i, province, cities, rng)
                once: dict[str, list[Any]] = {}
                for name, maker in ONCE:
                    ctx = self._ctx(county, self.start_year, name, once)
                    self._write(maker(ctx))
                for year in range(self.start_year, self.start_year + self.years):
                    for name, maker in YEARLY:
                        self._write(maker(self._ctx(county, year, name, once)))
            dt = time.perf_counter() - t0
            rows = self.stats.rows - rows0
            print(
                f"[{i + 1}/{counties}] {county.name}：{rows:,} 条，{dt:.1f} 秒，{rows / dt if dt else 0:,.0f} 条/秒；"
                f"累计 {self.stats.rows:,} 条",
                file=self.out,
                flush=True,
            )
        self.stats.seconds = time.perf_counter() - started
        figcache.data_changed()  # bulk inserts send no signals
        return self.stats

    def _ctx(self, county: County, year: int, name: str, once: dict[str, list[Any]]) -> Ctx:
        assert self.wd is not None  # noqa: S101 - set by run()
        rng = random.Random(f"{self.seed}:{county.index}:{year}:{name}")
        return Ctx(county=county, year=year, rng=rng, wd=self.wd, today=self.today, once=once)
