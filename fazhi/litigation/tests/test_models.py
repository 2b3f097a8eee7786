from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.core.workflow import TransitionNotAllowed
from fazhi.litigation.models import Hearing, Lawsuit, mask_plaintiff
from fazhi.litigation.rules import Excuse, Instance, LeaderRank, Outcome, Result, State
from fazhi.litigation.tests.factories import make_lawsuit
from fazhi.testing import make_person

pytestmark = pytest.mark.django_db


def test_registering_normalises_the_case_number_and_sets_the_instance(unit_a1, liaison_a1) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1, case_number="(2023)豫17行终4号")
    assert suit.case_number == "（2023）豫17行终4号"
    assert suit.instance == Instance.SECOND
    assert suit.state == State.RECEIVED


def test_it_rejects_a_malformed_case_number_and_saves_nothing(unit_a1, liaison_a1) -> None:
    with pytest.raises(ValidationError) as exc:
        make_lawsuit(unit_a1, by=liaison_a1, case_number="豫1725行初12号")
    assert "案号" in exc.value.message_dict["case_number"][0]
    assert not Lawsuit.objects.exists()


def test_it_rejects_a_case_number_whose_year_differs_from_the_filing_date(
    unit_a1, liaison_a1
) -> None:
    with pytest.raises(ValidationError) as exc:
        make_lawsuit(
            unit_a1, by=liaison_a1, case_number="（2022）豫1725行初1号", filed_on=date(2023, 1, 5)
        )
    assert "年份" in exc.value.message_dict["case_number"][0]


def test_it_rejects_a_future_filing_date(unit_a1, liaison_a1) -> None:
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        make_lawsuit(unit_a1, by=liaison_a1, filed_on=tomorrow, received_on=tomorrow)
    assert "未来" in exc.value.message_dict["filed_on"][0]


def test_it_rejects_a_complaint_received_before_filing(unit_a1, liaison_a1) -> None:
    with pytest.raises(ValidationError) as exc:
        make_lawsuit(
            unit_a1, by=liaison_a1, filed_on=date(2023, 3, 1), received_on=date(2023, 2, 27)
        )
    assert "早于立案日期" in exc.value.message_dict["received_on"][0]


def test_a_liaison_cannot_register_for_another_unit(unit_a1, liaison_a2) -> None:
    with pytest.raises(ValidationError):
        make_lawsuit(unit_a1, by=liaison_a2)
    assert not Lawsuit.objects.exists()


def test_defending_moves_the_case_to_trial(unit_a1, liaison_a1) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    suit.apply("defend", by=liaison_a1, on=date(2023, 3, 10))
    suit.refresh_from_db()
    assert (suit.state, suit.defended_on) == (State.DEFENDED, date(2023, 3, 10))


def test_it_refuses_to_defend_twice(unit_a1, liaison_a1) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    suit.apply("defend", by=liaison_a1, on=date(2023, 3, 10))
    with pytest.raises(TransitionNotAllowed, match="不能执行"):
        suit.apply("defend", by=liaison_a1, on=date(2023, 3, 11))


def test_it_refuses_a_move_dated_before_the_complaint_was_received(unit_a1, liaison_a1) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    with pytest.raises(TransitionNotAllowed, match="早于"):
        suit.apply("defend", by=liaison_a1, on=date(2023, 2, 1))


def test_the_leader_and_outsiders_may_not_move_a_case(
    unit_a1, liaison_a1, liaison_a2, leader, coordinator_b
) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    for user in (liaison_a2, leader, coordinator_b):
        assert suit.allowed_actions(user) == []
        with pytest.raises(TransitionNotAllowed, match="无权"):
            suit.apply("defend", by=user, on=date(2023, 3, 10))
    assert Lawsuit.objects.get().state == State.RECEIVED


def test_the_allowed_actions_follow_the_state(unit_a1, liaison_a1) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    assert [t.action for t in suit.allowed_actions(liaison_a1)] == [
        "defend",
        "schedule_hearing",
        "record_hearing",
        "extend_trial",
        "conclude",
    ]
    suit.apply("conclude", by=liaison_a1, on=date(2023, 6, 1), outcome=Outcome.DISMISS_CLAIM)
    assert [t.action for t in suit.allowed_actions(liaison_a1)] == ["appeal"]


