"""The decisions demo reproduces seed 001's 2022 figure and leaves this year's items due."""

from __future__ import annotations

import pytest
from django.db import transaction

from fazhi.core.management.commands.demo import build_county, create_users
from fazhi.deadlines.models import Deadline
from fazhi.decisions import demo as decisions_demo
from fazhi.decisions.models import Decision, DecisionStep
from fazhi.decisions.rules import Step
from fazhi.indicators.engine import compute, records


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    # Built once for the module, rolled back at its end (the demo takes seconds).
    with django_db_blocker.unblock(), transaction.atomic():
        ctx = build_county()
        create_users(ctx)
        decisions_demo.load(ctx)
        yield ctx
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_the_demo_has_the_9_decisions_of_the_2022_catalogue_all_legally_reviewed(
    demo, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        got = compute(demo.county, 2022, ["decision_count", "decision_legality_reviewed"])
    assert got == {"decision_count": 9, "decision_legality_reviewed": 9}
    assert records("decision_count", demo.county, 2022).count() == 9


@pytest.mark.django_db
def test_every_2022_decision_went_through_its_steps_in_the_statutory_order(demo):
    for d in Decision.objects.filter(year=2022):
        dates = {s.step: s.on for s in d.steps.all()}
        assert dates[Step.LEGALITY] <= dates[Step.COLLECTIVE] <= dates[Step.PUBLICATION]
        assert d.comment_start_on is not None
    assert not DecisionStep.objects.filter(step=Step.EXPERT, applicable=False, reason="").exists()


@pytest.mark.django_db
def test_a_decision_of_this_year_is_in_its_comment_period_on_the_due_list(demo):
    open_ = Deadline.objects.open().filter(period__code="decision_public_comment")
    assert open_.count() >= 1
    d = Decision.objects.get(pk=open_.first().object_id)
    assert d.year == demo.today.year or d.comment_start_on.year == demo.today.year
    assert d.comment_end_on >= demo.today
