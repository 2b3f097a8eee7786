"""The pure rules: scoring arithmetic, grade bands, which publication period applies."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fazhi.enforcement import rules
from fazhi.enforcement.rules import CaseKind, Grade

WEIGHTS = {1: Decimal(20), 2: Decimal(30), 3: Decimal(30), 4: Decimal(20)}


def test_a_file_without_deductions_scores_a_hundred_and_is_excellent():
    assert rules.score(WEIGHTS, {}) == (Decimal(100), Grade.EXCELLENT)


def test_deductions_add_up_and_set_the_grade_at_the_band_boundaries():
    assert rules.score(WEIGHTS, {1: Decimal(5), 2: Decimal(5)}) == (Decimal(90), Grade.EXCELLENT)
    assert rules.score(WEIGHTS, {1: Decimal("10.5")}) == (Decimal("89.5"), Grade.GOOD)
    assert rules.score(WEIGHTS, {2: Decimal(20)}) == (Decimal(80), Grade.GOOD)
    assert rules.score(WEIGHTS, {2: Decimal(20), 3: Decimal(1)}) == (Decimal(79), Grade.PASS)
    assert rules.score(WEIGHTS, {2: Decimal(30), 1: Decimal(10)}) == (Decimal(60), Grade.PASS)
    assert rules.score(WEIGHTS, {2: Decimal(30), 1: Decimal(11)}) == (Decimal(59), Grade.FAIL)


def test_a_deduction_cannot_take_an_item_below_zero():
    # 50 off a 20-point item costs 20, not 50 (statutes.md §7.4).
    assert rules.score(WEIGHTS, {1: Decimal(50)}) == (Decimal(80), Grade.GOOD)


def test_any_veto_item_makes_the_file_fail_with_zero():
    assert rules.score(WEIGHTS, {}, [99]) == (Decimal(0), Grade.FAIL)


def test_it_rejects_negative_deductions_and_unknown_items():
    with pytest.raises(rules.ScoringError, match="不能为负数"):
        rules.score(WEIGHTS, {1: Decimal(-1)})
    with pytest.raises(rules.ScoringError, match="不是本评查表"):
        rules.score(WEIGHTS, {7: Decimal(1)}, labels={7: "其他"})


def test_grade_bands_follow_the_setting(settings):
    settings.FAZHI_ENF_GRADE_BANDS = ((85, Grade.EXCELLENT), (70, Grade.GOOD), (50, Grade.PASS))
    assert rules.grade_for(Decimal(86)) == Grade.EXCELLENT
    assert rules.grade_for(Decimal(55)) == Grade.PASS
    assert rules.grade_for(Decimal(49)) == Grade.FAIL


def test_permits_and_penalties_publish_in_seven_working_days_others_in_twenty_inspections_not():
    assert rules.publication_period(CaseKind.PENALTY) == "enforcement_publication_permit_penalty"
    assert rules.publication_period(CaseKind.PERMIT) == "enforcement_publication_permit_penalty"
    assert rules.publication_period(CaseKind.COERCION) == "enforcement_publication"
    assert rules.publication_period(CaseKind.LEVY) == "enforcement_publication"
    assert rules.publication_period(CaseKind.INSPECTION) is None


def test_the_training_minimum_is_a_setting(settings):
    settings.FAZHI_ENF_MIN_TRAINING_HOURS = 60
    assert rules.min_training_hours() == 60