def test_concluding_records_the_outcome_and_its_result(unit_a1, liaison_a1) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    suit.apply("defend", by=liaison_a1, on=date(2023, 3, 10))
    suit.apply(
        "conclude",
        by=liaison_a1,
        on=date(2023, 6, 1),
        outcome=Outcome.REVOKE,
        judgment_number="（2023）豫1725行初1号判决书",
    )
    suit.refresh_from_db()
    assert (suit.state, suit.outcome, suit.result, suit.closed_on) == (
        State.CONCLUDED,
        Outcome.REVOKE,
        Result.LOST,
        date(2023, 6, 1),
    )


def test_it_rejects_an_unknown_outcome_and_changes_nothing(unit_a1, liaison_a1) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    with pytest.raises(TransitionNotAllowed) as exc:
        suit.apply("conclude", by=liaison_a1, on=date(2023, 6, 1), outcome="guilty")
    assert "未知的裁判结果" in str(exc.value)
    suit.refresh_from_db()
    assert (suit.state, suit.outcome) == (State.RECEIVED, "")


def test_it_rejects_a_judgment_dated_before_filing(unit_a1, liaison_a1) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    with pytest.raises(TransitionNotAllowed, match="早于"):
        suit.apply("conclude", by=liaison_a1, on=date(2023, 2, 1), outcome=Outcome.DISMISS_CLAIM)
    assert Lawsuit.objects.get().state == State.RECEIVED


def test_it_rejects_a_judgment_dated_in_the_future(unit_a1, liaison_a1) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    with pytest.raises(TransitionNotAllowed, match="未来"):
        suit.apply(
            "conclude",
            by=liaison_a1,
            on=timezone.localdate() + timedelta(days=1),
            outcome=Outcome.DISMISS_CLAIM,
        )


def test_a_first_instance_cannot_end_with_an_appeal_only_outcome(unit_a1, liaison_a1) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    with pytest.raises(TransitionNotAllowed, match="二审"):
        suit.apply("conclude", by=liaison_a1, on=date(2023, 6, 1), outcome=Outcome.APPEAL_DISMISSED)


def test_an_appeal_lies_from_a_concluded_first_instance_and_links_the_second(
    unit_a1, liaison_a1
) -> None:
    first = make_lawsuit(unit_a1, by=liaison_a1)
    with pytest.raises(TransitionNotAllowed):
        first.apply("appeal", by=liaison_a1, on=date(2023, 6, 5), appellant="plaintiff")
    first.apply("conclude", by=liaison_a1, on=date(2023, 6, 1), outcome=Outcome.DISMISS_CLAIM)
    first.apply("appeal", by=liaison_a1, on=date(2023, 6, 10), appellant="plaintiff")
    second = make_lawsuit(
        unit_a1, by=liaison_a1, kind="行终", previous=first, filed_on=date(2023, 7, 1)
    )
    second.apply("conclude", by=liaison_a1, on=date(2023, 9, 1), outcome=Outcome.APPEAL_DISMISSED)
    assert first.state == State.APPEALED
    assert list(first.next_instances.all()) == [second]
    assert second.result == Result.WON


def test_a_second_instance_cannot_be_appealed(unit_a1, liaison_a1) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1, kind="行终")
    suit.apply(
        "conclude",
        by=liaison_a1,
        on=date(2023, 6, 1),
        outcome=Outcome.APPEAL_DISMISSED,
        appellant="plaintiff",
    )
    assert suit.allowed_actions(liaison_a1) == []
    with pytest.raises(TransitionNotAllowed):
        suit.apply("appeal", by=liaison_a1, on=date(2023, 6, 5), appellant="plaintiff")


def test_an_appeal_needs_an_appellant(unit_a1, liaison_a1) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    suit.apply("conclude", by=liaison_a1, on=date(2023, 6, 1), outcome=Outcome.DISMISS_CLAIM)
    with pytest.raises(TransitionNotAllowed, match="上诉人"):
        suit.apply("appeal", by=liaison_a1, on=date(2023, 6, 5), appellant="")


