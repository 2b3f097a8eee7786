"""Enforcement indicators (codes of the shared INDICATORS.md; helper codes noted).

Each `where` is a Q over one model for the period, so a figure and the records behind
it (`engine.records`) cannot disagree. Helper codes not in INDICATORS.md:
`enforcement_cases_<kind>` (the split by kind), `enforcement_supervisors_passed_review`,
`enforcement_no_penalty_leniency`, `enforcement_major_reviewed`,
`enforcement_publishable`, `enforcement_published_on_time`,
`enforcement_publication_timely_rate`, `case_files_failed`.
"""

from __future__ import annotations

from django.db.models import Q

from fazhi.enforcement.rules import PUBLISHED_KINDS, CaseKind, Grade, OfficerRole
from fazhi.indicators.catalogue import Period, counts, rates

CERT = "enforcement.Certificate"
REVIEW = "enforcement.AnnualReview"
CASE = "enforcement.Case"
FILE = "enforcement.FileReview"
LETTER = "enforcement.SupervisionLetter"


def _in(field: str, p: Period) -> Q:
    return Q(**{f"{field}__gte": p.start, f"{field}__lte": p.end})


def valid_at_end(role: str):  # noqa: ANN201 - a Where
    def where(p: Period) -> Q:
        return Q(role=role, issued_on__lte=p.end, valid_until__gte=p.end) & (
            Q(cancelled_on__isnull=True) | Q(cancelled_on__gt=p.end)
        )

    return where


def reviews(role: str, passed: bool):  # noqa: ANN201 - a Where
    return lambda p: Q(role=role, passed=passed, year__gte=p.start.year, year__lte=p.end.year)


def decided(p: Period) -> Q:
    return _in("decided_on", p)


def _kind(kind: str):  # noqa: ANN201 - a Where
    return lambda p: decided(p) & Q(kind=kind)


def publishable(p: Period) -> Q:
    return decided(p) & Q(kind__in=list(PUBLISHED_KINDS))


INDICATORS = [
    # Each table row: code, name, unit, which records, definition.
    *counts(CERT, [
        ("enforcers_certified", "持证行政执法人员", "名", valid_at_end(OfficerRole.OFFICER), "期末持有有效行政执法证件（已发证、未过有效期、未注销）的行政执法人员人数。"),
    ]),
    *counts(REVIEW, [
        ("enforcers_passed_review", "执法证年度审验通过", "名", reviews(OfficerRole.OFFICER, True), "审验年度在期间内、审验通过的行政执法人员人数（每证每年度审验一次）。"),
        ("enforcers_failed", "审验未通过(注销)", "名", reviews(OfficerRole.OFFICER, False), "审验年度在期间内、审验未通过并注销执法证件的行政执法人员人数。"),
    ]),
    *counts(CERT, [
        ("enforcement_supervisors", "行政执法监督人员", "名", valid_at_end(OfficerRole.SUPERVISOR), "期末持有有效行政执法监督证件的监督人员人数。"),
    ]),
    *counts(REVIEW, [
        ("enforcement_supervisors_passed_review", "执法监督证年度审验通过", "名", reviews(OfficerRole.SUPERVISOR, True), "审验年度在期间内、审验通过的行政执法监督人员人数。"),
        ("enforcers_trained", "执法培训", "人次", lambda p: Q(year__gte=p.start.year, year__lte=p.end.year, training_hours__gt=0), "审验年度在期间内、登记了年度培训学时（大于0）的执法人员和监督人员人次（每人每年度计1人次）。"),
    ]),
    *counts(CASE, [
        ("enforcement_cases", "行政执法案件", "件", decided, "期间内作出决定（办结）的行政执法案件件数，含处罚、许可、强制、检查、征收和其他。"),
        *[
            (f"enforcement_cases_{k.value}", f"{k.label}案件", "件", _kind(k.value), f"期间内作出决定（办结）的{k.label}案件件数。")
            for k in CaseKind
        ],
        ("enforcement_no_penalty_leniency", "适用包容审慎清单不予处罚", "件", lambda p: decided(p) & Q(no_penalty=True, leniency_item__isnull=False), "期间内依据本单位或上级公布的首违不罚、轻微不罚、无主观过错不罚清单决定不予处罚的案件件数（行政处罚法第33条）。"),
        ("enforcement_major_reviewed", "重大执法决定法制审核", "件", lambda p: decided(p) & Q(is_major=True, legal_review_passed=True), "期间内作出的、经法制审核通过的重大执法决定件数（行政处罚法第58条）。"),
        ("enforcement_publishable", "应公示执法决定", "件", publishable, "期间内作出、应当公示的执法决定件数（行政检查除外）。"),
        ("enforcement_published_on_time", "按期公示执法决定", "件", lambda p: publishable(p) & Q(published_on__isnull=False, published_late=False), "期间内作出、并在法定期限内公示的执法决定件数（许可、处罚7个工作日，其他20个工作日，国办发〔2018〕118号）。"),
    ]),
    *rates([
        # code, name, numerator, denominator, definition
        ("enforcement_publication_timely_rate", "执法决定按期公示率", "enforcement_published_on_time", "enforcement_publishable", "按期公示率 = 按期公示执法决定件数 ÷ 应公示执法决定件数 × 100%。"),
    ], decimals=2),
    *counts(FILE, [
        ("case_files_reviewed", "评查案卷", "卷", lambda p: _in("reviewed_on", p), "期间内完成评查的行政执法案卷数（按评查日期计）。"),
        ("case_files_failed", "评查不合格案卷", "卷", lambda p: _in("reviewed_on", p) & Q(grade=Grade.FAIL), "期间内评查为不合格（含触及否决项）的案卷数。"),
    ]),
    *counts(LETTER, [
        ("enforcement_supervision_letters", "行政执法监督意见书", "份", lambda p: _in("issued_on", p), "期间内制发的行政执法监督意见书份数（按制发日期计，按送达单位归属）。"),
    ]),
]
