"""Every enforcement indicator: the figure, and the records behind it agree."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.enforcement import indicators
from fazhi.enforcement.models import FileReview, LeniencyItem, LeniencyList, SupervisionLetter
from fazhi.enforcement.rules import CancelReason, CaseKind, CriterionTier, LeniencyKind, OfficerRole
from fazhi.enforcement.tests.helpers import case, certificate, sheet
from fazhi.indicators.engine import compute, records

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(coordinator, county_a, unit_a1, unit_a2):
    by = coordinator
    ok = certificate(by, unit_a1, "A1", name="张一")
    ok.apply("pass_review", by=by, on=date(2022, 12, 1), year=2022, training_hours=50)
    bad = certificate(by, unit_a1, "A2", name="张二")
    bad.apply(
        "fail_review", by=by, on=date(2022, 12, 1), year=2022, training_hours=10, reason="学时不足"
    )
    certificate(
        by, unit_a2, "A3", name="张三", issued_on=date(2023, 2, 1), valid_until=date(2028, 1, 31)
    )  # not yet
    gone = certificate(by, unit_a2, "A4", name="张四")
    gone.apply(
        "cancel", by=by, on=date(2023, 1, 10), cancel_reason=CancelReason.RETIRED
    )  # still valid at end 2022
    sup = certificate(by, unit_a1, "S1", name="张五", role=OfficerRole.SUPERVISOR)
    sup.apply("pass_review", by=by, on=date(2022, 12, 1), year=2022, training_hours=60)

    lst = LeniencyList.objects.create(
        unit=unit_a1, kind=LeniencyKind.MINOR, title="轻微不罚清单", published_on=date(2022, 1, 5)
    )
    item = LeniencyItem.objects.create(
        leniency_list=lst, violation="x", legal_basis="第33条", conditions="轻微"
    )
    p1 = case(by, unit_a1, opened_on=date(2022, 3, 1))
    p1.apply("decide", by=by, on=date(2022, 3, 10), full_record=True)
    p1.apply("publish", by=by, on=date(2022, 3, 14))  # on time
    p2 = case(by, unit_a1, opened_on=date(2022, 3, 1))
    p2.apply(
        "decide", by=by, on=date(2022, 3, 10), no_penalty=True, leniency_item=item, full_record=True
    )
    p2.apply("publish", by=by, on=date(2022, 4, 29))  # late
    major = case(by, unit_a2, kind=CaseKind.PERMIT, opened_on=date(2022, 5, 1), is_major=True)
    major.apply("legal_review", by=by, on=date(2022, 5, 5), passed=True, reviewer="赵")
    major.apply("decide", by=by, on=date(2022, 5, 6))  # decided, not yet published
    insp = case(by, unit_a2, kind=CaseKind.INSPECTION, opened_on=date(2022, 6, 1))
    insp.apply("decide", by=by, on=date(2022, 6, 2))
    case(by, unit_a2, opened_on=date(2022, 12, 1))  # open: not counted
    later = case(by, unit_a2, kind=CaseKind.LEVY, opened_on=date(2022, 12, 20))
    later.apply("decide", by=by, on=date(2023, 1, 4))  # next year

    s = sheet(by, county_a)
    veto = s.criteria.filter(tier=CriterionTier.VETO).first()
    FileReview.record(
        by=by,
        unit=unit_a1,
        sheet=s,
        file_number="F1",
        reviewed_on=date(2022, 11, 1),
        reviewers="甲",
    )
    FileReview.record(
        by=by,
        unit=unit_a2,
        sheet=s,
        file_number="F2",
        reviewed_on=date(2022, 11, 2),
        reviewers="乙",
        vetoes=[veto.pk],
    )
    FileReview.record(
        by=by, unit=unit_a2, sheet=s, file_number="F3", reviewed_on=date(2023, 1, 2), reviewers="丙"
    )
    SupervisionLetter.issue(
        by=by,
        issuer=unit_a1,
        recipient=unit_a2,
        number="L1",
        issued_on=date(2022, 11, 20),
        problems="x",
    )
    SupervisionLetter.issue(
        by=by,
        issuer=unit_a1,
        recipient=unit_a2,
        number="L2",
        issued_on=date(2023, 1, 3),
        problems="x",
    )


EXPECTED_COUNTY_2022 = {
    "enforcers_certified": 2,  # A1, and A4 cancelled only in 2023
    "enforcers_passed_review": 1,
    "enforcers_failed": 1,
    "enforcement_supervisors": 1,
    "enforcement_supervisors_passed_review": 1,
    "enforcers_trained": 3,
    "enforcement_cases": 4,
    "enforcement_cases_penalty": 2,
    "enforcement_cases_permit": 1,
    "enforcement_cases_coercion": 0,
    "enforcement_cases_inspection": 1,
    "enforcement_cases_levy": 0,
    "enforcement_cases_other": 0,
    "enforcement_no_penalty_leniency": 1,
    "enforcement_major_reviewed": 1,
    "enforcement_publishable": 3,
    "enforcement_published_on_time": 1,
    "case_files_reviewed": 2,
    "case_files_failed": 1,
    "enforcement_supervision_letters": 1,
}


def test_every_declared_indicator_has_an_expected_value():
    assert {i.code for i in indicators.INDICATORS} == set(EXPECTED_COUNTY_2022) | {
        "enforcement_publication_timely_rate"
    }


def test_every_indicator_for_the_county_in_2022(world, county_a, django_assert_max_num_queries):
    codes = [i.code for i in indicators.INDICATORS]
    with django_assert_max_num_queries(12):
        values = compute(county_a, 2022, codes)
    assert {c: values[c] for c in EXPECTED_COUNTY_2022} == EXPECTED_COUNTY_2022
    assert float(values["enforcement_publication_timely_rate"]) == pytest.approx(33.33)


def test_the_records_behind_each_count_are_the_counted_ones(world, county_a):
    values = compute(county_a, 2022, list(EXPECTED_COUNTY_2022))
    for code, value in values.items():
        assert records(code, county_a, 2022).count() == value, code


def test_a_department_sees_only_its_subtree(world, unit_a1):
    values = compute(
        unit_a1,
        2022,
        [
            "enforcers_certified",
            "enforcement_cases",
            "case_files_reviewed",
            "enforcement_supervision_letters",
        ],
    )
    assert values == {
        "enforcers_certified": 1,
        "enforcement_cases": 2,
        "case_files_reviewed": 1,
        "enforcement_supervision_letters": 0,
    }


def test_the_next_year_counts_its_own_records(world, county_a):
    values = compute(
        county_a,
        2023,
        [
            "enforcement_cases_levy",
            "case_files_reviewed",
            "enforcement_supervision_letters",
            "enforcers_certified",
        ],
    )
    assert values == {
        "enforcement_cases_levy": 1,
        "case_files_reviewed": 1,
        "enforcement_supervision_letters": 1,
        "enforcers_certified": 2,
    }  # A1 and A3 (A4 cancelled, A2 failed)
