"""The workflow of an application: every move allowed and refused, and the periods it runs."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError

from fazhi.core.workflow import TransitionNotAllowed
from fazhi.reconsideration.models import Application
from fazhi.reconsideration.rules import PerformanceStatus, Procedure, ReviewOutcome, State
from fazhi.reconsideration.tests.helpers import (
    NEW_LAW,
    NEW_LAW_REPLIED,
    accepted,
    deadline,
    received,
    replied,
)

pytestmark = pytest.mark.django_db


def _fresh(app: Application) -> Application:
    return Application.objects.get(pk=app.pk)


# ------------------------------------------------------------------ registration


def test_it_registers_an_application_and_opens_the_acceptance_review(
    coordinator, unit_a1, county_a
):
    app = received(coordinator, unit_a1, date(2023, 9, 27))
    assert app.state == State.RECEIVED
    assert app.agency == county_a
    review = deadline(app, "recon_acceptance_review")
    # 5 working days (第30条、第88条): 28 Sep, then the National Day holiday, then the
    # make-up Saturday and Sunday 7–8 Oct, 9 Oct and 10 Oct.
    assert review.due_date == date(2023, 10, 10)
    assert (review.unit, review.responsible) == (county_a, coordinator)  # the agency's due list


def test_it_refuses_a_receipt_date_in_the_future(coordinator, unit_a1):
    with time_machine.travel(date(2024, 5, 6), tick=False), pytest.raises(ValidationError) as exc:
        received(coordinator, unit_a1, date(2024, 5, 7))
    assert "晚于今天" in str(exc.value)
    assert not Application.objects.exists()


def test_it_refuses_a_respondent_outside_the_agencys_jurisdiction(coordinator, county_b):
    with pytest.raises(ValidationError):
        received(coordinator, county_b)
    assert not Application.objects.exists()


def test_it_refuses_registration_by_a_department_liaison(liaison_a1, unit_a1):
    with pytest.raises(ValidationError) as exc:
        received(liaison_a1, unit_a1)
    assert "复议机关" in str(exc.value)
    assert not Application.objects.exists()


# ------------------------------------------------------------------ acceptance review


def test_correction_time_pauses_the_acceptance_review(coordinator, unit_a1):
    app = received(coordinator, unit_a1, date(2023, 3, 1))  # Wednesday
    before = deadline(app, "recon_acceptance_review").due_date
    app.apply("request_correction", by=coordinator, on=date(2023, 3, 2))
    assert app.state == State.CORRECTION
    assert deadline(app, "recon_applicant_correction").due_date == date(
        2023, 3, 16
    )  # 10 working days
    app.apply("receive_correction", by=coordinator, on=date(2023, 3, 9))
    assert app.state == State.RECEIVED
    after = deadline(app, "recon_acceptance_review").due_date
    assert before == date(2023, 3, 8)
    assert after > before  # the applicant's five working days did not count


def test_it_refuses_to_treat_the_application_as_abandoned_before_the_correction_period_ends(
    coordinator, unit_a1
):
    app = received(coordinator, unit_a1, date(2023, 3, 1))
    app.apply("request_correction", by=coordinator, on=date(2023, 3, 2))
    with pytest.raises(TransitionNotAllowed):
        app.apply("abandon", by=coordinator, on=date(2023, 3, 16))
    app.apply("abandon", by=coordinator, on=date(2023, 3, 17))
    assert _fresh(app).state == State.ABANDONED


def test_accepting_opens_the_copy_and_decision_periods(coordinator, unit_a1):
    app = accepted(coordinator, unit_a1, on=date(2023, 8, 2), received_on=date(2023, 8, 1))
    assert app.state == State.ACCEPTED and app.accepted_on == date(2023, 8, 2)
    assert deadline(app, "recon_copy_ordinary").due_date == date(2023, 8, 11)  # 7 working days
    # 60 days end on Sunday 1 Oct, inside the holiday: the next working day is the
    # make-up Saturday 7 Oct.
    assert deadline(app, "recon_decision_ordinary").due_date == date(2023, 10, 7)


def test_simplified_procedure_uses_the_shorter_periods(coordinator, unit_a1):
    app = accepted(coordinator, unit_a1, procedure=Procedure.SIMPLIFIED, **NEW_LAW)
    assert deadline(app, "recon_copy_simplified").due_date == date(2024, 3, 12)  # 3 working days
    # 30 days end on 6 April (清明), rolled to the make-up Sunday 7 April (第62条第2款).
    assert deadline(app, "recon_decision_simplified").due_date == date(2024, 4, 7)


def test_an_application_received_before_2024_has_no_simplified_procedure(coordinator, unit_a1):
    # 行政复议法 第90条: the 2023 text (and its 简易程序, 第53条) applies from 2024-01-01.
    app = received(coordinator, unit_a1, date(2023, 12, 20))
    with pytest.raises(TransitionNotAllowed) as exc:
        app.apply("accept", by=coordinator, on=date(2024, 1, 3), procedure=Procedure.SIMPLIFIED)
    assert "第90条" in str(exc.value)
    app.apply("accept", by=coordinator, on=date(2024, 1, 3), procedure=Procedure.ORDINARY)
    decision = deadline(app, "recon_decision_ordinary")
    assert decision.period.effective_until == date(2023, 12, 31)  # the old 第31条


def test_corrected_materials_restart_the_acceptance_review(coordinator, unit_a1):
    # 第31条第3款 with 第30条: received 2024-09-23, 补正 notice 09-26, materials 10-10 →
    # a fresh 5 working days from 10-10: 10-11, 10-12 (make-up Saturday), 10-14, 15, 16.
    app = received(coordinator, unit_a1, date(2024, 9, 23))
    app.apply("request_correction", by=coordinator, on=date(2024, 9, 26))
    app.apply("receive_correction", by=coordinator, on=date(2024, 10, 10))
    review = deadline(app, "recon_acceptance_review")
    assert review.due_date == date(2024, 10, 16)
    assert review.start_date == date(2024, 10, 10) and not review.pauses.exists()


def test_a_suspension_after_the_decision_period_expired_is_refused(coordinator, unit_a1):
    # 第39条 suspends a running period: decision due 2024-05-06 (60 days from 03-07).
    app = replied(coordinator, unit_a1, **NEW_LAW_REPLIED)
    due = deadline(app, "recon_decision_ordinary").due_date
    with pytest.raises((TransitionNotAllowed, ValidationError)) as exc:
        app.apply("suspend", by=coordinator, on=date(2024, 5, 20), ground="settlement")
    assert "第39条" in str(exc.value)
    app = _fresh(app)
    assert app.state == State.REPLIED
    d = deadline(app, "recon_decision_ordinary")
    assert d.due_date == due and d.light(date(2024, 5, 20)) == "red"


def test_it_refuses_to_accept_without_a_procedure(coordinator, unit_a1):
    app = received(coordinator, unit_a1)
    with pytest.raises(TransitionNotAllowed):
        app.apply("accept", by=coordinator, on=date(2023, 3, 2))
    assert _fresh(app).state == State.RECEIVED


def test_refusal_needs_a_reason(coordinator, unit_a1):
    app = received(coordinator, unit_a1)
    with pytest.raises(TransitionNotAllowed):
        app.apply("refuse", by=coordinator, on=date(2023, 3, 2), reason=" ")
    app.apply("refuse", by=coordinator, on=date(2023, 3, 2), reason="超过法定申请期限")
    app = _fresh(app)
    assert app.state == State.REFUSED and app.outcome == ReviewOutcome.NOT_ACCEPTED


def test_deemed_acceptance_only_after_the_review_period_and_dated_on_its_last_day(
    coordinator, unit_a1
):
    app = received(coordinator, unit_a1, date(2023, 9, 27))
    with pytest.raises(TransitionNotAllowed):
        app.apply(
            "deem_accepted", by=coordinator, on=date(2023, 10, 10), procedure=Procedure.ORDINARY
        )
    app.apply("deem_accepted", by=coordinator, on=date(2023, 10, 11), procedure=Procedure.ORDINARY)
    app = _fresh(app)
    assert app.state == State.ACCEPTED and app.deemed_accepted
    assert app.accepted_on == date(2023, 10, 10)  # 第30条第3款


# ------------------------------------------------------------------ hearing the case


def test_copy_and_reply_move_the_case_and_flag_a_late_reply(coordinator, unit_a1):
    app = accepted(coordinator, unit_a1)
    app.apply("send_copy", by=coordinator, on=date(2023, 3, 3))
    assert app.state == State.COPY_SENT
    reply = deadline(app, "recon_reply_ordinary")
    # Received in 2023: the old 第23条's 10 days, calendar days (old 第40条 lists only
    # 五日、七日 as working days).
    assert reply.due_date == date(2023, 3, 13)
    assert reply.unit == unit_a1  # on the respondent's due list
    app.apply("receive_reply", by=coordinator, on=date(2023, 3, 20))
    app = _fresh(app)
    assert app.state == State.REPLIED and app.reply_late


def test_a_hearing_is_for_the_ordinary_procedure_only(coordinator, unit_a1):
    ordinary = replied(coordinator, unit_a1)
    ordinary.apply(
        "schedule_hearing", by=coordinator, on=date(2023, 3, 13), hearing_on=date(2023, 3, 21)
    )
    assert _fresh(ordinary).hearing_on == date(2023, 3, 21)
    assert _fresh(ordinary).state == State.REPLIED
    simple = replied(
        coordinator,
        unit_a1,
        procedure=Procedure.SIMPLIFIED,
        **NEW_LAW_REPLIED | {"reply_on": date(2024, 3, 12)},
    )
    with pytest.raises(TransitionNotAllowed):
        simple.apply(
            "schedule_hearing", by=coordinator, on=date(2024, 3, 13), hearing_on=date(2024, 3, 25)
        )


def test_switching_after_the_copy_gives_the_respondent_the_ordinary_reply_period(
    coordinator, unit_a1
):
    app = accepted(coordinator, unit_a1, procedure=Procedure.SIMPLIFIED, **NEW_LAW)
    app.apply("send_copy", by=coordinator, on=date(2024, 3, 8))
    assert deadline(app, "recon_reply_simplified").due_date == date(2024, 3, 15)  # 5 working days
    app.apply("to_ordinary", by=coordinator, on=date(2024, 3, 11), approved_by="李文博")
    assert deadline(app, "recon_reply_simplified").status == "cancelled"
    assert deadline(app, "recon_reply_ordinary").due_date == date(2024, 3, 22)  # 10 working days


def test_deemed_acceptance_is_offered_only_once_the_review_has_lapsed(coordinator, unit_a1):
    with time_machine.travel(date(2023, 9, 27), tick=False):
        app = received(coordinator, unit_a1, date(2023, 9, 27))
        assert "deem_accepted" not in [t.action for t in app.allowed_actions(coordinator)]
    with time_machine.travel(date(2023, 10, 11), tick=False):
        assert "deem_accepted" in [t.action for t in app.allowed_actions(coordinator)]


def test_a_hearing_notice_must_go_out_five_working_days_before(coordinator, unit_a1):
    app = replied(coordinator, unit_a1, **NEW_LAW_REPLIED)
    # Hearing Tuesday 26 March 2024: five working days before is Tuesday 19 March.
    with pytest.raises(TransitionNotAllowed) as exc:
        app.apply(
            "schedule_hearing", by=coordinator, on=date(2024, 3, 20), hearing_on=date(2024, 3, 26)
        )
    assert "2024-03-19" in str(exc.value)
    assert _fresh(app).hearing_on is None
    app.apply(
        "schedule_hearing", by=coordinator, on=date(2024, 3, 19), hearing_on=date(2024, 3, 26)
    )
    assert _fresh(app).hearing_on == date(2024, 3, 26)


def test_switching_to_the_ordinary_procedure_reopens_the_decision_period(coordinator, unit_a1):
    app = accepted(coordinator, unit_a1, procedure=Procedure.SIMPLIFIED, **NEW_LAW)
    app.apply("to_ordinary", by=coordinator, on=date(2024, 3, 8), approved_by="李文博")
    assert app.procedure == Procedure.ORDINARY
    # 60 days from 7 March: 6 May, the first working day after the 劳动节 stretch.
    assert deadline(app, "recon_decision_ordinary").due_date == date(2024, 5, 6)
    with pytest.raises(TransitionNotAllowed):
        app.apply("to_ordinary", by=coordinator, on=date(2024, 3, 8), approved_by="李文博")


def test_suspension_stops_the_decision_clock_and_resumption_restores_the_state(
    coordinator, unit_a1
):
    app = replied(coordinator, unit_a1)
    due = deadline(app, "recon_decision_ordinary").due_date
    app.apply("suspend", by=coordinator, on=date(2023, 3, 13), ground="settlement")
    assert app.state == State.SUSPENDED
    with pytest.raises(TransitionNotAllowed):
        app.apply("decide", by=coordinator, on=date(2023, 3, 14), outcome=ReviewOutcome.UPHOLD)
    app.apply("resume", by=coordinator, on=date(2023, 3, 23))
    assert app.state == State.REPLIED
    # Without the suspension 60 days end on 1 May (holiday) → 4 May; the ten days
    # suspended push the end to 11 May, a working day.
    assert due == date(2023, 5, 4)
    assert deadline(app, "recon_decision_ordinary").due_date == date(2023, 5, 11)


def test_suspension_needs_a_ground_of_article_39(coordinator, unit_a1):
    app = replied(coordinator, unit_a1)
    with pytest.raises(TransitionNotAllowed):
        app.apply("suspend", by=coordinator, on=date(2023, 3, 13), ground="boredom")
    assert _fresh(app).state == State.REPLIED


def test_extension_adds_thirty_days_once_with_approval(coordinator, unit_a1):
    app = replied(
        coordinator,
        unit_a1,
        accepted_on=date(2023, 8, 2),
        copy_on=date(2023, 8, 3),
        reply_on=date(2023, 8, 10),
    )
    with pytest.raises(TransitionNotAllowed):
        app.apply("extend", by=coordinator, on=date(2023, 9, 20), approved_by=" ")
    app.apply(
        "extend", by=coordinator, on=date(2023, 9, 20), approved_by="李文博", reason="案情复杂"
    )
    # The 30 days run on from the end of the original period (7 Oct, after the holiday
    # roll-forward): 6 Nov.
    assert deadline(app, "recon_decision_ordinary").due_date == date(2023, 11, 6)
    assert "extend" not in [t.action for t in app.allowed_actions(coordinator)]
    with pytest.raises(TransitionNotAllowed):
        app.apply("extend", by=coordinator, on=date(2023, 9, 21), approved_by="李文博")


def test_the_simplified_procedure_cannot_be_extended(coordinator, unit_a1):
    app = accepted(coordinator, unit_a1, procedure=Procedure.SIMPLIFIED, **NEW_LAW)
    with pytest.raises(TransitionNotAllowed):
        app.apply("extend", by=coordinator, on=date(2024, 3, 15), approved_by="李文博")


# ------------------------------------------------------------------ closing


@pytest.mark.parametrize(
    "outcome",
    sorted(
        {
            "change",
            "revoke",
            "partial_revoke",
            "revoke_remake",
            "confirm_illegal",
            "order_perform",
            "confirm_void",
            "contract_liability",
            "uphold",
            "reject_claim",
            "reject_application",
        }
    ),
)
def test_every_decision_type_closes_the_case(coordinator, unit_a1, outcome):
    app = replied(coordinator, unit_a1)
    app.apply("decide", by=coordinator, on=date(2023, 4, 20), outcome=outcome)
    app = _fresh(app)
    assert app.state == State.DECIDED and app.outcome == outcome
    assert app.closed_on == date(2023, 4, 20) and app.handling_days == 49
    assert not app.closed_late
    assert app.performance_status == PerformanceStatus.PENDING


def test_it_refuses_an_unknown_decision_type(coordinator, unit_a1):
    app = replied(coordinator, unit_a1)
    with pytest.raises(TransitionNotAllowed) as exc:
        app.apply("decide", by=coordinator, on=date(2023, 4, 20), outcome="banish")
    assert "未知的复议决定类型" in str(exc.value)
    assert _fresh(app).state == State.REPLIED and app.state == State.REPLIED


def test_it_refuses_a_decision_dated_before_acceptance(coordinator, unit_a1):
    app = accepted(coordinator, unit_a1, on=date(2023, 3, 2))
    with pytest.raises(TransitionNotAllowed) as exc:
        app.apply("decide", by=coordinator, on=date(2023, 3, 1), outcome=ReviewOutcome.UPHOLD)
    assert "早于" in str(exc.value)
    assert _fresh(app).closed_on is None


def test_it_refuses_a_decision_dated_in_the_future(coordinator, unit_a1):
    app = replied(coordinator, unit_a1)
    with time_machine.travel(date(2023, 4, 1), tick=False), pytest.raises(TransitionNotAllowed):
        app.apply("decide", by=coordinator, on=date(2023, 4, 2), outcome=ReviewOutcome.UPHOLD)
    assert _fresh(app).state == State.REPLIED


def test_a_decision_after_the_period_is_late(coordinator, unit_a1):
    app = replied(coordinator, unit_a1)  # accepted 2 March 2023: due 2 May is a holiday → 4 May
    app.apply("decide", by=coordinator, on=date(2023, 5, 5), outcome=ReviewOutcome.UPHOLD)
    assert _fresh(app).closed_late


def test_a_decision_on_the_last_day_is_on_time(coordinator, unit_a1):
    app = replied(coordinator, unit_a1)
    app.apply("decide", by=coordinator, on=date(2023, 5, 4), outcome=ReviewOutcome.UPHOLD)
    assert not _fresh(app).closed_late


def test_mediation_settlement_and_termination_close_the_case(coordinator, unit_a1):
    a = replied(coordinator, unit_a1)
    a.apply("mediate", by=coordinator, on=date(2023, 4, 1))
    assert (a.state, a.outcome) == (State.MEDIATED, ReviewOutcome.MEDIATED)
    b = replied(coordinator, unit_a1)
    b.apply("settle", by=coordinator, on=date(2023, 4, 1))
    assert (b.state, b.outcome) == (State.SETTLED, ReviewOutcome.SETTLED_WITHDRAWN)
    c = replied(coordinator, unit_a1)
    c.apply("suspend", by=coordinator, on=date(2023, 3, 13), ground="missing")
    with pytest.raises(TransitionNotAllowed):
        c.apply("terminate", by=coordinator, on=date(2023, 5, 12))
    c.apply(
        "terminate", by=coordinator, on=date(2023, 5, 12), termination_reason="suspension_lapsed"
    )
    assert (c.state, c.outcome) == (State.TERMINATED, ReviewOutcome.TERMINATED)
    assert not _fresh(c).closed_late  # the suspension did not count


def test_no_move_is_allowed_after_refusal(coordinator, unit_a1):
    app = received(coordinator, unit_a1)
    app.apply("refuse", by=coordinator, on=date(2023, 3, 2), reason="不属于行政复议范围")
    assert app.allowed_actions(coordinator) == []
    with pytest.raises(TransitionNotAllowed):
        app.apply("accept", by=coordinator, on=date(2023, 3, 3), procedure=Procedure.ORDINARY)


@pytest.mark.parametrize(
    ("action", "state_maker"),
    [
        ("decide", "received"),
        ("mediate", "received"),
        ("settle", "received"),
        ("terminate", "received"),
        ("suspend", "received"),
        ("extend", "received"),
        ("to_ordinary", "received"),
        ("schedule_hearing", "received"),
        ("issue_letter", "received"),
        ("abandon", "received"),
        ("accept", "accepted"),
        ("refuse", "accepted"),
        ("deem_accepted", "accepted"),
        ("request_correction", "accepted"),
        ("letter_reply", "accepted"),
        ("send_copy", "received"),
        ("receive_reply", "accepted"),
        ("resume", "accepted"),
        ("follow_up", "accepted"),
        ("receive_correction", "received"),
    ],
)
def test_it_refuses_moves_from_the_wrong_state(coordinator, unit_a1, action, state_maker):
    app = (
        received(coordinator, unit_a1)
        if state_maker == "received"
        else accepted(coordinator, unit_a1)
    )
    before = _fresh(app).state
    with pytest.raises(TransitionNotAllowed) as exc:
        app.apply(action, by=coordinator, on=date(2023, 3, 20))
    assert "不能执行" in str(exc.value)
    assert _fresh(app).state == before


# ------------------------------------------------------------------ letters and follow-up


def test_an_opinion_letter_opens_the_sixty_day_report_and_its_reply_meets_it(coordinator, unit_a1):
    app = replied(coordinator, unit_a1)
    app.apply("decide", by=coordinator, on=date(2023, 4, 20), outcome=ReviewOutcome.REVOKE)
    app.apply("issue_letter", by=coordinator, on=date(2023, 4, 24), kind="opinion")
    letter = app.letters.get()
    assert letter.recipient == unit_a1
    # 60 days end on 23 June, in the Dragon Boat holiday; 25 June is a make-up working day.
    assert deadline(letter, "recon_opinion_feedback").due_date == date(2023, 6, 25)
    app.apply("letter_reply", by=coordinator, on=date(2023, 6, 1), letter=letter, note="已整改")
    letter.refresh_from_db()
    assert letter.replied_on == date(2023, 6, 1)
    assert "letter_reply" not in [t.action for t in app.allowed_actions(coordinator)]


def test_performance_follow_up_is_recorded(coordinator, unit_a1):
    app = replied(coordinator, unit_a1)
    app.apply("decide", by=coordinator, on=date(2023, 4, 20), outcome=ReviewOutcome.ORDER_PERFORM)
    with pytest.raises(TransitionNotAllowed):
        app.apply("follow_up", by=coordinator, on=date(2023, 5, 20), status="pending")
    app.apply("follow_up", by=coordinator, on=date(2023, 5, 20), status=PerformanceStatus.PERFORMED)
    assert _fresh(app).performance_status == PerformanceStatus.PERFORMED


# ------------------------------------------------------------------ who may move a case


def test_only_the_agency_accepts_and_decides(liaison_a1, coordinator, unit_a1):
    app = received(coordinator, unit_a1)
    assert app.allowed_actions(liaison_a1) == []
    with pytest.raises(TransitionNotAllowed) as exc:
        app.apply("accept", by=liaison_a1, on=date(2023, 3, 2), procedure=Procedure.ORDINARY)
    assert "复议机关" in str(exc.value)


def test_the_respondent_may_lodge_its_own_reply(liaison_a1, coordinator, unit_a1):
    app = accepted(coordinator, unit_a1)
    app.apply("send_copy", by=coordinator, on=date(2023, 3, 3))
    assert [t.action for t in app.allowed_actions(liaison_a1)] == ["receive_reply"]
    app.apply("receive_reply", by=liaison_a1, on=date(2023, 3, 10))
    assert _fresh(app).state == State.REPLIED


def test_another_department_and_the_leader_may_not_move_the_case(
    liaison_a2, leader, coordinator, unit_a1
):
    app = accepted(coordinator, unit_a1)
    app.apply("send_copy", by=coordinator, on=date(2023, 3, 3))
    for user in (liaison_a2, leader):
        assert app.allowed_actions(user) == []
        with pytest.raises(TransitionNotAllowed):
            app.apply("receive_reply", by=user, on=date(2023, 3, 10))
    assert _fresh(app).state == State.COPY_SENT


def test_every_move_is_in_the_audit_trail(coordinator, unit_a1):
    from fazhi.audit.models import Entry

    app = replied(coordinator, unit_a1)
    verbs = list(Entry.objects.for_object(app).order_by("id").values_list("verb", flat=True))
    assert verbs == ["register", "accept", "send_copy", "receive_reply"]


def test_the_correction_period_may_be_extended_with_approval(coordinator, unit_a1):
    # 第31条第2款: a good reason lets the 复议机构 extend the 补正 period (no statutory cap).
    app = received(coordinator, unit_a1, date(2024, 9, 2))
    app.apply("request_correction", by=coordinator, on=date(2024, 9, 2))
    assert deadline(app, "recon_applicant_correction").due_date == date(2024, 9, 14)
    with pytest.raises(TransitionNotAllowed):
        app.apply(
            "extend_correction", by=coordinator, on=date(2024, 9, 10), length=5, reason="住院"
        )
    app.apply(
        "extend_correction",
        by=coordinator,
        on=date(2024, 9, 10),
        length=5,
        approved_by="李文博",
        reason="申请人住院",
    )
    app = _fresh(app)
    assert app.state == State.CORRECTION
    # +5 working days after 09-14 skip 中秋 (09-15..17): 09-24.
    assert deadline(app, "recon_applicant_correction").due_date == date(2024, 9, 24)
