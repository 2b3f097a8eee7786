"""The outcome rules of people's mediation (人民调解法 第28–33条) as data."""

from __future__ import annotations

from fazhi.mediation import rules
from fazhi.mediation.rules import Outcome, State


def test_an_oral_or_written_agreement_counts_as_success():
    assert rules.is_success(Outcome.ORAL)
    assert rules.is_success(Outcome.WRITTEN)


def test_a_failed_or_referred_mediation_does_not_count_as_success():
    assert not rules.is_success(Outcome.FAILED)
    assert not rules.is_success(Outcome.REFERRED)
    assert not rules.is_success("")


def test_every_outcome_has_a_closing_state_and_a_closing_action():
    assert set(rules.STATE_OF_OUTCOME) == set(Outcome.values)
    assert set(rules.OUTCOME_OF_ACTION.values()) == set(Outcome.values)
    for action, outcome in rules.OUTCOME_OF_ACTION.items():
        assert rules.TRANSITIONS[action].target == rules.STATE_OF_OUTCOME[outcome]


def test_agreements_end_settled_and_the_others_end_in_their_own_state():
    assert rules.STATE_OF_OUTCOME[Outcome.ORAL] == State.SETTLED
    assert rules.STATE_OF_OUTCOME[Outcome.WRITTEN] == State.SETTLED
    assert rules.STATE_OF_OUTCOME[Outcome.FAILED] == State.FAILED
    assert rules.STATE_OF_OUTCOME[Outcome.REFERRED] == State.REFERRED


def test_the_success_rate_is_over_disputes_received():
    assert round(rules.success_rate(951, 1047)) == 91
    assert rules.success_rate(0, 0) is None


def test_performance_is_followed_up_only_after_an_agreement():
    assert rules.TRANSITIONS["record_performed"].sources == {State.SETTLED, State.BREACHED}
    assert State.FAILED not in rules.TRANSITIONS["record_confirmation"].sources
