"""Each reconsideration indicator on hand-built data whose figure is counted by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import override_settings

from fazhi.indicators.catalogue import Period, catalogue
from fazhi.indicators.engine import compute, records
from fazhi.reconsideration import indicators as recon
from fazhi.reconsideration.models import Application, Letter, SuperiorCase
from fazhi.reconsideration.rules import ReviewOutcome as O
from fazhi.reconsideration.rules import State as S

pytestmark = pytest.mark.django_db

CODES = [i.code for i in recon.INDICATORS]


def _case(
    respondent: Any,
    agency: Any,
    received: date,
    *,
    accepted: date | None = None,
    closed: date | None = None,
    state: str = S.RECEIVED,
    outcome: str = "",
    late: bool = False,
    refused: date | None = None,
) -> Application:
    """A record in a given state, built directly: the figures below are counted by hand."""
    return Application.objects.create(
        respondent=respondent,
        agency=agency,
        applicant_name="王五",
        act="行政处罚决定",
        received_on=received,
        accepted_on=accepted,
        closed_on=closed,
        state=state,
        outcome=outcome,
        closed_late=late,
        refused_on=refused,
        procedure="ordinary" if accepted else "",
        handling_days=(closed - accepted).days if closed and accepted else None,
    )


@pytest.fixture
def data(county_a, unit_a1, unit_a2, county_b):
    from fazhi.testing import make_unit

    b1 = make_unit("泌阳县公安局", parent=county_b)
    c = {}
    c["A"] = _case(
        unit_a1,
        county_a,
        date(2022, 12, 20),
        accepted=date(2022, 12, 22),
        closed=date(2023, 1, 10),
        state=S.DECIDED,
        outcome=O.UPHOLD,
    )
    c["B"] = _case(
        unit_a1,
        county_a,
        date(2023, 2, 1),
        accepted=date(2023, 2, 3),
        closed=date(2023, 3, 1),
        state=S.DECIDED,
        outcome=O.REVOKE,
        late=True,
    )
    c["C"] = _case(
        unit_a2,
        county_a,
        date(2023, 3, 1),
        refused=date(2023, 3, 3),
        state=S.REFUSED,
        outcome=O.NOT_ACCEPTED,
    )
    c["D"] = _case(
        unit_a2,
        county_a,
        date(2023, 4, 1),
        accepted=date(2023, 4, 3),
        closed=date(2023, 5, 1),
        state=S.MEDIATED,
        outcome=O.MEDIATED,
    )
    c["E"] = _case(
        unit_a2,
        county_a,
        date(2023, 5, 1),
        accepted=date(2023, 5, 4),
        closed=date(2023, 5, 20),
        state=S.SETTLED,
        outcome=O.SETTLED_WITHDRAWN,
    )
    c["F"] = _case(
        unit_a1,
        county_a,
        date(2023, 6, 1),
        accepted=date(2023, 6, 2),
        closed=date(2023, 7, 1),
        state=S.DECIDED,
        outcome=O.REJECT_APPLICATION,
    )
    c["G"] = _case(
        unit_a2,
        county_a,
        date(2023, 7, 1),
        accepted=date(2023, 7, 3),
        closed=date(2023, 7, 20),
        state=S.TERMINATED,
        outcome=O.TERMINATED,
    )
    c["H"] = _case(unit_a1, county_a, date(2023, 12, 28))
    c["I"] = _case(
        unit_a2, county_a, date(2023, 11, 1), accepted=date(2023, 11, 2), state=S.ACCEPTED
    )
    c["J"] = _case(
        b1,
        county_b,
        date(2023, 3, 1),
        accepted=date(2023, 3, 2),
        closed=date(2023, 4, 1),
        state=S.DECIDED,
        outcome=O.UPHOLD,
    )
    c["K"] = _case(
        unit_a1,
        county_a,
        date(2022, 9, 28),
        accepted=date(2022, 10, 1),
        closed=date(2022, 11, 1),
        state=S.DECIDED,
        outcome=O.CHANGE,
    )
    Letter.objects.create(
        application=c["B"], kind="opinion", recipient=unit_a1, issued_on=date(2023, 3, 5)
    )
    Letter.objects.create(
        application=c["K"], kind="suggestion", recipient=unit_a1, issued_on=date(2022, 11, 5)
    )
    SuperiorCase.objects.create(
        respondent=county_a,
        superior_body="驻马店市人民政府",
        applicant_name="赵六",
        act="征收决定",
        accepted_on=date(2023, 5, 1),
        closed_on=date(2023, 6, 1),
        outcome=O.UPHOLD,
    )
    SuperiorCase.objects.create(
        respondent=county_b,
        superior_body="驻马店市人民政府",
        applicant_name="钱七",
        act="征收决定",
        accepted_on=date(2023, 5, 1),
    )
    return c


EXPECTED_2023 = {
    "recon_received": 8,  # B C D E F G H I (A and K were received in 2022; J is county B's)
    "recon_accepted": 6,  # B D E F G I
    "recon_rejected": 1,  # C
    "recon_closed": 6,  # A B D E F G
    "recon_carried_over": 1,  # A (K closed before 2023; I was accepted in 2023)
    "recon_upheld": 1,  # A
    "recon_dismissed": 1,  # F (驳回申请)
    "recon_revoked": 1,  # B
    "recon_altered": 0,  # K changed the act, but in 2022
    "recon_confirmed_illegal": 0,
    "recon_confirmed_void": 0,
    "recon_ordered_performance": 0,
    "recon_terminated": 1,  # G; E's settlement counts as mediated
    "recon_corrected": 1,  # B
    "recon_correction_base": 2,  # A and B: decisions on the merits (F's 驳回申请 is not)
    "recon_correction_rate": Decimal("50.00"),  # 1 ÷ 2
    "recon_mediated": 2,  # D E
    "recon_mediation_rate": Decimal("33.33"),  # 2 ÷ 6
    "recon_opinion_letters": 1,  # B's
    "recon_overdue": 1,  # B
    "recon_superior_cases": 1,  # against county A
    "recon_avg_days": Decimal("22.5"),  # (19 + 26 + 28 + 16 + 29 + 17) ÷ 6
    "recon_max_days": 29,  # F
}


def test_each_figure_for_the_county_matches_the_hand_count(
    data, county_a, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        values = compute(county_a, 2023, CODES)
    assert values == EXPECTED_2023


def test_a_departments_figures_cover_only_its_own_cases(data, unit_a1):
    values = compute(
        unit_a1,
        2023,
        ["recon_received", "recon_closed", "recon_carried_over", "recon_correction_rate"],
    )
    # A1's cases: A (carried over, closed), B (received, closed), F (received, closed), H (received).
    assert values == {
        "recon_received": 3,
        "recon_closed": 3,
        "recon_carried_over": 1,
        "recon_correction_rate": Decimal("50.00"),
    }


def test_the_records_behind_a_figure_are_the_ones_it_counted(data, county_a):
    assert set(records("recon_closed", county_a, 2023)) == {data[k] for k in "ABDEFG"}
    assert set(records("recon_corrected", county_a, 2023)) == {data["B"]}
    assert set(records("recon_carried_over", county_a, 2023)) == {data["A"]}


def test_average_and_longest_handling_time(data, county_a):
    values = compute(county_a, 2023, ["recon_avg_days", "recon_max_days"])
    # A 19, B 26, D 28, E 16, F 29, G 17 days: 135 ÷ 6 = 22.5.
    assert (values["recon_avg_days"], values["recon_max_days"]) == (Decimal("22.5"), 29)


@override_settings(FAZHI_RECON_CORRECTION_BASE="closed")
def test_the_correction_rate_denominator_is_configurable(data, county_a):
    period = Period.year(2023)
    qs = Application.objects.in_subtree(county_a)
    assert qs.filter(recon.correction_base(period)).count() == 6  # every closed case
    assert (
        qs.filter(recon.correction_base(period)).count() != EXPECTED_2023["recon_correction_base"]
    )


def test_every_indicator_says_what_it_counts(db):
    cat = catalogue()
    for code in CODES:
        assert cat[code].definition
    assert "÷" in cat["recon_correction_rate"].definition
    assert "÷" in cat["recon_mediation_rate"].definition
