"""Indicators fed by the decisions register (codes of shared/INDICATORS.md)."""

from __future__ import annotations

from django.db.models import Q

from fazhi.decisions.rules import Step
from fazhi.indicators.catalogue import Period, counts
from fazhi.indicators.q import dated


def _in_published_catalogue(p: Period) -> Q:
    return Q(
        catalogue__year__gte=p.start.year,
        catalogue__year__lte=p.end.year,
        catalogue__published_on__isnull=False,
        catalogue__published_on__lte=p.end,
    )


_legality_reviewed = dated("on", step=Step.LEGALITY, applicable=True)


INDICATORS = [
    *counts("decisions.Decision", [
        # code, name, unit, which records, definition
        ("decision_count", "重大行政决策事项", "项", _in_published_catalogue, "列入本年度已公布的重大行政决策事项目录的决策事项数（按目录年度统计，目录须在统计期末前公布）。"),
    ]),
    *counts("decisions.DecisionStep", [
        ("decision_legality_reviewed", "决策合法性审查", "件", _legality_reviewed, "统计期内完成合法性审查（《重大行政决策程序暂行条例》第二十五条至第二十八条）的重大行政决策事项数，按审查完成日期统计。"),
    ]),
]