# ---------------------------------------------------------------- hearings


def test_a_scheduled_hearing_is_then_recorded_with_the_head_appearing(unit_a1, liaison_a1) -> None:
    head = make_person(unit_a1, "王局长", position="局长", is_principal=True)
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    suit.apply("schedule_hearing", by=liaison_a1, on=date(2023, 4, 3), hearing_on=date(2023, 4, 10))
    hearing = Hearing.objects.get()
    assert (hearing.held, hearing.scheduled_on, hearing.unit_id) == (
        False,
        date(2023, 4, 10),
        unit_a1.pk,
    )
    assert not hearing.notice_short
    suit.apply(
        "record_hearing",
        by=liaison_a1,
        on=date(2023, 4, 10),
        hearing=hearing.pk,
        appeared=True,
        person=head,
        rank=LeaderRank.HEAD,
        spoke=True,
    )
    hearing.refresh_from_db()
    assert (
        hearing.held,
        hearing.held_on,
        hearing.counts_as_appearance,
        hearing.position,
        hearing.spoke,
    ) == (True, date(2023, 4, 10), True, "局长", True)
    assert Hearing.objects.count() == 1
    assert suit.state == State.RECEIVED


def test_a_notice_less_than_three_days_before_the_hearing_is_flagged(unit_a1, liaison_a1) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    suit.apply("schedule_hearing", by=liaison_a1, on=date(2023, 4, 8), hearing_on=date(2023, 4, 10))
    assert Hearing.objects.get().notice_short


def test_a_defective_identity_proof_counts_as_absent(unit_a1, liaison_a1) -> None:
    head = make_person(unit_a1, "王局长", position="局长")
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    suit.apply(
        "record_hearing",
        by=liaison_a1,
        on=date(2023, 4, 10),
        appeared=True,
        person=head,
        rank=LeaderRank.HEAD,
        identity_proof_ok=False,
    )
    assert not Hearing.objects.get().counts_as_appearance


def test_a_leader_of_another_unit_cannot_be_recorded_as_the_responsible_person(
    unit_a1, unit_a2, liaison_a1
) -> None:
    other = make_person(unit_a2, "李局长", position="局长")
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    with pytest.raises(TransitionNotAllowed, match="被告单位的负责人"):
        suit.apply(
            "record_hearing",
            by=liaison_a1,
            on=date(2023, 4, 10),
            appeared=True,
            person=other,
            rank=LeaderRank.HEAD,
        )
    assert not Hearing.objects.exists()


def test_an_absence_needs_a_reason(unit_a1, liaison_a1) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    with pytest.raises(TransitionNotAllowed, match="未出庭理由"):
        suit.apply("record_hearing", by=liaison_a1, on=date(2023, 4, 10), appeared=False)
    suit.apply(
        "record_hearing",
        by=liaison_a1,
        on=date(2023, 4, 10),
        appeared=False,
        excuse=Excuse.DUTY,
        staff="法制股 刘某",
    )
    hearing = Hearing.objects.get()
    assert (hearing.counts_as_appearance, hearing.excuse) == (False, Excuse.DUTY)


def test_a_hearing_dated_in_the_future_is_refused(unit_a1, liaison_a1) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    with pytest.raises(TransitionNotAllowed, match="未来"):
        suit.apply(
            "record_hearing",
            by=liaison_a1,
            on=timezone.localdate() + timedelta(days=2),
            appeared=False,
            excuse=Excuse.DUTY,
        )
    assert not Hearing.objects.exists()


def test_a_hearing_cannot_be_scheduled_before_its_notice(unit_a1, liaison_a1) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    with pytest.raises(TransitionNotAllowed, match="开庭日期"):
        suit.apply(
            "schedule_hearing", by=liaison_a1, on=date(2023, 4, 8), hearing_on=date(2023, 4, 1)
        )


