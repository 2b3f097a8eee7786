"""Each indicator on hand-built data; the expected figures are counted by hand below."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.indicators.catalogue import catalogue
from fazhi.indicators.engine import compute, records
from fazhi.litigation.rules import Excuse, LeaderRank, Outcome
from fazhi.litigation.tests.factories import make_lawsuit
from fazhi.testing import make_person

pytestmark = pytest.mark.django_db

CODES = [
    "litig_cases",
    "litig_closed",
    "litig_judged",
    "litig_lost",
    "litig_won",
    "litig_withdrawn",
    "litig_loss_rate",
    "litig_hearings",
    "litig_appear_required",
    "litig_appear_count",
    "litig_appear_rate",
    "litig_appear_case_required",
    "litig_appear_case_count",
    "litig_appear_case_rate",
]


@pytest.fixture
def data(unit_a1, unit_a2, county_b, coordinator, coordinator_b):
    """2023 in county A:

    c1 (A1) filed 2022, closed 2023 by 撤销 (lost, judgment); hearing 2023 head appeared.
    c2 (A1) filed 2023, 驳回诉讼请求 (won, judgment); hearing 2023 deputy appeared with a
       defective identity proof (absent); a second session, not required, head appeared.
    c3 (A2) filed 2023, 准予撤诉 (withdrawn, ruling); hearing 2023 absent with excuse.
    c4 (A2) filed 2023, still open; hearing 2023 in-charge leader appeared.
    c5 (A1) filed 2022, closed 2022: not active in 2023. Its 2022 hearing not in 2023.
    c6 (A1) filed 2024: not active in 2023.
    b1 in county B: never counted for county A.
    """
    head1 = make_person(unit_a1, "王一", position="局长")
    deputy1 = make_person(unit_a1, "王二", position="副局长")
    lead2 = make_person(unit_a2, "李三", position="副局长")
    c1 = make_lawsuit(unit_a1, by=coordinator, filed_on=date(2022, 11, 1))
    c1.apply(
        "record_hearing",
        by=coordinator,
        on=date(2023, 2, 1),
        appeared=True,
        person=head1,
        rank=LeaderRank.HEAD,
    )
    c1.apply("conclude", by=coordinator, on=date(2023, 3, 1), outcome=Outcome.REVOKE)
    c2 = make_lawsuit(unit_a1, by=coordinator, filed_on=date(2023, 1, 10))
    c2.apply(
        "record_hearing",
        by=coordinator,
        on=date(2023, 4, 1),
        appeared=True,
        person=deputy1,
        rank=LeaderRank.DEPUTY,
        identity_proof_ok=False,
    )
    c2.apply(
        "record_hearing",
        by=coordinator,
        on=date(2023, 5, 1),
        appearance_required=False,
        appeared=True,
        person=head1,
        rank=LeaderRank.HEAD,
    )
    c2.apply("conclude", by=coordinator, on=date(2023, 6, 1), outcome=Outcome.DISMISS_CLAIM)
    c3 = make_lawsuit(unit_a2, by=coordinator, filed_on=date(2023, 2, 1))
    c3.apply(
        "record_hearing",
        by=coordinator,
        on=date(2023, 3, 1),
        appeared=False,
        excuse=Excuse.ACCIDENT,
    )
    c3.apply("conclude", by=coordinator, on=date(2023, 4, 1), outcome=Outcome.WITHDRAWAL_ALLOWED)
    c4 = make_lawsuit(unit_a2, by=coordinator, filed_on=date(2023, 8, 1))
    c4.apply(
        "record_hearing",
        by=coordinator,
        on=date(2023, 9, 1),
        appeared=True,
        person=lead2,
        rank=LeaderRank.IN_CHARGE,
    )
    c5 = make_lawsuit(unit_a1, by=coordinator, filed_on=date(2022, 3, 1))
    c5.apply(
        "record_hearing",
        by=coordinator,
        on=date(2022, 4, 1),
        appeared=True,
        person=head1,
        rank=LeaderRank.HEAD,
    )
    c5.apply("conclude", by=coordinator, on=date(2022, 5, 1), outcome=Outcome.CONFIRM_ILLEGAL)
    make_lawsuit(unit_a1, by=coordinator, filed_on=date(2024, 1, 5))
    make_lawsuit(county_b, by=coordinator_b, filed_on=date(2023, 1, 5), court="泌阳县人民法院")
    return {"c1": c1, "c2": c2, "c3": c3, "c4": c4, "c5": c5}


def test_every_litigation_indicator_matches_the_hand_count(
    data, county_a, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(3):
        got = compute(county_a, 2023, CODES)
    # By hand: active c1 c2 c3 c4; closed c1 c2 c3; judged c1 c2; lost c1; won c2; withdrawn c3.
    # Hearings held 2023: c1, c2×2, c3, c4 = 5. 出庭应诉 is owed once per instance heard
    # (SPC 2020 第1条, 第7条), whatever the "required" box says: c1 c2 c3 c4 = 4;
    # appeared: c1 (head), c2 (the head at its second session: the deputy's defective
    # proof at the first does not count, 第6条), c4 (in charge) = 3.
    assert got == {
        "litig_cases": 4,
        "litig_closed": 3,
        "litig_judged": 2,
        "litig_lost": 1,
        "litig_won": 1,
        "litig_withdrawn": 1,
        "litig_loss_rate": 50,  # 1 ÷ 2
        "litig_hearings": 5,
        "litig_appear_required": 4,
        "litig_appear_count": 3,
        "litig_appear_rate": 75,
        "litig_appear_case_required": 4,
        "litig_appear_case_count": 3,
        "litig_appear_case_rate": 75,
    }


def test_a_department_sees_only_its_own_subtree(data, unit_a2) -> None:
    got = compute(
        unit_a2, 2023, ["litig_cases", "litig_hearings", "litig_appear_rate", "litig_loss_rate"]
    )
    # c3 and c4; hearings c3 (absent) and c4 (appeared): 1 ÷ 2; no judgment: no loss rate.
    assert got == {
        "litig_cases": 2,
        "litig_hearings": 2,
        "litig_appear_rate": 50,
        "litig_loss_rate": None,
    }


def test_the_drill_down_lists_exactly_the_records_counted(data, county_a) -> None:
    assert set(records("litig_lost", county_a, 2023)) == {data["c1"]}
    assert set(records("litig_cases", county_a, 2023)) == {
        data[k] for k in ("c1", "c2", "c3", "c4")
    }
    appeared = records("litig_appear_count", county_a, 2023)
    assert set(appeared) == {data["c1"], data["c2"], data["c4"]}


def test_the_loss_rate_can_divide_by_every_closed_case(data, county_a, settings) -> None:
    from fazhi.indicators import catalogue as cat_module
    from fazhi.litigation import indicators

    settings.FAZHI_LITIGATION_LOSS_DENOMINATOR = "closed"
    import importlib

    importlib.reload(indicators)
    cat_module.catalogue.cache_clear()
    try:
        # 1 lost ÷ 3 closed = 33.3 → 33
        assert compute(county_a, 2023, ["litig_loss_rate"]) == {"litig_loss_rate": 33}
        assert "审结案件数" in catalogue()["litig_loss_rate"].definition
    finally:
        settings.FAZHI_LITIGATION_LOSS_DENOMINATOR = "judged"
        importlib.reload(indicators)
        cat_module.catalogue.cache_clear()


def test_every_rate_states_its_numerator_and_denominator() -> None:
    for ind in catalogue().values():
        if ind.register == "litigation" and ind.kind == "rate":
            assert "÷" in ind.definition, ind.code


def test_the_first_instance_variant_leaves_out_appeal_hearings(
    unit_a1, coordinator, county_a
) -> None:
    head = make_person(unit_a1, "王一", position="局长")
    first = make_lawsuit(unit_a1, by=coordinator, filed_on=date(2023, 1, 10))
    first.apply(
        "record_hearing", by=coordinator, on=date(2023, 2, 1), appeared=False, excuse=Excuse.DUTY
    )
    first.apply("conclude", by=coordinator, on=date(2023, 3, 1), outcome=Outcome.DISMISS_CLAIM)
    first.apply("appeal", by=coordinator, on=date(2023, 3, 10), appellant="plaintiff")
    second = make_lawsuit(
        unit_a1, by=coordinator, kind="行终", previous=first, filed_on=date(2023, 4, 1)
    )
    second.apply(
        "record_hearing",
        by=coordinator,
        on=date(2023, 5, 1),
        appeared=True,
        person=head,
        rank=LeaderRank.HEAD,
    )
    got = compute(
        county_a,
        2023,
        ["litig_appear_rate", "litig_appear_rate_first", "litig_appear_required_first"],
    )
    # All instances: 1 appeared ÷ 2 required; first instance only: 0 ÷ 1.
    assert got == {
        "litig_appear_rate": 50,
        "litig_appear_rate_first": 0,
        "litig_appear_required_first": 1,
    }


def test_an_unticked_required_box_does_not_drop_an_instance_from_the_appearance_rate(
    unit_a1, coordinator, county_a
) -> None:
    # SPC 2020 第1条: every instance heard owes one appearance; the court's notice box
    # does not change that. One instance, its only hearing unticked and absent: 0 ÷ 1.
    suit = make_lawsuit(unit_a1, by=coordinator, filed_on=date(2023, 1, 10))
    suit.apply(
        "record_hearing",
        by=coordinator,
        on=date(2023, 2, 1),
        appearance_required=False,
        appeared=False,
        excuse=Excuse.DUTY,
    )
    got = compute(county_a, 2023, ["litig_appear_required", "litig_appear_rate"])
    assert got == {"litig_appear_required": 1, "litig_appear_rate": 0}


def test_the_agencys_dismissed_appeal_is_a_loss(unit_a1, coordinator, county_a) -> None:
    # First instance 撤销 (lost); the agency appeals; 判决驳回上诉、维持原判 (行政诉讼法
    # 第89条第1款第1项): the judgment against it stands. Both instances lost: 2 ÷ 2.
    first = make_lawsuit(unit_a1, by=coordinator, filed_on=date(2023, 1, 10))
    first.apply("conclude", by=coordinator, on=date(2023, 3, 1), outcome=Outcome.REVOKE)
    first.apply("appeal", by=coordinator, on=date(2023, 3, 10), appellant="defendant")
    second = make_lawsuit(
        unit_a1, by=coordinator, kind="行终", previous=first, filed_on=date(2023, 4, 1)
    )
    second.apply("conclude", by=coordinator, on=date(2023, 6, 1), outcome=Outcome.APPEAL_DISMISSED)
    second.refresh_from_db()
    assert second.result == "lost"
    got = compute(county_a, 2023, ["litig_lost", "litig_won", "litig_loss_rate"])
    assert got == {"litig_lost": 2, "litig_won": 0, "litig_loss_rate": 100}
