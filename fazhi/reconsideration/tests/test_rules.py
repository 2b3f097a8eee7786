"""The law as data: the transition table and the outcome sets stay consistent."""

from __future__ import annotations

import pytest
from django.test import override_settings

from fazhi.reconsideration import rules
from fazhi.reconsideration.rules import Procedure, ReviewOutcome, State


def test_every_action_has_a_side_and_every_input_a_kind():
    assert set(rules.SIDE) == set(rules.TRANSITIONS)
    for t in rules.TRANSITIONS.values():
        assert set(t.inputs) <= set(rules.INPUT_KINDS), t.action
        assert t.sources <= set(State.values), t.action


def test_no_move_leaves_a_final_state_except_letters_and_follow_up():
    for t in rules.TRANSITIONS.values():
        if t.sources & rules.FINAL_STATES:
            assert t.action in {"issue_letter", "letter_reply", "follow_up"}, t.action
            assert t.target is None  # the case stays where it is


def test_corrective_outcomes_are_decisions_and_never_upholding():
    assert rules.CORRECTIVE_OUTCOMES <= rules.DECISION_OUTCOMES
    assert ReviewOutcome.UPHOLD not in rules.CORRECTIVE_OUTCOMES
    assert ReviewOutcome.REJECT_CLAIM not in rules.CORRECTIVE_OUTCOMES
    assert rules.REVOKED_OUTCOMES <= rules.CORRECTIVE_OUTCOMES
    assert ReviewOutcome.REJECT_APPLICATION not in rules.MERITS_OUTCOMES


@pytest.mark.parametrize(
    ("outcome", "state"),
    [
        (ReviewOutcome.UPHOLD, State.DECIDED),
        (ReviewOutcome.REVOKE, State.DECIDED),
        (ReviewOutcome.MEDIATED, State.MEDIATED),
        (ReviewOutcome.SETTLED_WITHDRAWN, State.SETTLED),
        (ReviewOutcome.TERMINATED, State.TERMINATED),
    ],
)
def test_each_closing_outcome_leads_to_its_state(outcome, state):
    assert rules.outcome_state(outcome) == state


def test_not_accepted_is_no_closing_outcome():
    with pytest.raises(ValueError):
        rules.outcome_state(ReviewOutcome.NOT_ACCEPTED)


def test_only_the_ordinary_procedure_is_extended_and_only_once():
    assert rules.can_extend(Procedure.ORDINARY, already_extended=False)
    assert not rules.can_extend(Procedure.ORDINARY, already_extended=True)
    assert not rules.can_extend(Procedure.SIMPLIFIED, already_extended=False)


def test_the_correction_base_defaults_to_decisions_on_the_merits_and_rejects_typos():
    assert rules.correction_base() == "merits"
    with override_settings(FAZHI_RECON_CORRECTION_BASE="closed"):
        assert rules.correction_base() == "closed"
    with override_settings(FAZHI_RECON_CORRECTION_BASE="everything"), pytest.raises(ValueError):
        rules.correction_base()
