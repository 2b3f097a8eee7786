"""Disputes: the workflow through apply(), validation, masking, the 司法确认 period."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.core.workflow import TransitionNotAllowed
from fazhi.deadlines.services import deadlines_for
from fazhi.mediation.models import Dispute, Mediator, mask_parties
from fazhi.mediation.rules import Level, Outcome, State
from fazhi.mediation.tests.factories import make_committee, make_dispute

pytestmark = pytest.mark.django_db


@pytest.fixture
def committee(unit_a1):
    return make_committee(unit_a1)


def test_an_oral_agreement_settles_the_dispute(committee, liaison_a1):
    d = make_dispute(committee)
    d.apply("agree_oral", by=liaison_a1, on=date(2022, 3, 3), agreement="道歉")
    d.refresh_from_db()
    assert (d.state, d.outcome, d.closed_on, d.is_success) == (
        State.SETTLED,
        Outcome.ORAL,
        date(2022, 3, 3),
        True,
    )


def test_a_failed_mediation_is_closed_without_success(committee, liaison_a1):
    d = make_dispute(committee)
    d.apply("fail", by=liaison_a1, on=date(2022, 3, 3), reason="双方分歧大")
    assert (d.state, d.outcome, d.is_success) == (State.FAILED, Outcome.FAILED, False)
    assert "双方分歧大" in d.note


def test_a_referral_needs_the_receiving_body(committee, liaison_a1):
    d = make_dispute(committee)
    with pytest.raises(TransitionNotAllowed, match="移交单位"):
        d.apply("refer", by=liaison_a1, on=date(2022, 3, 3))
    d.refresh_from_db()
    assert d.state == State.RECEIVED and d.outcome == ""
    d.apply("refer", by=liaison_a1, on=date(2022, 3, 3), referred_to="确山县人民法院")
    assert d.state == State.REFERRED


def test_a_closed_dispute_cannot_be_closed_again(committee, liaison_a1):
    d = make_dispute(committee, outcome=Outcome.FAILED, closed_on=date(2022, 3, 2))
    with pytest.raises(TransitionNotAllowed, match="不能执行"):
        d.apply("agree_oral", by=liaison_a1, on=date(2022, 3, 5))


def test_performance_is_followed_up_after_an_agreement(committee, liaison_a1):
    d = make_dispute(committee)
    d.apply("agree_written", by=liaison_a1, on=date(2022, 3, 3))
    d.apply("record_breached", by=liaison_a1, on=date(2022, 4, 3), reason="未付款")
    assert d.state == State.BREACHED and d.outcome == Outcome.WRITTEN and d.is_success
    d.apply("record_performed", by=liaison_a1, on=date(2022, 5, 3))
    assert d.state == State.PERFORMED and d.followed_up_on == date(2022, 5, 3)


def test_a_written_agreement_the_parties_will_confirm_starts_the_30_day_period(
    committee, liaison_a1
):
    d = make_dispute(committee, received_on=date(2022, 8, 25))
    d.apply("agree_written", by=liaison_a1, on=date(2022, 9, 1), confirmation_planned=True)
    deadline = deadlines_for(d).get()
    # 人民调解法 第33条: 30 days from the day the agreement takes effect. Day 30 is
    # 1 October 2022, National Day; the period ends on the next working day, Saturday
    # 8 October, a make-up working day (调休).
    assert deadline.due_date == date(2022, 10, 8)
    d.apply("record_confirmation", by=liaison_a1, on=date(2022, 10, 8))
    deadline.refresh_from_db()
    assert d.confirmation_applied_on == date(2022, 10, 8) and deadline.on_time is True
    assert d.state == State.SETTLED
    assert "record_confirmation" not in [t.action for t in d.allowed_actions(liaison_a1)]


def test_an_agreement_without_planned_confirmation_opens_no_period(committee, liaison_a1):
    d = make_dispute(committee)
    d.apply("agree_written", by=liaison_a1, on=date(2022, 3, 3))
    assert not deadlines_for(d).exists()


def test_a_move_by_an_outsider_is_refused_and_changes_nothing(committee, liaison_a2):
    d = make_dispute(committee)
    with pytest.raises(TransitionNotAllowed, match="无权"):
        d.apply("agree_oral", by=liaison_a2, on=date(2022, 3, 3))
    d.refresh_from_db()
    assert d.state == State.RECEIVED


def test_a_future_date_is_refused(committee, liaison_a1):
    d = make_dispute(committee)
    with pytest.raises(TransitionNotAllowed, match="未来"):
        d.apply("agree_oral", by=liaison_a1, on=timezone.localdate() + timedelta(days=1))


def test_the_closing_date_may_not_precede_receipt(committee):
    d = Dispute(committee=committee, kind="neighbour", received_on=date(2022, 3, 1), parties="张三")
    d.set_concluded(Outcome.ORAL, date(2022, 2, 1))
    with pytest.raises(ValidationError) as exc:
        d.full_clean()
    assert "不能早于受理日期" in str(exc.value)


def test_an_outcome_needs_a_closing_date(committee):
    d = Dispute(committee=committee, kind="neighbour", received_on=date(2022, 3, 1), parties="张三")
    d.set_concluded(Outcome.ORAL, None)
    with pytest.raises(ValidationError, match="结案日期"):
        d.full_clean()


def test_a_state_that_contradicts_the_outcome_is_refused(committee):
    d = Dispute(
        committee=committee,
        kind="neighbour",
        received_on=date(2022, 3, 1),
        parties="张三",
        outcome=Outcome.FAILED,
        closed_on=date(2022, 3, 2),
        state=State.SETTLED,
    )
    with pytest.raises(ValidationError, match="不符"):
        d.full_clean()


def test_a_negative_amount_is_refused(committee):
    d = Dispute(
        committee=committee,
        kind="neighbour",
        received_on=date(2022, 3, 1),
        parties="张三",
        amount=-5,
    )
    with pytest.raises(ValidationError, match="负数"):
        d.full_clean()


def test_a_dispute_takes_its_committees_unit(committee, unit_a2):
    d = Dispute(
        committee=committee,
        unit=unit_a2,
        kind="neighbour",
        received_on=date(2022, 3, 1),
        parties="张三",
    )
    d.full_clean()
    assert d.unit == committee.unit


def test_a_mediator_of_another_committee_is_refused(committee, unit_a2):
    other = make_committee(unit_a2, name="另一调委会")
    m = Mediator(committee=other, name="王五")
    m.full_clean()
    m.save()
    d = Dispute(
        committee=committee,
        mediator=m,
        kind="neighbour",
        received_on=date(2022, 3, 1),
        parties="张三",
    )
    with pytest.raises(ValidationError, match="不属于该调委会"):
        d.full_clean()


def test_a_mediator_cannot_leave_before_being_appointed(committee):
    m = Mediator(
        committee=committee, name="王五", appointed_on=date(2022, 3, 1), left_on=date(2022, 2, 1)
    )
    with pytest.raises(ValidationError) as refused:
        m.full_clean()
    assert refused.value.message_dict == {"left_on": ["离任日期不能早于聘任日期。"]}
    m.left_on = date(2022, 3, 1)
    m.full_clean()
    assert str(m) == "王某某"


def test_committee_levels_match_their_units(township_a, village_a):
    make_committee(township_a, level=Level.TOWNSHIP)
    make_committee(village_a, level=Level.VILLAGE)
    with pytest.raises(ValidationError, match="乡镇（街道）"):
        make_committee(village_a, level=Level.TOWNSHIP, name="x")
    with pytest.raises(ValidationError, match="行业领域"):
        make_committee(township_a, level=Level.INDUSTRY, name="y", field="")


def test_parties_are_masked_but_organisations_are_not():
    assert mask_parties("张三丰、李四") == "张某某、李某某"
    assert mask_parties("确山县某某建筑有限公司，王五") == "确山县某某建筑有限公司、王某某"
    assert mask_parties("") == ""
