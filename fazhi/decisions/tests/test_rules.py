from datetime import date

import pytest

from fazhi.core.workflow import TransitionNotAllowed
from fazhi.decisions.models import Catalogue, Decision, DecisionStep
from fazhi.decisions.rules import State, Step, comment_period_error, step_error
from fazhi.indicators.engine import compute


def make_decision(unit, year=2022, published=date(2022, 2, 1)):
    cat = Catalogue.objects.create(unit=unit, year=year, published_on=published)
    return Decision.objects.create(unit=unit, catalogue=cat, year=year, title="城区供热规划")


PARTICIPATION = {
    "start_on": date(2022, 3, 1),
    "end_on": date(2022, 3, 31),
    "received": 10,
    "adopted": 3,
    "handling": "合理意见已采纳",
}


def pre_steps(d, by):
    d.apply("participation", by=by, on=date(2022, 4, 1), **PARTICIPATION)
    d.apply("not_applicable", by=by, on=date(2022, 4, 2), step="expert", reason="非专业性事项")
    d.apply("risk", by=by, on=date(2022, 4, 3), conclusion="低风险")


def test_it_refuses_the_legality_review_before_participation_expert_and_risk():
    assert (
        step_error(Step.LEGALITY, set())
        == "“合法性审查”之前必须先完成（或登记不适用）：公众参与、专家论证、风险评估。"
    )
    assert step_error(Step.LEGALITY, {Step.PARTICIPATION, Step.EXPERT, Step.RISK}) is None


def test_it_refuses_a_comment_period_shorter_than_30_days_without_a_reason():
    assert comment_period_error(date(2022, 3, 1), date(2022, 3, 30), "") is not None
    assert comment_period_error(date(2022, 3, 1), date(2022, 3, 31), "") is None
    assert comment_period_error(date(2022, 3, 1), date(2022, 3, 20), "防汛紧急") is None


@pytest.mark.django_db
def test_it_records_every_step_in_order_and_moves_the_state(county_a, coordinator):
    d = make_decision(county_a)
    pre_steps(d, coordinator)
    d.apply("legality", by=coordinator, on=date(2022, 4, 10), conclusion="合法")
    d.apply(
        "collective",
        by=coordinator,
        on=date(2022, 4, 20),
        meeting_kind="政府常务会议",
        meeting="第12次常务会议",
    )
    assert d.state == State.DECIDED
    d.apply("publication", by=coordinator, on=date(2022, 4, 25), detail="门户网站")
    d.apply("implementation", by=coordinator, on=date(2022, 5, 1))
    d.apply(
        "not_applicable",
        by=coordinator,
        on=date(2022, 12, 1),
        step="evaluation",
        reason="实施效果良好",
    )
    assert d.state == State.EVALUATED
    assert [s for s, _, rec in d.timeline() if rec is not None] == [s.value for s in Step]


@pytest.mark.django_db
def test_it_refuses_collective_discussion_before_the_legality_review_and_changes_nothing(
    county_a, coordinator
):
    d = make_decision(county_a)
    pre_steps(d, coordinator)
    with pytest.raises(TransitionNotAllowed, match="合法性审查"):
        d.apply(
            "collective",
            by=coordinator,
            on=date(2022, 4, 20),
            meeting_kind="政府常务会议",
            meeting="第12次",
        )
    d.refresh_from_db()
    assert d.state == State.DRAFTING
    assert not DecisionStep.objects.filter(decision=d, step=Step.COLLECTIVE).exists()


@pytest.mark.django_db
def test_it_refuses_a_step_dated_before_the_step_it_requires(county_a, coordinator):
    d = make_decision(county_a)
    pre_steps(d, coordinator)
    with pytest.raises(TransitionNotAllowed, match="早于"):
        d.apply("legality", by=coordinator, on=date(2022, 4, 2), conclusion="合法")


@pytest.mark.django_db
def test_it_refuses_to_mark_the_legality_review_not_applicable(county_a, coordinator):
    d = make_decision(county_a)
    with pytest.raises(TransitionNotAllowed, match="法定必经程序"):
        d.apply("not_applicable", by=coordinator, on=date(2022, 4, 2), step="legality", reason="无")


@pytest.mark.django_db
def test_it_refuses_a_not_applicable_step_without_a_reason(county_a, coordinator):
    d = make_decision(county_a)
    with pytest.raises(TransitionNotAllowed, match="须填写理由"):
        d.apply("not_applicable", by=coordinator, on=date(2022, 4, 2), step="expert", reason=" ")
    assert not d.steps.exists()


@pytest.mark.django_db
def test_it_refuses_a_short_comment_period_and_records_nothing(county_a, coordinator):
    d = make_decision(county_a)
    with pytest.raises(TransitionNotAllowed, match="第十五条"):
        d.apply(
            "participation",
            by=coordinator,
            on=date(2022, 3, 25),
            **{**PARTICIPATION, "end_on": date(2022, 3, 20)},
        )
    assert not d.steps.exists()


@pytest.mark.django_db
def test_it_refuses_collective_discussion_after_an_unlawful_review(county_a, coordinator):
    d = make_decision(county_a)
    pre_steps(d, coordinator)
    d.apply("legality", by=coordinator, on=date(2022, 4, 10), conclusion="不合法")
    with pytest.raises(TransitionNotAllowed, match="不得提交集体讨论"):
        d.apply(
            "collective",
            by=coordinator,
            on=date(2022, 4, 20),
            meeting_kind="政府常务会议",
            meeting="第12次",
        )


@pytest.mark.django_db
def test_it_counts_only_decisions_of_a_published_catalogue(county_a, coordinator):
    make_decision(county_a)
    unpublished = Catalogue.objects.create(unit=county_a, year=2021)
    Decision.objects.create(
        unit=county_a, catalogue=unpublished, year=2021, title="未公布目录中的事项"
    )
    assert compute(county_a, 2022, ["decision_count"])["decision_count"] == 1
    assert compute(county_a, 2021, ["decision_count"])["decision_count"] == 0


@pytest.mark.django_db
def test_it_refuses_a_step_by_a_liaison_of_another_unit(county_a, unit_a1, liaison_a2):
    d = make_decision(unit_a1)
    with pytest.raises(TransitionNotAllowed, match="无权"):
        d.apply("risk", by=liaison_a2, on=date(2022, 4, 3), conclusion="低风险")
