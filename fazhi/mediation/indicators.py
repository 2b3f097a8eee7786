"""Indicators fed by the people's mediation register (codes of the shared catalogue).

Disputes count in the period in which the committee received (受理) them; the success
rate is over the same disputes, as the usual statistic states it (统计口径：调解成功件数
÷ 受理纠纷件数, shared `domain/statutes.md` §9). A dispute still being mediated counts in
the denominator and not yet in the numerator.
"""

from __future__ import annotations

from django.db.models import Q

from fazhi.core.validators import active_on
from fazhi.indicators.catalogue import count, counts, rates, totals
from fazhi.indicators.q import dated, narrowed
from fazhi.mediation import rules
from fazhi.mediation.rules import Level, Outcome

DISPUTE = "mediation.Dispute"


received = dated("received_on")


INDICATORS = [
    *counts("mediation.Committee", [
        # code, name, unit, which records, definition
        ("mediation_committees", "人民调解委员会", "个", lambda p: active_on(p.end, "established_on", "dissolved_on"), "期末存续的人民调解委员会个数（村居、乡镇街道、行业性专业性、企事业单位调委会）。"),
    ]),
    *[
        count(
            f"mediation_committees_{level.value}",
            level.label,
            "个",
            model="mediation.Committee",
            where=lambda p, level=level: (
                active_on(p.end, "established_on", "dissolved_on") & Q(level=level)
            ),
            definition=f"期末存续的{level.label}个数（人民调解法第8条、第34条）。",
        )
        for level in Level
    ],
    *counts("mediation.Mediator", [
        ("mediators", "人民调解员", "名", lambda p: active_on(p.end, "appointed_on", "left_on"), "期末在任的人民调解员人数（含专职、兼职）。"),
    ]),
    *counts(DISPUTE, [
        ("mediation_cases", "调处矛盾纠纷", "件", received, "期内各级人民调解组织受理（调处）的矛盾纠纷件数，按受理日期计。"),
        ("mediation_success", "调解成功", "件", narrowed(received, outcome__in=rules.SUCCESS_OUTCOMES), "期内受理的纠纷中达成调解协议（口头协议或书面协议）的件数。"),
    ]),
    *rates([
        # code, name, numerator, denominator, definition
        ("mediation_rate", "调解成功率", "mediation_success", "mediation_cases", "调解成功件数 ÷ 受理纠纷件数 × 100%（分子分母均为期内受理的纠纷；尚在调解中的计入分母）。"),
    ]),
    *counts(DISPUTE, [
        ("mediation_oral", "口头协议", "件", narrowed(received, outcome=Outcome.ORAL), "期内受理的纠纷中达成口头调解协议的件数（人民调解法第28条）。"),
        ("mediation_written", "书面协议", "件", narrowed(received, outcome=Outcome.WRITTEN), "期内受理的纠纷中达成书面调解协议的件数（人民调解法第28、29条）。"),
    ]),
    *totals(DISPUTE, [
        # code, name, unit, summed field, which records, definition
        ("mediation_amount", "涉及金额", "万元", "amount", received, "期内受理的纠纷登记的涉及金额之和，单位万元（保留两位小数）。"),
    ], decimals=2, scale=10000),
    *counts(DISPUTE, [
        ("mediation_followed_up", "回访协议", "件", lambda p: (received(p) & Q(outcome__in=rules.SUCCESS_OUTCOMES, followed_up_on__isnull=False)), "期内受理并达成协议的纠纷中已回访履行情况的件数。"),
        ("mediation_performed", "协议已履行", "件", narrowed(received, state=rules.State.PERFORMED), "期内受理并达成协议的纠纷中回访确认已履行的件数。"),
    ]),
    *rates([
        ("mediation_performance_rate", "协议履行率", "mediation_performed", "mediation_followed_up", "回访确认已履行的协议件数 ÷ 已回访的协议件数 × 100%。"),
    ]),
    *counts(DISPUTE, [
        ("mediation_judicial_confirmations", "申请司法确认", "件", dated("confirmation_applied_on"), "期内当事人共同向人民法院申请司法确认的调解协议件数（人民调解法第33条）。"),
    ]),
]
