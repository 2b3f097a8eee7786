"""Litigation indicators (codes of the shared INDICATORS.md; helper codes added below).

Each `where` is a Q over one model for the period, so a figure and the records behind
it (`engine.records`) cannot disagree. Every definition names its numerator and
denominator in Chinese: the screens show it beside the figure.
"""

from __future__ import annotations

from django.db.models import Q

from fazhi.indicators.catalogue import Period, counts, rates
from fazhi.indicators.q import dated, narrowed, open_during
from fazhi.litigation import rules
from fazhi.litigation.models import Hearing

LAWSUIT = "litigation.Lawsuit"
HEARING = "litigation.Hearing"


_active = open_during("received_on", "closed_on")
_closed = dated("closed_on")
_held = dated("held_on", held=True)


# 出庭应诉: SPC 2020 第1条 owes one appearance at every instance (一审、二审、再审: one
# Lawsuit row each) that is heard; 第7条: attending one session of the instance meets it.
# So the unit is the instance with a hearing held in the period — not the hearing, and
# not the "要求负责人出庭" box, which only records what the court's notice said.
def _instance_heard(p: Period) -> Q:
    return Q(pk__in=Hearing.objects.filter(_held(p)).values("lawsuit_id"))


def _instance_appeared(p: Period) -> Q:
    return Q(
        pk__in=Hearing.objects.filter(_held(p), counts_as_appearance=True).values("lawsuit_id")
    )


_COUNTED = "负责人指正职、副职及分管被诉行为的负责人（最高法2020年规定第2条），身份证明不合格的视为未出庭（第6条）"

INDICATORS = [
    *counts(LAWSUIT, [
        # code, name, unit, which records, definition
        ("litig_cases", "行政应诉案件", "件", _active, "本单位及下级单位作为被告、在期间内在办或审结的行政诉讼案件数（收到起诉状副本不晚于期末，且未结或在期间内审结）；一审、二审、再审各按一件计。"),
        ("litig_closed", "审结行政诉讼案件", "件", _closed, "期间内作出判决、裁定或以其他方式结案的案件数（各审级分别计）。"),
        ("litig_judged", "判决结案", "件", narrowed(_closed, outcome__in=rules.JUDGMENTS), "期间内以判决方式结案的案件数（不含裁定不予立案、驳回起诉、准予撤诉等）。"),
        ("litig_lost", "败诉", "件", narrowed(_closed, result=rules.Result.LOST), "期间内判决行政机关败诉的案件数：判决撤销或部分撤销、责令履行、给付、确认违法、确认无效、变更、承担行政协议责任、行政赔偿，二审改判行政机关败诉，以及行政机关上诉被判决驳回上诉、维持原判。"),
        ("litig_won", "胜诉", "件", narrowed(_closed, result=rules.Result.WON), "期间内判决驳回诉讼请求（赔偿请求）、裁定不予立案或驳回起诉、二审改判行政机关胜诉，以及原告上诉被判决驳回上诉、维持原判的案件数。"),
        ("litig_withdrawn", "撤诉", "件", narrowed(_closed, outcome__in=rules.WITHDRAWN), "期间内裁定准予撤诉或按撤诉处理的案件数。"),
    ]),
    *rates([
        # code, name, numerator, denominator, definition
        ("litig_loss_rate", "败诉率", "litig_lost", rules.loss_rate_denominator(), "败诉率 = 败诉案件数÷ 判决结案数× 100%。"
            if rules.loss_rate_denominator() == "litig_judged"
            else "败诉率 = 败诉案件数÷ 审结案件数× 100%。"),
    ]),
    *counts(HEARING, [
        ("litig_hearings", "开庭", "次", _held, "期间内已开庭审理的庭次（各审级、各次开庭分别计）。"),
    ]),
    *counts(LAWSUIT, [
        ("litig_appear_required", "应出庭审级", "件", _instance_heard, "期间内开庭审理的案件审级数：一审、二审、再审各计一次，每个审级应有负责人出庭一次（最高法2020年规定第1条）；同一审级多次开庭的只计一次（第7条）。"),
        ("litig_appear_count", "负责人出庭应诉", "件", _instance_appeared, f"应出庭审级中负责人至少出庭一次的审级数（出庭一次即履行该审级的出庭义务，第7条）。{_COUNTED}。"),
    ]),
    *rates([
        ("litig_appear_rate", "负责人出庭应诉率", "litig_appear_count", "litig_appear_required", f"负责人出庭应诉率 = 负责人出庭的审级数÷ 开庭审理的审级数× 100%。{_COUNTED}。"),
    ]),
    # The first-instance-only variant some local 考核 rules use (statutes.md §2.2).
    *counts(LAWSUIT, [
        ("litig_appear_required_first", "应出庭审级（一审）", "件", narrowed(_instance_heard, instance=rules.Instance.FIRST), "期间内开庭审理的一审案件数。"),
        ("litig_appear_count_first", "负责人出庭应诉（一审）", "件", narrowed(_instance_appeared, instance=rules.Instance.FIRST), f"开庭审理的一审案件中负责人至少出庭一次的案件数。{_COUNTED}。"),
    ]),
    *rates([
        ("litig_appear_rate_first", "负责人出庭应诉率（一审）", "litig_appear_count_first", "litig_appear_required_first", "一审出庭应诉率 = 负责人出庭的一审案件数÷ 开庭审理的一审案件数× 100%。"),
    ]),
    *counts(LAWSUIT, [
        ("litig_appear_case_required", "应出庭案件", "件", _instance_heard, "期间内开庭审理的案件数（按案件计；每个审级登记为一件，与应出庭审级相同）。"),
        ("litig_appear_case_count", "负责人出庭案件", "件", _instance_appeared, "期间内负责人至少出庭一次的开庭审理案件数（按案件计）。"),
    ]),
    *rates([
        ("litig_appear_case_rate", "负责人出庭应诉率（按案件）", "litig_appear_case_count", "litig_appear_case_required", "按案件计的出庭应诉率 = 负责人出庭案件数÷ 开庭审理案件数× 100%。"),
    ]),
]
