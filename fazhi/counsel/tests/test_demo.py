"""The counsel demo reproduces seed 001's 2022 figures (县委 4, 县政府 9, 53 opinions)."""

from __future__ import annotations

import pytest
from django.db import transaction

from fazhi.core.management.commands.demo import build_county, create_users
from fazhi.counsel import demo as counsel_demo
from fazhi.counsel.models import Opinion
from fazhi.counsel.rules import Subject
from fazhi.decisions import demo as decisions_demo
from fazhi.indicators.engine import compute, records
from fazhi.litigation import demo as litigation_demo
from fazhi.normdocs import demo as normdocs_demo


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    # Built once for the module, rolled back at its end. Opinions link to the records of
    # the registers loaded before this one (as `fazhi demo` orders them).
    with django_db_blocker.unblock(), transaction.atomic():
        ctx = build_county()
        create_users(ctx)
        for module in (litigation_demo, decisions_demo, normdocs_demo, counsel_demo):
            module.load(ctx)
        yield ctx
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_the_county_government_itself_has_9_advisers_and_the_party_committee_4(demo):
    committee = demo.units["中共确山县委员会"]
    assert compute(demo.county, 2022, ["adviser_count"], own=True) == {"adviser_count": 9}
    assert records("adviser_count", demo.county, 2022, own=True).count() == 9
    assert compute(committee, 2022, ["adviser_count"], own=True) == {"adviser_count": 4}


@pytest.mark.django_db
def test_the_demo_gives_53_opinions_and_leaves_no_body_without_counsel(
    demo, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        got = compute(demo.county, 2022, ["adviser_opinions", "units_without_counsel"])
    assert got == {"adviser_opinions": 53, "units_without_counsel": 0}


@pytest.mark.django_db
def test_the_opinions_concern_decisions_contracts_and_lawsuits(demo):
    # "为政府决策、行政协议、行政应诉等事项提供法律意见53项"
    opinions = Opinion.objects.filter(given_on__year=2022)
    assert opinions.filter(subject=Subject.DECISION, decision__isnull=False).count() == 9
    assert opinions.filter(subject=Subject.CONTRACT, contract__kind="contract").exists()
    assert opinions.filter(subject=Subject.LAWSUIT, lawsuit__isnull=False).exists()
    for op in opinions.select_related("counsel", "unit", "lawsuit__unit", "contract__unit"):
        op.full_clean()
