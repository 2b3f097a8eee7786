"""Demo records that reproduce seed 001's 2022 enforcement figures.

"开展2022年度行政执法证件年度审验工作，全县1008名行政执法人员通过审验，10名行政执法人员未通过审验
并注销其执法证件，22名行政执法监督人员通过审验" and "各执法单位执法案件县级评查全覆盖" — so:

- 1,018 officers and 22 supervisors across the enforcing departments, bulk-created
  (people, certificates, and the 1,008 passed 2022 reviews) to keep the demo fast;
  the 10 failed reviews (which cancel the certificate) and the 22 supervisors'
  reviews go through `apply()`;
- 2022 cases of every kind for every enforcing department, bulk-created as history
  (their publication lateness from the deadlines arithmetic), a few major decisions
  with their legal review, some no-penalty cases under the published leniency lists;
- a scoring sheet and case-file reviews covering every enforcing department;
  supervision letters with rectification and follow-up; each department's 2022 data
  publication, published in January 2023;
- open cases, certificates about to expire and an open letter this year, so that the
  due list has red, yellow and green items.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from fazhi.core.demo import DemoContext, add_workdays
from fazhi.deadlines.services import DueDates
from fazhi.enforcement.models import (
    AnnualReview,
    Case,
    Certificate,
    DataPublication,
    FileReview,
    LeniencyItem,
    LeniencyList,
    ReviewSheet,
    SupervisionLetter,
    open_renewal_deadlines,
)
from fazhi.enforcement.rules import (
    CancelReason,
    CaseKind,
    CertificateState,
    CriterionTier,
    LeniencyKind,
    OfficerRole,
    PartyKind,
)
from fazhi.org.models import Person

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶"
GIVEN = "国华建军明强伟芳秀英丽敏静玉兰桂荣海涛志刚春梅德才"
# Departments without enforcement powers of their own (the rest enforce).
NON_ENFORCING = {"确山县人民政府办公室", "确山县审计局", "确山县退役军人事务局"}
SUPERVISION_UNIT = "确山县司法局"
PASSED, FAILED, SUPERVISORS = 1008, 10, 22  # seed 001, 2022
# Each kind of case: what its cases are about, and its weight among a unit's cases.
CASE_KINDS = {
    CaseKind.PENALTY: ("违法经营行为", 10),
    CaseKind.PERMIT: ("行政许可申请", 12),
    CaseKind.INSPECTION: ("双随机一公开检查", 14),
    CaseKind.COERCION: ("查封扣押财物", 2),
    CaseKind.LEVY: ("依法征收费用", 1),
    CaseKind.OTHER: ("行政确认", 1),
}


def enforcing_units(ctx: DemoContext) -> list[Any]:
    return [u for u in ctx.departments if u.name not in NON_ENFORCING]


class _Maker:
    def __init__(self, ctx: DemoContext) -> None:
        self.ctx = ctx
        self.by = ctx.users["coordinator"]
        self.rng = ctx.rng
        self.units = enforcing_units(ctx)

    def name(self) -> str:
        return self.rng.choice(SURNAMES) + "".join(self.rng.sample(GIVEN, self.rng.choice((1, 2))))

    def day_in(self, year: int, first: int = 1, last: int = 365) -> date:
        return date(year, 1, 1) + timedelta(days=self.rng.randint(first, last) - 1)

    # ------------------------------------------------------------ officers

    def officers(self) -> None:
        ctx, today = self.ctx, self.ctx.today
        supervision = ctx.unit(SUPERVISION_UNIT)
        slots = [
            (self.units[i % len(self.units)], OfficerRole.OFFICER) for i in range(PASSED + FAILED)
        ]
        slots += [(supervision, OfficerRole.SUPERVISOR)] * SUPERVISORS
        people = Person.objects.bulk_create(
            [
                Person(
                    unit=unit,
                    name=self.name(),
                    position="行政执法人员" if role == OfficerRole.OFFICER else "行政执法监督人员",
                )
                for unit, role in slots
            ]
        )
        certs = []
        for n, (person, (unit, role)) in enumerate(zip(people, slots, strict=True), start=1):
            issued = self.day_in(self.rng.choice((2019, 2020, 2021)))
            # Valid beyond today so that "who may enforce today" is the 2022 picture,
            # except a handful expiring around today for the due list.
            until = today + timedelta(days=self.rng.randint(200, 1200))
            if n % 150 == 0:
                until = today + timedelta(days=self.rng.choice((10, 25, 45, 80)))
            prefix = "豫A" if role == OfficerRole.OFFICER else "豫J"
            certs.append(
                Certificate(
                    person=person,
                    unit=unit,
                    role=role,
                    number=f"{prefix}{41172500000 + n}",
                    field=(unit.short_name or unit.name).replace("确山县", "") or "综合",
                    issuing_authority="河南省人民政府",
                    issued_on=issued,
                    valid_until=until,
                    state=CertificateState.VALID,
                )
            )
        certs = Certificate.objects.bulk_create(certs)
        officers = [c for c in certs if c.role == OfficerRole.OFFICER]
        failing = set(self.rng.sample(range(len(officers)), FAILED))
        reviews = []
        for i, cert in enumerate(officers):
            if i in failing:
                continue
            reviews.append(
                AnnualReview(
                    certificate=cert,
                    unit=cert.unit,
                    role=cert.role,
                    year=2022,
                    passed=True,
                    reviewed_on=self.day_in(2022, 320, 350),
                    training_hours=self.rng.randint(40, 72),
                )
            )
        AnnualReview.objects.bulk_create(reviews)
        for i in sorted(failing):
            officers[i].apply(
                "fail_review",
                by=self.by,
                on=date(2022, 12, 20),
                year=2022,
                training_hours=self.rng.randint(8, 30),
                reason="年度培训学时不足、未参加年度考试",
            )
        for cert in (c for c in certs if c.role == OfficerRole.SUPERVISOR):
            cert.apply(
                "pass_review",
                by=self.by,
                on=date(2022, 12, 16),
                year=2022,
                training_hours=self.rng.randint(48, 80),
            )
        # One officer moved to a post without enforcement duties this year: may not enforce today.
        leaver = officers[0] if 0 not in failing else officers[1]
        leaver.apply(
            "cancel",
            by=self.by,
            on=today - timedelta(days=20),
            cancel_reason=CancelReason.LEFT_POST,
        )
        open_renewal_deadlines([c for c in certs if c.state == CertificateState.VALID], today=today)
        # One holder renewed in time this year (换证 through the workflow): met on the due list.
        renewing = next(
            c
            for c in officers
            if c.state == CertificateState.VALID and c.valid_until <= today + timedelta(days=90)
        )
        renewing.apply(
            "renew",
            by=self.by,
            on=today,
            valid_until=renewing.valid_until.replace(year=renewing.valid_until.year + 5),
            new_number=renewing.number.replace("豫A", "豫B"),
        )

    # ------------------------------------------------------------ leniency lists

    def leniency(self) -> list[LeniencyItem]:
        """The published lists, made the way the leniency screens make them."""
        items = []
        for unit_name, kind, title, violations in (
            (
                "确山县市场监督管理局",
                LeniencyKind.FIRST,
                "确山县市场监管领域首违不罚事项清单",
                ["未按规定公示营业执照", "未按规定办理年度报告"],
            ),
            (
                "确山县交通运输局",
                LeniencyKind.MINOR,
                "确山县交通运输领域轻微违法行为不予处罚清单",
                ["道路运输车辆未随车携带道路运输证", "超限运输轻微且当场卸载"],
            ),
            (
                "驻马店市生态环境局确山分局",
                LeniencyKind.NO_FAULT,
                "确山县生态环境领域无主观过错不予处罚清单",
                ["因不可抗力导致污染防治设施短时停运并及时报告"],
            ),
        ):
            unit = self.ctx.units.get(unit_name)
            if unit is None:
                continue
            lst = LeniencyList.save_with_items(
                by=self.by,
                instance=LeniencyList(
                    unit=unit,
                    kind=kind,
                    title=title,
                    document_number=f"{title[:4]}〔2022〕1号",
                    published_on=date(2022, 3, 15),
                ),
                items=[
                    {
                        "violation": v,
                        "legal_basis": "《中华人民共和国行政处罚法》第三十三条",
                        "conditions": "初次违法、危害后果轻微并及时改正"
                        if kind != LeniencyKind.NO_FAULT
                        else "当事人有证据足以证明没有主观过错",
                    }
                    for v in violations
                ],
            )
            items.extend(lst.items.order_by("id"))
        return items

    # ------------------------------------------------------------ cases

    def history(self, items: list[LeniencyItem]) -> list[Case]:
        due = DueDates()
        kinds = [k for k, (_matter, weight) in CASE_KINDS.items() for _ in range(weight)]
        cases = []
        by_unit = {i.unit_id: i for i in items}
        for unit in self.units:
            for n in range(self.rng.randint(30, 50)):
                kind = self.rng.choice(kinds)
                opened = self.day_in(2022, 1, 330)
                decided = add_workdays(opened, self.rng.randint(1, 40))
                published = (
                    add_workdays(decided, self.rng.randint(1, 6))
                    if kind != CaseKind.INSPECTION
                    else None
                )
                if published and n % 17 == 5:
                    published = add_workdays(decided, 25)  # late: the 三项制度 finding
                c = Case(
                    unit=unit,
                    number=f"{unit.code}-2022-{n + 1:04d}",
                    kind=kind,
                    party_name=self.name(),
                    party_kind=self.rng.choice(PartyKind.values),
                    matter=CASE_KINDS[kind][0],
                    opened_on=opened,
                    decided_on=decided,
                    published_on=published,
                    full_record=n % 23 != 7,
                )
                if kind == CaseKind.PENALTY and n % 11 == 3:
                    c.is_major = True
                    c.legal_review_on, c.legal_review_passed, c.legal_reviewer = (
                        decided - timedelta(days=3),
                        True,
                        "法制审核员",
                    )
                    c.opened_on = min(opened, c.legal_review_on)
                if (
                    kind == CaseKind.PENALTY
                    and unit.pk in by_unit
                    and n % 4 == 0
                    and decided >= date(2022, 3, 15)
                ):
                    c.no_penalty, c.leniency_item = True, by_unit[unit.pk]
                c.prepare_history(due)
                c.clean()  # the register's rules; the foreign keys are the demo's own
                cases.append(c)
        return Case.objects.bulk_create(cases)

    def current(self) -> None:
        """Open cases this year: penalty periods and publications running (red/yellow/green)."""
        today = self.ctx.today
        for i, unit in enumerate(self.units[:6]):
            opened = today - timedelta(days=(95, 80, 40, 10, 60, 30)[i])
            c = Case.register(
                by=self.by,
                unit=unit,
                kind=CaseKind.PENALTY,
                party_name=self.name(),
                party_kind=PartyKind.PERSON,
                matter="违法经营行为",
                opened_on=opened,
            )
            if i >= 4:
                decided = today - timedelta(days=(12, 3)[i - 4])
                c.apply("decide", by=self.by, on=decided, full_record=True)

    # ------------------------------------------------------------ case-file review and supervision

    def reviews(self, cases: list[Case]) -> list[FileReview]:
        county_office = self.ctx.unit(SUPERVISION_UNIT)
        sheet = ReviewSheet.create(
            by=self.by,
            unit=county_office,
            name="确山县2022年度行政处罚案卷评查标准",
            year=2022,
            criteria=[
                (CriterionTier.VETO, "执法主体不合法或执法人员无执法资格", 0),
                (CriterionTier.VETO, "执法人员少于2人", 0),
                (CriterionTier.VETO, "事实不清、证据不足", 0),
                (CriterionTier.FORM, "统一文书格式、一案一卷、卷内目录和页码", 20),
                (CriterionTier.SUBSTANCE, "事实清楚、证据确凿", 25),
                (CriterionTier.SUBSTANCE, "适用法律正确", 20),
                (CriterionTier.SUBSTANCE, "程序合法、文书齐全", 20),
                (CriterionTier.SUBSTANCE, "裁量适当、说理充分", 15),
            ],
        )
        scored = [c for c in sheet.criteria.all() if c.tier != CriterionTier.VETO]
        veto = sheet.criteria.filter(tier=CriterionTier.VETO).last()
        by_unit: dict[int, list[Case]] = {}
        for c in cases:
            by_unit.setdefault(c.unit_id, []).append(c)
        done = []
        for unit in self.units:
            for k, c in enumerate(self.rng.sample(by_unit[unit.pk], 2)):
                deductions = {x.pk: self.rng.choice((0, 0, 1, 2, 3, 5)) for x in scored}
                done.append(
                    FileReview.record(
                        by=self.by,
                        unit=unit,
                        sheet=sheet,
                        case=c,
                        file_number=c.number,
                        reviewed_on=date(2022, 11, 15 + k),
                        reviewers=f"{self.name()}、{self.name()}",
                        deductions=deductions,
                        vetoes=[veto.pk] if (unit.pk + k) % 13 == 0 else [],
                        findings="卷内文书编号不连续" if deductions[scored[0].pk] else "",
                    )
                )
        return done

    def letters(self, reviews: list[FileReview]) -> None:
        issuer = self.ctx.unit(SUPERVISION_UNIT)
        weak = sorted(reviews, key=lambda r: r.score)[:3]
        for n, r in enumerate(weak, start=1):
            letter = SupervisionLetter.issue(
                by=self.by,
                issuer=issuer,
                recipient=r.unit,
                number=f"确司执监〔2022〕{n}号",
                issued_on=date(2022, 11, 25),
                problems=f"案卷评查发现：{r.findings or '案卷不规范'}",
                file_review=r,
            )
            letter.apply(
                "report", by=self.by, on=date(2022, 12, 20 + n), report="已组织整改并完善案卷"
            )
            letter.apply("verify", by=self.by, on=date(2022, 12, 28 + n))
        recipient = self.units[5]
        SupervisionLetter.issue(
            by=self.by,
            issuer=issuer,
            recipient=recipient,
            number=f"确司执监〔{self.ctx.today.year}〕1号",
            issued_on=self.ctx.today - timedelta(days=20),
            problems="行政处罚决定未在7个工作日内公示",
        )

    def publications(self) -> None:
        for unit in self.units:
            pub = DataPublication.prepare(by=self.by, unit=unit, year=2022)
            pub.apply(
                "publish",
                by=self.by,
                on=date(2023, 1, self.rng.randint(10, 30)),
                where="确山县人民政府门户网站",
            )


def load(ctx: DemoContext) -> None:
    maker = _Maker(ctx)
    maker.officers()
    items = maker.leniency()
    cases = maker.history(items)
    maker.current()
    reviews = maker.reviews(cases)
    maker.letters(reviews)
    maker.publications()
