"""Indicators fed by the audit supervision register.

Seed 003: "对县域内2个政府投资项目及时实施竣工决算审计，开展项目稽查2次，政府性投资项目
结算审核157个，核减工程价款6500多万元" — projects_final_account_audited,
project_inspections, investment_settlements_reviewed, audit_cost_reduction (万元).
Projects count by their audit year; checks and reviews by the day they were done.
"""

from __future__ import annotations

from django.db.models import Q

from fazhi.auditsup.rules import FINAL_ACCOUNT_KINDS
from fazhi.indicators.catalogue import Period, counts, rates, totals

PROJECT = "auditsup.AuditProject"
REVIEW = "auditsup.SettlementReview"
WAN = 10000  # 元 → 万元


def audit_year(p: Period) -> Q:
    return Q(year__gte=p.start.year, year__lte=p.end.year)


def reviewed(p: Period) -> Q:
    return Q(reviewed_on__gte=p.start, reviewed_on__lte=p.end)


INDICATORS = [
    *counts(PROJECT, [
        # code, name, unit, which records, definition
        ("audit_projects", "审计项目", "个", audit_year, "审计年度在期内的审计项目数（预算执行、经济责任、竣工决算、专项审计等）。"),
        ("projects_final_account_audited", "政府投资项目竣工决算审计", "个", lambda p: audit_year(p) & Q(kind__in=FINAL_ACCOUNT_KINDS), "审计年度在期内的政府投资项目竣工决算审计项目数。"),
    ]),
    *totals(PROJECT, [
        # code, name, unit, summed field, which records, definition
        ("audit_problem_amount", "审计查出问题金额", "万元", "problem_amount", audit_year, "审计年度在期内的审计项目查出问题金额之和（万元）。"),
        ("audit_rectified_amount", "审计查出问题已整改金额", "万元", "rectified_amount", audit_year, "审计年度在期内的审计项目已整改金额之和（万元）。"),
    ], decimals=2, scale=WAN),
    *rates([
        # code, name, numerator, denominator, definition
        ("audit_rectification_rate", "审计整改率", "audit_rectified_amount", "audit_problem_amount", "已整改金额 ÷ 查出问题金额 × 100%。"),
    ], decimals=1),
    *counts("auditsup.ProjectCheck", [
        ("project_inspections", "项目稽查", "次", lambda p: Q(checked_on__gte=p.start, checked_on__lte=p.end), "期内开展的政府投资项目稽查次数。"),
    ]),
    *counts(REVIEW, [
        ("investment_settlements_reviewed", "政府投资项目结算审核", "个", reviewed, "期内审定的政府性投资项目结算审核数。"),
    ]),
    *totals(REVIEW, [
        ("settlement_submitted_amount", "结算送审金额", "万元", "submitted_amount", reviewed, "期内审定的结算审核项目送审金额之和（万元）。"),
        ("audit_cost_reduction", "结算审核核减金额", "万元", "amount_cut", reviewed, "期内审定的结算审核核减金额（送审金额 − 审定金额）之和（万元）。"),
    ], decimals=2, scale=WAN),
    *rates([
        ("audit_cost_reduction_rate", "结算审核核减率", "audit_cost_reduction", "settlement_submitted_amount", "核减金额 ÷ 送审金额 × 100%。"),
    ], decimals=1),
]
