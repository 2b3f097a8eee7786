"""Indicators fed by the counsel register (codes of shared/INDICATORS.md)."""

from __future__ import annotations

from django.db.models import Q

from fazhi.counsel.models import has_counsel, serving_between
from fazhi.counsel.rules import MUST_HAVE_COUNSEL, Kind
from fazhi.indicators.catalogue import Period, counts
from fazhi.indicators.q import Where, dated


def _serving(kind: str) -> Where:
    return lambda p: Q(kind=kind) & serving_between(p.start, p.end)


def _without_counsel(p: Period) -> Q:
    return Q(kind__in=MUST_HAVE_COUNSEL, active=True) & ~Q(has_counsel(p.start, p.end))


INDICATORS = [
    *counts("counsel.Counsel", [
        # code, name, unit, which records, definition
        ("adviser_count", "法律顾问", "名", _serving(Kind.ADVISER), "统计期内任一时间在聘的法律顾问人数（按聘任单位统计；一人受聘于两个单位计两名）。"),
        ("public_lawyers", "公职律师", "名", _serving(Kind.PUBLIC_LAWYER), "统计期内任一时间在职的公职律师人数（按所在单位统计）。"),
    ]),
    *counts("counsel.Opinion", [
        ("adviser_opinions", "法律意见", "项", dated("given_on"), "统计期内法律顾问和公职律师出具的法律意见项数（按出具日期，按服务单位统计）。"),
    ]),
    *counts("org.Unit", [
        ("units_without_counsel", "未配备法律顾问或公职律师的单位", "个", _without_counsel, "在用的党政机关（县级政府、部门、乡镇街道及党委等其他机关，不含村、社区）中，"
            "统计期内既无在聘法律顾问（含同时服务该单位的），也无公职律师的单位个数。"),
    ]),
]
