"""Disclosure indicators (codes of the shared INDICATORS.md; helper codes noted).

Helper codes not in INDICATORS.md: `disclosure_replied` (requests answered in the
period, the denominator of `disclosure_on_time_rate`) and `disclosure_on_time_rate`.
"""

from __future__ import annotations

from django.db.models import Q

from fazhi.disclosure.rules import State
from fazhi.indicators.catalogue import Period, counts, rates
from fazhi.indicators.q import within

ITEM = "disclosure.ProactiveItem"
REQUEST = "disclosure.Request"


def proactive(p: Period) -> Q:
    return within("published_on", p)


def requests(p: Period) -> Q:
    return within("received_on", p)


def replied(p: Period) -> Q:
    # Requests abandoned for want of correction (第30条) have no reply period to meet.
    return Q(state=State.DONE, replied_on_time__isnull=False) & within("replied_on", p)


def replied_on_time(p: Period) -> Q:
    return replied(p) & Q(replied_on_time=True)


INDICATORS = [
    *counts(ITEM, [
        # code, name, unit, which records, definition
        ("disclosure_proactive", "主动公开政府信息", "条", proactive, "期间内主动公开的政府信息条数（按公开日期计，各类别合计）。"),
    ]),
    *counts(REQUEST, [
        ("disclosure_requests", "依申请公开", "件", requests, "期间内收到的政府信息公开申请件数（按政府信息公开条例第31条确定的收到日期计）。"),
        ("disclosure_replied", "作出答复", "件", replied, "期间内作出答复的申请件数（按答复日期计；逾期不补正不再处理的不计入）。"),
        ("disclosure_replied_on_time", "按期答复", "件", replied_on_time, "期间内作出答复、且在答复期限内答复的申请件数（20个工作日，经批准延长的为延长后期限，征求意见时间不计入；条例第33条）。"),
    ]),
    *rates([
        # code, name, numerator, denominator, definition
        ("disclosure_on_time_rate", "按期答复率", "disclosure_replied_on_time", "disclosure_replied", "按期答复件数 ÷ 期间内作出答复的申请件数 × 100%。"),
    ]),
]
