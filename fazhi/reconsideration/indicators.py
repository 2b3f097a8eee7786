"""Reconsideration indicators (codes of the shared INDICATORS.md; helper codes noted).

Each `where` is a Q over one model for the period, so a figure and the records behind
it (`engine.records`) cannot disagree. Every definition says in Chinese what is
counted, and for a rate its numerator and denominator; the screens show it.

Helper code not in INDICATORS.md: `recon_correction_base` (the 纠错率 denominator,
configurable by FAZHI_RECON_CORRECTION_BASE, statutes.md §1.8).
Average and longest handling time (recon_avg_days, recon_max_days) are computed over
exactly the records behind recon_closed.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from fazhi.indicators.catalogue import Period, average, counts, maximum, rates
from fazhi.indicators.q import dated, narrowed
from fazhi.reconsideration import rules
from fazhi.reconsideration.rules import ReviewOutcome

APPLICATION = "reconsideration.Application"
LETTER = "reconsideration.Letter"
SUPERIOR = "reconsideration.SuperiorCase"


received = dated("received_on")
accepted = dated("accepted_on")
rejected = dated("refused_on", state=rules.State.REFUSED)
closed = dated("closed_on", state__in=rules.CLOSED_STATES)


def carried_over(p: Period) -> Q:
    return Q(accepted_on__lt=p.start) & (Q(closed_on__isnull=True) | Q(closed_on__gte=p.start))


def _outcome(outcomes: Any) -> Any:
    values = [outcomes] if isinstance(outcomes, str) else list(outcomes)
    return narrowed(closed, outcome__in=values)


def correction_base(p: Period) -> Q:
    base = rules.CORRECTION_BASES[rules.correction_base()][1]
    return closed(p) if base is None else closed(p) & Q(outcome__in=list(base))


_BASE_LABEL = rules.CORRECTION_BASES[rules.correction_base()][0]

INDICATORS = [
    *counts(APPLICATION, [
        # code, name, unit, which records, definition
        ("recon_received", "收到行政复议申请", "件", received, "期间内收到的行政复议申请件数（按收到申请日期计，含后来不予受理、视为放弃的申请）。"),
        ("recon_accepted", "受理(立案)行政复议案件", "件", accepted, "期间内受理的案件件数（按受理日期计，含审查期满视为受理的，行政复议法第30条第3款）。"),
        ("recon_rejected", "不予受理", "件", rejected, "期间内经受理审查决定不予受理的申请件数（行政复议法第30条第2款）；逾期未补正视为放弃的不计入。"),
        ("recon_closed", "审结(办结)行政复议案件", "件", closed, "期间内审结的案件件数，不论何年受理：作出复议决定、调解、和解撤回、终止均计入。"),
        ("recon_carried_over", "上期结转", "件", carried_over, "期初以前受理、期初时尚未审结的案件件数。"),
        ("recon_upheld", "维持", "件", _outcome(ReviewOutcome.UPHOLD), "期间内审结、决定维持的案件件数（第68条）。"),
        ("recon_dismissed", "驳回", "件", _outcome(rules.DISMISSED_OUTCOMES), "期间内审结、决定驳回复议请求（第69条）或驳回申请（第33条）的案件件数。"),
        ("recon_revoked", "撤销(含部分撤销)", "件", _outcome(rules.REVOKED_OUTCOMES), "期间内审结、决定撤销、部分撤销或撤销并责令重新作出的案件件数（第64条）。"),
        ("recon_altered", "变更", "件", _outcome(ReviewOutcome.CHANGE), "期间内审结、决定变更的案件件数（第63条）。"),
        ("recon_confirmed_illegal", "确认违法", "件", _outcome(ReviewOutcome.CONFIRM_ILLEGAL), "期间内审结、决定确认违法的案件件数（第65条）。"),
        ("recon_confirmed_void", "确认无效", "件", _outcome(ReviewOutcome.CONFIRM_VOID), "期间内审结、决定确认无效的案件件数（第67条）。"),
        ("recon_ordered_performance", "责令履行", "件", _outcome(ReviewOutcome.ORDER_PERFORM), "期间内审结、决定被申请人在一定期限内履行的案件件数（第66条）。"),
        ("recon_terminated", "终止", "件", _outcome(ReviewOutcome.TERMINATED), "期间内决定终止的案件件数（第41条）；和解撤回后终止的计入“调解、和解结案”，不在此重复计算。"),
        ("recon_corrected", "纠错", "件", _outcome(rules.CORRECTIVE_OUTCOMES), "期间内审结、决定变更、撤销（含部分撤销、撤销并责令重新作出）、确认违法、确认无效、责令履行或责令承担行政协议责任的案件件数。"),
        ("recon_correction_base", "纠错率分母", "件", correction_base, f"期间内{_BASE_LABEL}件数（纠错率的分母，口径由系统管理员在部署设置中选定）。"),
    ]),
    *rates([
        # code, name, numerator, denominator, definition
        ("recon_correction_rate", "纠错率", "recon_corrected", "recon_correction_base", f"纠错率 = 纠错件数÷ {_BASE_LABEL}件数× 100%。"),
    ], decimals=2),
    *counts(APPLICATION, [
        ("recon_mediated", "调解、和解结案", "件", _outcome(rules.MEDIATED_OUTCOMES), "期间内以调解书（第73条）或和解后撤回申请（第74条）结案的案件件数。"),
    ]),
    *rates([
        ("recon_mediation_rate", "调解和解率", "recon_mediated", "recon_closed", "调解和解率 = 调解、和解结案件数÷ 审结件数× 100%。"),
    ], decimals=2),
    *counts(LETTER, [
        ("recon_opinion_letters", "行政复议意见书、建议书", "份", dated("issued_on"), "期间内制发的行政复议意见书（第76条）和建议书（实施条例第57条）份数。"),
    ]),
    *counts(APPLICATION, [
        ("recon_overdue", "超期", "件", narrowed(closed, closed_late=True), "期间内审结、但审结日晚于法定审理期限（第62条：普通程序60日，经批准延长不超过30日；简易程序30日；中止期间不计）的案件件数。"),
    ]),
    *counts(SUPERIOR, [
        ("recon_superior_cases", "上级受理以本级为被申请人案件", "件", accepted, "期间内上级复议机关受理的、以本单位或下级单位为被申请人的行政复议案件件数。"),
    ]),
    average(
        "recon_avg_days",
        "平均办理天数",
        "日",
        model=APPLICATION,
        field="handling_days",
        where=closed,
        definition="期间内审结案件的办理天数（审结日期 − 受理日期，日历天数）的平均值，保留一位小数。",
    ),
    maximum(
        "recon_max_days",
        "最长办理天数",
        "日",
        model=APPLICATION,
        field="handling_days",
        where=closed,
        definition="期间内审结案件中办理天数（审结日期 − 受理日期，日历天数）最长者。",
    ),
]
