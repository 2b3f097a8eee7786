"""The audit supervision indicators on hand-built data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from fazhi.auditsup.models import AuditProject, ProjectCheck, SettlementReview
from fazhi.indicators.engine import compute

pytestmark = pytest.mark.django_db

CODES = [
    "audit_projects",
    "projects_final_account_audited",
    "audit_problem_amount",
    "audit_rectified_amount",
    "audit_rectification_rate",
    "project_inspections",
    "investment_settlements_reviewed",
    "settlement_submitted_amount",
    "audit_cost_reduction",
    "audit_cost_reduction_rate",
]


def project(unit, year, kind, problem, rectified):
    return AuditProject.objects.create(
        unit=unit,
        year=year,
        kind=kind,
        title="审计",
        started_on=date(year, 3, 1),
        problem_amount=Decimal(problem),
        rectified_amount=Decimal(rectified),
    )


def settlement(unit, on, submitted, approved):
    return SettlementReview.objects.create(
        unit=unit,
        project="工程",
        reviewed_on=on,
        submitted_amount=Decimal(submitted),
        approved_amount=Decimal(approved),
    )


def test_audit_figures_for_a_county_and_year(unit_a1, unit_a2, county_a, county_b):
    project(unit_a1, 2022, "final_account", "300000", "200000")
    project(unit_a2, 2022, "budget", "100000", "100000")
    project(unit_a1, 2021, "final_account", "999999", "0")
    project(county_b, 2022, "final_account", "1", "1")
    for on in (date(2022, 6, 1), date(2022, 11, 30), date(2023, 1, 1)):
        ProjectCheck.objects.create(unit=unit_a1, project="工程", checked_on=on)
    settlement(unit_a1, date(2022, 1, 1), "5000000.00", "4000000.00")  # cut 100万
    settlement(unit_a2, date(2022, 12, 31), "1234567.89", "1000000.00")  # cut 23.456789万
    settlement(unit_a2, date(2023, 1, 1), "100.00", "1.00")
    settlement(county_b, date(2022, 6, 1), "100.00", "1.00")
    v = compute(county_a, 2022, CODES)
    assert v["audit_projects"] == 2 and v["projects_final_account_audited"] == 1
    assert v["audit_problem_amount"] == Decimal("40.00")
    assert v["audit_rectified_amount"] == Decimal("30.00")
    assert v["audit_rectification_rate"] == Decimal("75.0")
    assert v["project_inspections"] == 2
    assert v["investment_settlements_reviewed"] == 2
    assert v["audit_cost_reduction"] == Decimal("123.46")
    assert v["settlement_submitted_amount"] == Decimal("623.46")
    assert v["audit_cost_reduction_rate"] == Decimal("19.8")
    assert compute(unit_a2, 2022, ["audit_cost_reduction"])["audit_cost_reduction"] == Decimal(
        "23.46"
    )