def test_no_hearing_can_be_recorded_after_the_case_is_concluded(unit_a1, liaison_a1) -> None:
    suit = make_lawsuit(unit_a1, by=liaison_a1)
    suit.apply("conclude", by=liaison_a1, on=date(2023, 6, 1), outcome=Outcome.DISMISS_SUIT)
    with pytest.raises(TransitionNotAllowed):
        suit.apply(
            "record_hearing", by=liaison_a1, on=date(2023, 6, 2), appeared=False, excuse=Excuse.DUTY
        )


def test_a_natural_plaintiff_is_masked_and_a_company_is_not() -> None:
    assert mask_plaintiff("苏建国") == "苏某某"
    assert mask_plaintiff("张三、李四") == "张某某、李某某"
    assert mask_plaintiff("确山县某某建材有限公司") == "确山县某某建材有限公司"


# ---------------------------------------------------------------- link to reconsideration


def _recon(coordinator, respondent, **extra):
    from fazhi.reconsideration.models import Application

    fields = {
        "respondent": respondent,
        "applicant_name": "苏建国",
        "act": "行政处罚决定",
        "received_on": date(2023, 1, 5),
    }
    fields.update(extra)
    return Application.register(by=coordinator, **fields)


def test_a_lawsuit_after_reconsideration_links_to_the_case(unit_a1, coordinator) -> None:
    recon = _recon(coordinator, unit_a1)
    suit = make_lawsuit(unit_a1, by=coordinator, reconsideration=recon)
    assert list(recon.lawsuits.all()) == [suit]


def test_the_reconsideration_agency_may_be_the_defendant_but_not_another_unit(
    unit_a1, unit_a2, coordinator
) -> None:
    recon = _recon(coordinator, unit_a1)
    make_lawsuit(recon.agency, by=coordinator, reconsideration=recon)
    with pytest.raises(ValidationError) as exc:
        make_lawsuit(unit_a2, by=coordinator, reconsideration=recon)
    assert "被申请人或复议机关" in exc.value.message_dict["reconsideration"][0]


def test_a_lawsuit_cannot_predate_its_reconsideration(unit_a1, coordinator) -> None:
    recon = _recon(coordinator, unit_a1, received_on=date(2023, 5, 1))
    with pytest.raises(ValidationError) as exc:
        make_lawsuit(unit_a1, by=coordinator, reconsideration=recon, filed_on=date(2023, 4, 1))
    assert "早于" in exc.value.message_dict["reconsideration"][0]


def test_a_dismissed_appeal_without_a_known_appellant_asks_for_one(unit_a1, liaison_a1) -> None:
    # 行政诉讼法 第89条第1款第1项: whether 驳回上诉 is won or lost depends on who appealed.
    suit = make_lawsuit(unit_a1, by=liaison_a1, kind="行终")
    with pytest.raises(TransitionNotAllowed, match="上诉人"):
        suit.apply("conclude", by=liaison_a1, on=date(2023, 6, 1), outcome=Outcome.APPEAL_DISMISSED)
    suit.apply(
        "conclude",
        by=liaison_a1,
        on=date(2023, 6, 1),
        outcome=Outcome.APPEAL_DISMISSED,
        appellant="defendant",
    )
    assert (suit.result, suit.appellant) == ("lost", "defendant")


def test_the_first_instance_trial_period_can_be_extended_with_the_high_courts_approval(
    unit_a1, liaison_a1
) -> None:
    # 行政诉讼法 第81条: 6 months from 立案 (2024-03-01 → 09-02, 09-01 being a Sunday);
    # 有特殊情况需要延长的，由高级人民法院批准 — 3 months more: 12-02.
    from fazhi.deadlines.services import deadlines_for

    suit = make_lawsuit(unit_a1, by=liaison_a1, filed_on=date(2024, 3, 1))
    trial = deadlines_for(suit).get(period__code="litig_trial_first")
    assert trial.due_date == date(2024, 9, 2)
    with pytest.raises(TransitionNotAllowed):
        suit.apply("extend_trial", by=liaison_a1, on=date(2024, 8, 1), months=3, approved_by="")
    suit.apply(
        "extend_trial",
        by=liaison_a1,
        on=date(2024, 8, 1),
        months=3,
        approved_by="河南省高级人民法院",
    )
    trial.refresh_from_db()
    assert trial.due_date == date(2024, 12, 2)
