"""Audit records: the amount cut is computed, and impossible amounts are refused."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.auditsup.models import AuditProject, SettlementReview
from fazhi.auditsup.rules import amount_cut

pytestmark = pytest.mark.django_db


def review(unit, submitted: str, approved: str, **kw) -> SettlementReview:
    values = {
        "unit": unit,
        "project": "道路工程",
        "reviewed_on": date(2022, 5, 1),
        "submitted_amount": Decimal(submitted),
        "approved_amount": Decimal(approved),
        **kw,
    }
    return SettlementReview(**values)


def test_the_amount_cut_is_submitted_minus_approved():
    assert amount_cut(Decimal("5230000.00"), Decimal("4870000.55")) == Decimal("359999.45")


def test_a_saved_review_carries_its_cut(unit_a1):
    r = review(unit_a1, "1000000.00", "912345.67")
    r.full_clean()
    r.save()
    r.refresh_from_db()
    assert r.amount_cut == Decimal("87654.33")
    r.approved_amount = Decimal("1000000.00")
    r.save()
    r.refresh_from_db()
    assert r.amount_cut == Decimal("0.00")


def test_an_approved_amount_above_the_submitted_one_is_refused(unit_a1):
    r = review(unit_a1, "100.00", "100.01")
    with pytest.raises(ValidationError) as exc:
        r.full_clean()
    assert "大于送审金额" in exc.value.message_dict["approved_amount"][0]
    with pytest.raises(ValidationError):
        r.save()
    assert not SettlementReview.objects.exists()


def test_negative_amounts_are_refused(unit_a1):
    with pytest.raises(ValidationError) as exc:
        review(unit_a1, "-1.00", "-2.00").full_clean()
    assert exc.value.message_dict["submitted_amount"] == ["送审金额不能为负数。"]
    assert exc.value.message_dict["approved_amount"] == ["审定金额不能为负数。"]


def test_a_future_review_date_is_refused(unit_a1):
    r = review(unit_a1, "10.00", "9.00", reviewed_on=timezone.localdate() + timedelta(days=1))
    with pytest.raises(ValidationError, match="晚于今天"):
        r.full_clean()


def test_an_audit_project_checks_its_dates_and_amounts(unit_a1):
    p = AuditProject(
        unit=unit_a1,
        year=2022,
        kind="budget",
        title="预算执行审计",
        started_on=date(2022, 5, 1),
        reported_on=date(2022, 4, 1),
        problem_amount=Decimal("100"),
        rectified_amount=Decimal("120"),
    )
    with pytest.raises(ValidationError) as exc:
        p.full_clean()
    assert set(exc.value.message_dict) == {"reported_on", "rectified_amount"}
    p.problem_amount = Decimal("-1")
    with pytest.raises(ValidationError) as exc:
        p.full_clean()
    assert exc.value.message_dict["problem_amount"] == ["金额不能为负数。"]
