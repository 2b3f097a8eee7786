"""Indicators fed by the counsel register (codes of shared/INDICATORS.md)."""

from __future__ import annotations

from django.db.models import Q

from fazhi.counsel.models import has_counsel, serving_between
from fazhi.counsel.rules import MUST_HAVE_COUNSEL, Kind
from fazhi.indicators.catalogue import Period, count
from fazhi.indicators.q import Where, dated


def _serving(kind: str) -> Where:
    return lambda p: Q(kind=kind) & serving_between(p.start, p.end)


def _without_counsel(p: Period) -> Q:
    return Q(kind__in=MUST_HAVE_COUNSEL, active=True) & ~Q(has_counsel(p.start, p.end))


INDICATORS = [
    count(
        "adviser_count",
        "法律顾问",
        "名",
        model="counsel.Counsel",
        where=_serving(Kind.ADVISER),
        definition="统计期内任一时间在聘的法律顾问人数（按聘任单位统计；一人受聘于两个单位计两名）。",
    ),
    count(
        "public_lawyers",
        "公职律师",
        "名",
        model="counsel.Counsel",
        where=_serving(Kind.PUBLIC_LAWYER),
        definition="统计期内任一时间在职的公职律师人数（按所在单位统计）。",
    ),
    count(
        "adviser_opinions",
        "法律意见",
        "项",
        model="counsel.Opinion",
        where=dated("given_on"),
        definition="统计期内法律顾问和公职律师出具的法律意见项数（按出具日期，按服务单位统计）。",
    ),
    count(
        "units_without_counsel",
        "未配备法律顾问或公职律师的单位",
        "个",
        model="org.Unit",
        where=_without_counsel,
        definition=(
            "在用的党政机关（县级政府、部门、乡镇街道及党委等其他机关，不含村、社区）中，"
            "统计期内既无在聘法律顾问（含同时服务该单位的），也无公职律师的单位个数。"
        ),
    ),
]
