"""Legal aid: the decision period (法律援助法 第43条), the green channel (第42条), the
workflow through apply()."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from fazhi.core.workflow import TransitionNotAllowed
from fazhi.deadlines.models import Status
from fazhi.deadlines.services import deadlines_for
from fazhi.legalservices import rules
from fazhi.legalservices.models import LegalHelper, ServiceVisit
from fazhi.legalservices.rules import Claim, Decision, State
from fazhi.legalservices.tests.factories import make_aid

pytestmark = pytest.mark.django_db


def _deadline(app, code):
    return deadlines_for(app).get(period__code=code)


def test_registering_starts_the_7_day_review_period(unit_a1, liaison_a1):
    app = make_aid(unit_a1, liaison_a1, received_on=date(2022, 3, 1))
    assert app.state == State.RECEIVED
    assert _deadline(app, rules.PERIOD_DECISION).due_date == date(2022, 3, 8)


def test_a_review_period_ending_in_a_holiday_runs_to_the_next_working_day(unit_a1, liaison_a1):
    # Day 7 after 27 September 2022 is 4 October, in the National Day holiday; the next
    # working day is Saturday 8 October, a make-up working day.
    app = make_aid(unit_a1, liaison_a1, received_on=date(2022, 9, 27))
    assert _deadline(app, rules.PERIOD_DECISION).due_date == date(2022, 10, 8)


def test_a_decision_on_the_last_day_is_on_time(unit_a1, liaison_a1):
    app = make_aid(unit_a1, liaison_a1, received_on=date(2022, 3, 1))
    app.apply("approve", by=liaison_a1, on=date(2022, 3, 8))
    app.refresh_from_db()
    assert app.decision == Decision.APPROVED and app.decision_on_time is True
    assert _deadline(app, rules.PERIOD_DECISION).status == Status.MET


def test_a_decision_the_day_after_is_late(unit_a1, liaison_a1):
    app = make_aid(unit_a1, liaison_a1, received_on=date(2022, 3, 1))
    app.apply("approve", by=liaison_a1, on=date(2022, 3, 9))
    app.refresh_from_db()
    assert app.decision_on_time is False


def test_approval_starts_the_3_day_assignment_period(unit_a1, liaison_a1):
    app = make_aid(unit_a1, liaison_a1, received_on=date(2022, 3, 1))
    app.apply("approve", by=liaison_a1, on=date(2022, 3, 2))
    assert _deadline(app, rules.PERIOD_ASSIGNMENT).due_date == date(
        2022, 3, 7
    )  # 5 March is a Saturday
    app.apply("assign", by=liaison_a1, on=date(2022, 3, 4), lawyer="朗陵律师事务所 王律师")
    assert app.state == State.ASSIGNED
    assert _deadline(app, rules.PERIOD_ASSIGNMENT).on_time is True


def test_a_refusal_needs_written_reasons(unit_a1, liaison_a1):
    app = make_aid(unit_a1, liaison_a1)
    with pytest.raises(TransitionNotAllowed, match="理由"):
        app.apply("refuse", by=liaison_a1, on=date(2022, 3, 2))
    app.refresh_from_db()
    assert app.state == State.RECEIVED and app.decision == ""
    app.apply("refuse", by=liaison_a1, on=date(2022, 3, 2), reason="不符合经济困难标准")
    assert app.state == State.REFUSED and app.decision == Decision.REFUSED


def test_a_withdrawal_cancels_the_review_period(unit_a1, liaison_a1):
    app = make_aid(unit_a1, liaison_a1)
    app.apply("withdraw", by=liaison_a1, on=date(2022, 3, 2))
    assert app.state == State.WITHDRAWN
    assert _deadline(app, rules.PERIOD_DECISION).status == Status.CANCELLED


def test_closing_needs_a_result(unit_a1, liaison_a1):
    app = make_aid(unit_a1, liaison_a1)
    app.apply("approve", by=liaison_a1, on=date(2022, 3, 2))
    app.apply("assign", by=liaison_a1, on=date(2022, 3, 3), lawyer="王律师")
    with pytest.raises(TransitionNotAllowed, match="办理结果"):
        app.apply("close", by=liaison_a1, on=date(2022, 5, 3), result="")
    app.apply("close", by=liaison_a1, on=date(2022, 5, 3), result="won")
    assert app.state == State.CLOSED


def test_an_outsider_cannot_decide(unit_a1, liaison_a1, liaison_a2):
    app = make_aid(unit_a1, liaison_a1)
    with pytest.raises(TransitionNotAllowed, match="无权"):
        app.apply("approve", by=liaison_a2, on=date(2022, 3, 2))


def test_an_outsider_cannot_register_for_another_unit(unit_a1, liaison_a2):
    with pytest.raises(ValidationError, match="无权"):
        make_aid(unit_a1, liaison_a2)


def test_migrant_workers_claiming_wages_or_injury_take_the_green_channel():
    assert rules.green_channel(True, Claim.WAGES)
    assert rules.green_channel(True, Claim.WORK_INJURY)
    assert not rules.green_channel(True, Claim.MAINTENANCE)
    assert not rules.green_channel(False, Claim.WAGES)


def test_the_green_channel_flag_is_derived_on_save(unit_a1, liaison_a1):
    assert make_aid(unit_a1, liaison_a1, migrant_worker=True, claim=Claim.WAGES).green_channel
    assert not make_aid(unit_a1, liaison_a1, migrant_worker=False, claim=Claim.WAGES).green_channel


def test_a_legal_helper_must_belong_to_a_village(township_a, village_a):
    LegalHelper(unit=village_a, name="张三").full_clean()
    with pytest.raises(ValidationError, match="不是村（社区）"):
        LegalHelper(unit=township_a, name="张三").full_clean()


def test_a_legal_helper_cannot_leave_before_being_appointed(township_a):
    helper = LegalHelper(
        unit=township_a, name="张三", appointed_on=date(2022, 3, 1), left_on=date(2022, 2, 1)
    )
    with pytest.raises(ValidationError) as refused:
        helper.full_clean()
    # Both the person's own check and the village rule are reported, each on its field.
    assert refused.value.message_dict["left_on"] == ["退出日期不能早于确定日期。"]
    assert "不是村（社区）" in refused.value.message_dict["unit"][0]
    assert str(helper) == "张某某"


def test_a_service_visit_counts_at_least_one_person(unit_a1):
    with pytest.raises(ValidationError, match="至少为1"):
        ServiceVisit(
            unit=unit_a1,
            visited_on=date(2022, 3, 1),
            channel="hotline",
            kind="consultation",
            people=0,
        ).full_clean()
