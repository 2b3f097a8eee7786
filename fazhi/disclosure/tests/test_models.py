"""Requests for government information: reply periods, pauses, every reply type, refusals."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from fazhi.core.workflow import TransitionNotAllowed
from fazhi.deadlines.models import Status
from fazhi.disclosure.models import Request
from fazhi.disclosure.rules import RESULT_GROUPS, ReplyType, State
from fazhi.disclosure.tests.helpers import deadline, received

pytestmark = pytest.mark.django_db
D = date


def test_every_reply_type_has_exactly_one_row_of_the_annual_report():
    in_rows = [t for _, rows in RESULT_GROUPS for _, t in rows]
    assert sorted(in_rows) == sorted(ReplyType.values)


def test_it_starts_a_20_working_day_reply_period_that_skips_the_national_day_holiday(
    coordinator, unit_a1
):
    req = received(coordinator, unit_a1, D(2024, 9, 20))
    # 条例第33条第2款: 20 working days; 1–7 October 2024 are holidays, 29 Sept and 12 Oct
    # are make-up working days.
    assert deadline(req).due_date == D(2024, 10, 23)


def test_third_party_consultation_pauses_the_reply_period_across_the_holiday(coordinator, unit_a1):
    req = received(coordinator, unit_a1, D(2024, 9, 20))
    req.apply("consult", by=coordinator, on=D(2024, 9, 26), reason="涉及企业商业秘密")
    assert req.state == State.CONSULTING
    assert deadline(req, "disclosure_third_party").status == Status.OPEN
    req.apply("consultation_done", by=coordinator, on=D(2024, 10, 14))
    req.refresh_from_db()
    assert req.state == State.RECEIVED
    # Counted before the pause: 23, 24, 25 Sept (3 working days). 26 Sept–13 Oct do not
    # count (第33条第3款); the other 17 run from 14 Oct: 14–18, 21–25, 28–31 Oct, 1, 4, 5 Nov.
    assert deadline(req).due_date == D(2024, 11, 5)
    assert deadline(req, "disclosure_third_party").status == Status.MET


def test_a_correction_restarts_the_reply_period_from_the_completed_request(coordinator, unit_a1):
    req = received(coordinator, unit_a1, D(2024, 9, 20))
    req.apply("request_correction", by=coordinator, on=D(2024, 9, 24))
    assert req.state == State.CORRECTION
    assert req.correction_notice_late is False
    assert deadline(req).status == Status.CANCELLED
    req.apply("receive_correction", by=coordinator, on=D(2024, 10, 8))
    # 第30条: 20 working days from 8 Oct: 9–11, 12 (make-up), 14–18, 21–25, 28–31 Oct, 1, 4 Nov.
    assert deadline(req).due_date == D(2024, 11, 4)
    assert deadline(req).status == Status.OPEN


def test_a_late_correction_notice_is_recorded_as_late(coordinator, unit_a1):
    req = received(coordinator, unit_a1, D(2024, 9, 20))
    req.apply("request_correction", by=coordinator, on=D(2024, 10, 10))
    assert req.correction_notice_late is True


def test_it_refuses_a_second_correction_notice(coordinator, unit_a1):
    req = received(coordinator, unit_a1, D(2024, 9, 20))
    req.apply("request_correction", by=coordinator, on=D(2024, 9, 24))
    req.apply("receive_correction", by=coordinator, on=D(2024, 9, 25))
    with pytest.raises(TransitionNotAllowed):
        req.apply("request_correction", by=coordinator, on=D(2024, 9, 26))


def test_an_applicant_who_never_completes_the_request_is_counted_as_other_handling(
    coordinator, unit_a1
):
    req = received(coordinator, unit_a1, D(2024, 9, 20))
    req.apply("request_correction", by=coordinator, on=D(2024, 9, 24))
    req.apply("abandon", by=coordinator, on=D(2024, 11, 1))
    assert req.state == State.DONE
    assert req.reply_type == ReplyType.NO_CORRECTION
    assert req.replied_on_time is None


def test_an_approved_extension_adds_20_working_days_once(coordinator, unit_a1):
    req = received(coordinator, unit_a1, D(2024, 9, 20))
    req.apply("extend", by=coordinator, on=D(2024, 10, 21), approved_by="王主任", reason="信息量大")
    assert deadline(req).due_date == D(2024, 11, 20)
    assert "extend" not in [t.action for t in req.allowed_actions(coordinator)]
    with pytest.raises(TransitionNotAllowed):
        req.apply("extend", by=coordinator, on=D(2024, 10, 22), approved_by="王主任")


def test_it_refuses_an_extension_without_approver_and_changes_nothing(coordinator, unit_a1):
    req = received(coordinator, unit_a1, D(2024, 9, 20))
    version = req.version
    with pytest.raises(TransitionNotAllowed, match="批准人"):
        req.apply("extend", by=coordinator, on=D(2024, 10, 21), approved_by=" ")
    req.refresh_from_db()
    assert req.extended_on is None and req.version == version
    assert deadline(req).due_date == D(2024, 10, 23)


@pytest.mark.parametrize(
    "reply_type", [t for t in ReplyType.values if t != ReplyType.NO_CORRECTION]
)
def test_every_reply_type_closes_the_request_and_records_timeliness(
    coordinator, unit_a1, reply_type
):
    req = received(coordinator, unit_a1, D(2024, 9, 20))
    req.apply("reply", by=coordinator, on=D(2024, 10, 23), reply_type=reply_type)
    req.refresh_from_db()
    assert req.state == State.DONE
    assert req.reply_type == reply_type
    assert req.replied_on_time is True
    assert deadline(req).status == Status.MET


def test_a_reply_after_the_period_is_recorded_as_late(coordinator, unit_a1):
    req = received(coordinator, unit_a1, D(2024, 9, 20))
    req.apply("reply", by=coordinator, on=D(2024, 10, 24), reply_type=ReplyType.DISCLOSED)
    assert req.replied_on_time is False


def test_a_reply_while_the_third_party_is_silent_closes_both_periods(coordinator, unit_a1):
    req = received(coordinator, unit_a1, D(2024, 9, 20))
    req.apply("consult", by=coordinator, on=D(2024, 9, 23))
    req.apply("reply", by=coordinator, on=D(2024, 10, 30), reply_type=ReplyType.PARTIAL)
    assert req.state == State.DONE
    assert deadline(req, "disclosure_third_party").status == Status.CANCELLED
    assert deadline(req).status == Status.MET


@pytest.mark.parametrize("bad", ["", "bogus", ReplyType.NO_CORRECTION])
def test_it_refuses_a_reply_without_a_valid_type_and_changes_nothing(coordinator, unit_a1, bad):
    req = received(coordinator, unit_a1, D(2024, 9, 20))
    with pytest.raises(TransitionNotAllowed, match="答复类型"):
        req.apply("reply", by=coordinator, on=D(2024, 10, 8), reply_type=bad)
    req.refresh_from_db()
    assert req.state == State.RECEIVED and req.replied_on is None
    assert deadline(req).status == Status.OPEN


def test_it_refuses_a_request_for_a_unit_outside_the_users_scope(liaison_a2, unit_a1):
    with pytest.raises(ValidationError):
        received(liaison_a2, unit_a1)
    assert Request.objects.count() == 0


def test_it_refuses_a_future_receipt_date_and_writes_nothing(coordinator, unit_a1):
    with pytest.raises(ValidationError, match="未来"):
        received(coordinator, unit_a1, D(2999, 1, 1))
    assert Request.objects.count() == 0


def test_a_liaison_of_another_unit_may_not_move_the_request(coordinator, liaison_a2, unit_a1):
    req = received(coordinator, unit_a1)
    assert req.allowed_actions(liaison_a2) == []
    with pytest.raises(TransitionNotAllowed):
        req.apply("reply", by=liaison_a2, on=D(2024, 10, 8), reply_type=ReplyType.DISCLOSED)


def test_a_consultation_after_the_reply_period_expired_does_not_stop_the_clock(
    coordinator, unit_a1
):
    # 条例第33条第3款 leaves the consultation time out of a *running* period; once the
    # 20 working days (to 2024-10-23) have passed the request stays overdue.
    req = received(coordinator, unit_a1, D(2024, 9, 20))
    with pytest.raises((TransitionNotAllowed, ValidationError)) as exc:
        req.apply("consult", by=coordinator, on=D(2024, 10, 28), reason="涉及企业商业秘密")
    assert "期限已经届满" in str(exc.value)
    req.refresh_from_db()
    assert req.state == State.RECEIVED
    assert deadline(req).light(D(2024, 10, 28)) == "red"
