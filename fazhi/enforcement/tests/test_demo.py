"""The demo county reproduces seed 001's 2022 enforcement figures from its records."""

from __future__ import annotations

import pytest

from fazhi.core.management.commands.demo import build_county, create_users
from fazhi.enforcement import demo
from fazhi.enforcement.models import FileReview, may_enforce, may_not_enforce
from fazhi.indicators.engine import compute

pytestmark = pytest.mark.django_db


@pytest.fixture
def ctx():
    context = build_county()
    create_users(context)
    demo.load(context)
    return context


def test_the_demo_reproduces_the_seeds_2022_review_figures(ctx):
    values = compute(
        ctx.county,
        2022,
        [
            "enforcers_passed_review",
            "enforcers_failed",
            "enforcement_supervisors_passed_review",
            "enforcement_supervisors",
            "enforcers_certified",
        ],
    )
    # 001: 全县1008名行政执法人员通过审验，10名…未通过审验并注销其执法证件，22名行政执法监督人员通过审验.
    assert values["enforcers_passed_review"] == 1008
    assert values["enforcers_failed"] == 10
    assert values["enforcement_supervisors_passed_review"] == 22
    assert values["enforcement_supervisors"] == 22
    assert values["enforcers_certified"] == 1008


def test_the_demo_reviews_case_files_of_every_enforcing_unit(ctx):
    reviewed = set(
        FileReview.objects.filter(reviewed_on__year=2022).values_list("unit_id", flat=True)
    )
    assert reviewed == {u.pk for u in demo.enforcing_units(ctx)}
    assert compute(ctx.county, 2022, ["case_files_reviewed"])["case_files_reviewed"] == 2 * len(
        reviewed
    )


def test_the_demo_has_cases_of_every_kind_and_items_on_the_due_list(ctx):
    from fazhi.deadlines.models import Deadline

    values = compute(
        ctx.county,
        2022,
        [
            "enforcement_cases",
            "enforcement_cases_penalty",
            "enforcement_no_penalty_leniency",
            "enforcement_publication_timely_rate",
            "enforcement_supervision_letters",
        ],
    )
    assert values["enforcement_cases"] > 500
    assert values["enforcement_no_penalty_leniency"] > 0
    assert 80 < values["enforcement_publication_timely_rate"] < 100
    assert values["enforcement_supervision_letters"] == 3
    lights = {
        d.light(ctx.today)
        for d in Deadline.objects.open()
        if d.period.code.startswith(("enforcement", "penalty"))
    }
    assert {"red", "green"} <= lights
    assert may_not_enforce(ctx.county, ctx.today).exists()
    assert may_enforce(ctx.county, ctx.today).count() > 1000


def test_the_demo_publishes_leniency_lists_of_every_kind_a_weighted_sheet_and_a_renewal(ctx):
    from fazhi.enforcement.models import CertificateRenewal, LeniencyList, ReviewSheet
    from fazhi.enforcement.rules import LeniencyKind
    from fazhi.enforcement.tests.helpers import deadline

    lists = LeniencyList.objects.all()
    assert set(lists.values_list("kind", flat=True)) == set(LeniencyKind.values)
    assert all(lst.items.exists() for lst in lists)
    sheet = ReviewSheet.objects.get()
    assert sum(c.points for c in sheet.criteria.all()) == 100
    renewal = CertificateRenewal.objects.get()
    assert renewal.new_valid_until > renewal.old_valid_until
    met = deadline(renewal.certificate, "enforcement_certificate_renewal")
    assert met.on_time is True
