"""The demo county's audit supervision reproduces seed 003's passage in 2022."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import transaction

from fazhi.auditsup import demo as auditsup_demo
from fazhi.auditsup.models import SettlementReview
from fazhi.core.management.commands.demo import build_county, create_users
from fazhi.indicators.engine import compute


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        ctx = build_county()
        create_users(ctx)
        auditsup_demo.load(ctx)
        yield ctx
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_157_settlements_cut_by_6500_odd_wan_yuan(demo):
    got = compute(
        demo.county,
        2022,
        [
            "projects_final_account_audited",
            "project_inspections",
            "investment_settlements_reviewed",
            "audit_cost_reduction",
        ],
    )
    assert got == {
        "projects_final_account_audited": 2,
        "project_inspections": 2,
        "investment_settlements_reviewed": 157,
        "audit_cost_reduction": Decimal("6512.38"),
    }


@pytest.mark.django_db
def test_every_demo_review_is_valid_and_its_cut_is_its_difference(demo):
    for r in SettlementReview.objects.all():
        r.full_clean()
        assert r.amount_cut == r.submitted_amount - r.approved_amount > 0
