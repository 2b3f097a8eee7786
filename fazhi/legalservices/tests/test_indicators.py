"""Legal services indicators on hand-built data; coverage per village with N configurable."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.indicators.engine import compute
from fazhi.legalservices.coverage import coverage
from fazhi.legalservices.models import LegalHelper, Notarisation, ServiceVisit
from fazhi.legalservices.rules import Claim
from fazhi.legalservices.tests.factories import make_aid
from fazhi.org.models import UnitKind
from fazhi.testing import make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def villages(township_a, village_a):
    second = make_unit("竹沟二村", UnitKind.VILLAGE, parent=township_a)
    third = make_unit("竹沟三村", UnitKind.VILLAGE, parent=township_a)
    return [village_a, second, third]


def _helpers(village, n, **extra):
    for i in range(n):
        LegalHelper.objects.create(
            unit=village, name=f"明白人{i}", appointed_on=date(2021, 1, 1), **extra
        )


def test_legal_aid_cases_are_approvals_in_the_year(unit_a1, liaison_a1, county_a):
    approved = make_aid(unit_a1, liaison_a1, migrant_worker=True, claim=Claim.WAGES)
    approved.apply("approve", by=liaison_a1, on=date(2022, 3, 2))
    other = make_aid(unit_a1, liaison_a1, claim=Claim.MAINTENANCE)
    other.apply("approve", by=liaison_a1, on=date(2022, 3, 12))
    refused = make_aid(unit_a1, liaison_a1)
    refused.apply("refuse", by=liaison_a1, on=date(2022, 3, 2), reason="不符合条件")
    make_aid(unit_a1, liaison_a1)  # still under review
    late = make_aid(unit_a1, liaison_a1, received_on=date(2022, 12, 28))
    late.apply("approve", by=liaison_a1, on=date(2023, 1, 3))
    values = compute(
        county_a,
        2022,
        [
            "legal_aid_applications",
            "legal_aid_cases",
            "legal_aid_migrant_workers",
            "legal_aid_green_channel",
            "legal_aid_decided",
            "legal_aid_decided_on_time",
            "legal_aid_decision_timely_rate",
        ],
    )
    assert values == {
        "legal_aid_applications": 5,
        "legal_aid_cases": 2,
        "legal_aid_migrant_workers": 1,
        "legal_aid_green_channel": 1,
        "legal_aid_decided": 3,
        "legal_aid_decided_on_time": 2,
        "legal_aid_decision_timely_rate": 67,
    }


def test_notarisations_and_visits_count_in_their_year(unit_a1, county_a):
    Notarisation.objects.create(
        unit=unit_a1, kind="succession", applicant_name="张三", issued_on=date(2022, 5, 1)
    )
    Notarisation.objects.create(
        unit=unit_a1, kind="succession", applicant_name="张三", issued_on=date(2023, 1, 1)
    )
    ServiceVisit.objects.create(
        unit=unit_a1, visited_on=date(2022, 5, 1), channel="hotline", kind="consultation", people=7
    )
    ServiceVisit.objects.create(
        unit=unit_a1, visited_on=date(2022, 6, 1), channel="centre", kind="consultation", people=3
    )
    assert compute(county_a, 2022, ["notary_cases", "legal_service_visits"]) == {
        "notary_cases": 1,
        "legal_service_visits": 10,
    }


def test_coverage_counts_villages_with_at_least_one_helper(villages, county_a):
    _helpers(villages[0], 2)
    _helpers(villages[1], 1)
    values = compute(
        county_a,
        2022,
        ["legal_literates", "villages", "legal_literate_villages", "legal_literate_coverage"],
    )
    assert values == {
        "legal_literates": 3,
        "villages": 3,
        "legal_literate_villages": 2,
        "legal_literate_coverage": 67,
    }


def test_coverage_uses_the_configured_minimum_per_village(villages, county_a, settings):
    _helpers(villages[0], 2)
    _helpers(villages[1], 1)
    settings.FAZHI_LEGAL_HELPERS_PER_VILLAGE = 2
    assert compute(county_a, 2022, ["legal_literate_villages", "legal_literate_coverage"]) == {
        "legal_literate_villages": 1,
        "legal_literate_coverage": 33,
    }


def test_helpers_who_left_or_started_later_do_not_count(villages, county_a):
    _helpers(villages[0], 1, left_on=date(2022, 6, 1))
    LegalHelper.objects.create(unit=villages[1], name="新人", appointed_on=date(2023, 2, 1))
    assert compute(county_a, 2022, ["legal_literates", "legal_literate_villages"]) == {
        "legal_literates": 0,
        "legal_literate_villages": 0,
    }


def test_coverage_per_village_lists_every_village_with_its_count(
    villages, township_a, django_assert_max_num_queries
):
    _helpers(villages[0], 2)
    _helpers(villages[2], 1, left_on=date(2022, 1, 1))
    with django_assert_max_num_queries(1):
        rows = coverage(township_a, date(2022, 12, 31))
    assert [(r.name, r.helpers, r.covered) for r in rows] == [
        ("竹沟村", 2, True),
        ("竹沟二村", 0, False),
        ("竹沟三村", 0, False),
    ]
    assert [r.covered for r in coverage(township_a, date(2022, 12, 31), minimum=3)] == [
        False,
        False,
        False,
    ]


def test_the_rate_is_empty_without_villages(unit_a1):
    assert compute(unit_a1, 2022, ["legal_literate_coverage"]) == {"legal_literate_coverage": None}


def test_the_figures_take_a_query_per_model(unit_a1, county_a, django_assert_max_num_queries):
    from fazhi.legalservices.indicators import INDICATORS

    with django_assert_max_num_queries(len({i.model for i in INDICATORS if i.model}) + 1):
        compute(county_a, 2022, [i.code for i in INDICATORS])
