"""The mediation indicators on hand-built data: counts, the rate and its denominator."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from fazhi.indicators.catalogue import catalogue
from fazhi.indicators.engine import compute, records
from fazhi.mediation.models import Mediator
from fazhi.mediation.rules import Outcome
from fazhi.mediation.tests.factories import make_committee, make_dispute

pytestmark = pytest.mark.django_db


@pytest.fixture
def committee(unit_a1):
    return make_committee(unit_a1, established_on=date(2015, 1, 1))


def test_the_rate_is_successes_over_disputes_received_in_the_year(committee, county_a):
    for _ in range(3):
        make_dispute(committee, outcome=Outcome.ORAL, closed_on=date(2022, 3, 5))
    make_dispute(committee, outcome=Outcome.WRITTEN, closed_on=date(2022, 3, 5))
    make_dispute(committee, outcome=Outcome.FAILED, closed_on=date(2022, 3, 5))
    make_dispute(committee, outcome=Outcome.REFERRED, closed_on=date(2022, 3, 5))
    make_dispute(committee)  # still being mediated: in the denominator only
    values = compute(
        county_a,
        2022,
        [
            "mediation_cases",
            "mediation_success",
            "mediation_rate",
            "mediation_oral",
            "mediation_written",
        ],
    )
    assert values == {
        "mediation_cases": 7,
        "mediation_success": 4,
        "mediation_rate": 57,
        "mediation_oral": 3,
        "mediation_written": 1,
    }


def test_disputes_count_in_the_year_they_were_received(committee, county_a):
    make_dispute(
        committee, received_on=date(2021, 12, 30), outcome=Outcome.ORAL, closed_on=date(2022, 1, 4)
    )
    make_dispute(committee, received_on=date(2022, 12, 31))
    assert compute(county_a, 2022, ["mediation_cases", "mediation_success"]) == {
        "mediation_cases": 1,
        "mediation_success": 0,
    }
    assert compute(county_a, 2021, ["mediation_success"]) == {"mediation_success": 1}


def test_the_rate_is_empty_without_disputes(county_a):
    assert compute(county_a, 2022, ["mediation_rate"]) == {"mediation_rate": None}


def test_the_rate_is_rounded_half_up_like_seed_001(committee, county_a):
    # 951 ÷ 1047 = 90.83% is reported as 91%; here 2 ÷ 3 = 66.7% → 67%.
    make_dispute(committee, outcome=Outcome.ORAL, closed_on=date(2022, 3, 1))
    make_dispute(committee, outcome=Outcome.ORAL, closed_on=date(2022, 3, 1))
    make_dispute(committee, outcome=Outcome.FAILED, closed_on=date(2022, 3, 1))
    assert compute(county_a, 2022, ["mediation_rate"])["mediation_rate"] == 67


def test_the_amount_is_in_ten_thousands_of_yuan(committee, county_a):
    make_dispute(committee, amount=Decimal("12345.00"))
    make_dispute(committee, amount=Decimal("5000"))
    make_dispute(committee)
    assert compute(county_a, 2022, ["mediation_amount"])["mediation_amount"] == Decimal("1.73")


def test_another_units_disputes_are_outside_the_subtree(committee, unit_a2, county_b):
    make_dispute(committee)
    assert compute(unit_a2, 2022, ["mediation_cases"])["mediation_cases"] == 0
    assert compute(county_b, 2022, ["mediation_cases"])["mediation_cases"] == 0


def test_committees_and_mediators_count_at_the_years_end(committee, unit_a2, county_a):
    make_committee(unit_a2, name="新设调委会", established_on=date(2023, 2, 1))
    make_committee(
        unit_a2, name="撤销调委会", established_on=date(2015, 2, 1), dissolved_on=date(2022, 6, 1)
    )
    Mediator.objects.create(committee=committee, name="甲", appointed_on=date(2020, 1, 1))
    Mediator.objects.create(
        committee=committee, name="乙", appointed_on=date(2020, 1, 1), left_on=date(2022, 5, 1)
    )
    Mediator.objects.create(committee=committee, name="丙")
    assert compute(county_a, 2022, ["mediation_committees", "mediators"]) == {
        "mediation_committees": 1,
        "mediators": 2,
    }


def test_the_performance_rate_is_over_agreements_followed_up(committee, county_a, liaison_a1):
    for i in range(3):
        d = make_dispute(committee)
        d.apply("agree_oral", by=liaison_a1, on=date(2022, 3, 2))
        d.apply("record_performed" if i else "record_breached", by=liaison_a1, on=date(2022, 4, 2))
    make_dispute(committee, outcome=Outcome.ORAL, closed_on=date(2022, 3, 2))  # not followed up
    values = compute(
        county_a,
        2022,
        ["mediation_followed_up", "mediation_performed", "mediation_performance_rate"],
    )
    assert values == {
        "mediation_followed_up": 3,
        "mediation_performed": 2,
        "mediation_performance_rate": 67,
    }


def test_the_drill_down_lists_exactly_the_counted_disputes(committee, county_a):
    ok = make_dispute(committee, outcome=Outcome.WRITTEN, closed_on=date(2022, 3, 5))
    make_dispute(committee, outcome=Outcome.FAILED, closed_on=date(2022, 3, 5))
    assert list(records("mediation_rate", county_a, 2022)) == [ok]


def test_every_rate_has_a_chinese_definition_naming_numerator_and_denominator():
    cat = catalogue()
    assert "÷" in cat["mediation_rate"].definition
    assert cat["mediation_rate"].numerator == "mediation_success"
    assert cat["mediation_rate"].denominator == "mediation_cases"


def test_the_figures_take_one_query_for_the_unit_tree_and_one_per_model(committee, county_a, django_assert_max_num_queries):
    make_dispute(committee)
    codes = [
        "mediation_committees",
        "mediators",
        "mediation_cases",
        "mediation_success",
        "mediation_rate",
        "mediation_oral",
        "mediation_written",
        "mediation_amount",
    ]
    with django_assert_max_num_queries(1 + 3):  # the unit tree, then committees, mediators, disputes
        compute(county_a, 2022, codes)


def test_committees_are_counted_by_level_like_seed_003(unit_a1, township_a, village_a, county_a):
    # Seed 003: 各类调委会122个，其中行业调委会5个、乡镇9个、村（社区）108个.
    make_committee(unit_a1, name="交通调委会", established_on=date(2016, 1, 1))
    make_committee(township_a, level="township", established_on=date(2011, 1, 1))
    make_committee(village_a, level="village", established_on=date(2011, 1, 1))
    values = compute(
        county_a,
        2022,
        [
            "mediation_committees",
            "mediation_committees_village",
            "mediation_committees_township",
            "mediation_committees_industry",
            "mediation_committees_enterprise",
        ],
    )
    assert values == {
        "mediation_committees": 3,
        "mediation_committees_village": 1,
        "mediation_committees_township": 1,
        "mediation_committees_industry": 1,
        "mediation_committees_enterprise": 0,
    }
