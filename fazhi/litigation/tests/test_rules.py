from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from fazhi.litigation import rules
from fazhi.litigation.rules import Instance, LeaderRank, Outcome, Result


def test_it_parses_a_full_width_case_number_and_its_instance() -> None:
    n = rules.parse_case_number("（2023）豫1725行初12号")
    assert (n.year, n.court, n.case_type, n.serial) == (2023, "豫1725", "行初", 12)
    assert n.instance == Instance.FIRST


def test_it_normalises_half_width_brackets_and_spaces() -> None:
    assert str(rules.parse_case_number(" (2022)豫17 行终 3号 ")) == "（2022）豫17行终3号"


@pytest.mark.parametrize(
    ("number", "instance"),
    [
        ("（2023）豫17行终5号", Instance.SECOND),
        ("（2023）豫行再1号", Instance.RETRIAL),
        ("（2023）豫行申88号", Instance.RETRIAL_REVIEW),
        ("（2023）豫1725行赔初2号", Instance.FIRST),
        ("（2023）豫17行赔终2号", Instance.SECOND),
    ],
)
def test_the_case_type_gives_the_instance(number: str, instance: str) -> None:
    assert rules.parse_case_number(number).instance == instance


@pytest.mark.parametrize(
    "number",
    [
        "2023豫1725行初12号",
        "（23）豫1725行初12号",
        "（2023）豫1725民初12号",
        "（2023）豫1725行初号",
        "",
        "（2023）1725行初12号",
    ],
)
def test_it_rejects_a_malformed_case_number_in_chinese(number: str) -> None:
    with pytest.raises(ValidationError) as exc:
        rules.parse_case_number(number)
    assert "案号" in exc.value.messages[0]


def test_every_outcome_falls_in_exactly_one_result_bucket() -> None:
    for outcome in Outcome.values:
        buckets = [outcome in rules.LOST, outcome in rules.WON, outcome in rules.WITHDRAWN]
        assert sum(buckets) <= 1, outcome


@pytest.mark.parametrize("outcome", Outcome.values)
@pytest.mark.parametrize("appellant", ["", "plaintiff", "defendant", "third_party"])
@pytest.mark.parametrize("previous", ["", "won", "lost"])
def test_the_result_follows_the_outcome_and_who_appealed(outcome, appellant, previous) -> None:
    """行政诉讼法 第89条: every outcome × every appellant × the first-instance result."""
    got = rules.result_of(outcome, appellant, previous)
    if outcome == Outcome.APPEAL_DISMISSED:
        # 驳回上诉、维持原判: the appellant lost the appeal, the first judgment stands.
        expected = {
            "defendant": Result.LOST,
            "plaintiff": Result.WON,
        }.get(appellant, previous or Result.OTHER)
    elif outcome == Outcome.APPEAL_REVERSED_AGAINST or outcome in rules.LOST:
        expected = Result.LOST
    elif outcome == Outcome.APPEAL_REVERSED_FOR or outcome in rules.WON:
        expected = Result.WON
    elif outcome in rules.WITHDRAWN:
        expected = Result.WITHDRAWN
    else:
        expected = Result.OTHER
    assert got == expected


def test_lost_outcomes_are_the_judgments_against_the_defendant() -> None:
    assert rules.result_of(Outcome.REVOKE) == Result.LOST
    assert rules.result_of(Outcome.CONFIRM_ILLEGAL) == Result.LOST
    assert rules.result_of(Outcome.DISMISS_CLAIM) == Result.WON
    assert rules.result_of(Outcome.WITHDRAWAL_ALLOWED) == Result.WITHDRAWN
    assert rules.result_of(Outcome.MEDIATED) == Result.OTHER
    assert rules.LOST <= rules.JUDGMENTS


def test_only_the_leaders_of_spc_article_2_with_a_valid_identity_proof_count_as_appearing() -> None:
    assert rules.counts_as_appearance(appeared=True, rank=LeaderRank.HEAD, identity_proof_ok=True)
    assert rules.counts_as_appearance(
        appeared=True, rank=LeaderRank.IN_CHARGE, identity_proof_ok=True
    )
    assert not rules.counts_as_appearance(
        appeared=True, rank=LeaderRank.LOWER, identity_proof_ok=True
    )
    assert not rules.counts_as_appearance(
        appeared=True, rank=LeaderRank.ENTRUSTED, identity_proof_ok=True
    )
    assert not rules.counts_as_appearance(
        appeared=True, rank=LeaderRank.HEAD, identity_proof_ok=False
    )
    assert not rules.counts_as_appearance(
        appeared=False, rank=LeaderRank.HEAD, identity_proof_ok=True
    )


def test_the_loss_rate_denominator_is_judgments_by_default_and_configurable(
    settings: object,
) -> None:
    assert rules.loss_rate_denominator() == "litig_judged"
    settings.FAZHI_LITIGATION_LOSS_DENOMINATOR = "closed"  # type: ignore[attr-defined]
    assert rules.loss_rate_denominator() == "litig_closed"
