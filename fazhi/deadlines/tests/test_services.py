"""The service API registers call: open, meet, cancel, pause, resume, extend."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from fazhi.audit.models import Entry
from fazhi.deadlines.models import Deadline, Status
from fazhi.deadlines.services import (
    cancel_deadline,
    deadlines_for,
    extend_deadline,
    meet_deadline,
    open_deadline,
    pause_deadline,
    resume_deadline,
)

D = dt.date
pytestmark = pytest.mark.django_db


def test_open_deadline_computes_the_due_date_and_takes_the_records_unit(record, unit_a1):
    d = open_deadline(record, "recon_acceptance_review", start=D(2024, 9, 27), title="张三申请复议")
    assert d.due_date == D(2024, 10, 10)
    assert d.unit == unit_a1
    assert d.status == Status.OPEN
    assert not d.provisional
    assert d.record == record


def test_open_deadline_is_idempotent_per_record_and_period(record):
    first = open_deadline(record, "recon_acceptance_review", start=D(2024, 9, 27), title="a")
    again = open_deadline(record, "recon_acceptance_review", start=D(2024, 9, 30), title="b")
    assert first.pk == again.pk
    assert Deadline.objects.count() == 1
    assert again.due_date == D(2024, 10, 12)
    other = open_deadline(record, "recon_correction_notice", start=D(2024, 9, 27), title="c")
    assert other.pk != first.pk
    assert deadlines_for(record).count() == 2


def test_an_unknown_period_code_is_refused_in_chinese(record):
    with pytest.raises(ValidationError) as exc:
        open_deadline(record, "no_such_code", start=D(2024, 9, 27), title="x")
    assert "不存在" in str(exc.value)
    assert Deadline.objects.count() == 0


@pytest.mark.parametrize(
    ("on", "on_time"), [(D(2024, 10, 9), True), (D(2024, 10, 10), True), (D(2024, 10, 11), False)]
)
def test_meet_deadline_stores_whether_it_was_on_time_at_the_boundary(record, on, on_time):
    open_deadline(record, "recon_acceptance_review", start=D(2024, 9, 27), title="x")
    d = meet_deadline(record, "recon_acceptance_review", on=on)
    assert d.status == Status.MET and d.met_on == on and d.on_time is on_time


def test_meet_or_cancel_without_an_open_deadline_returns_none(record):
    assert meet_deadline(record, "recon_acceptance_review", on=D(2024, 10, 1)) is None
    assert cancel_deadline(record, "recon_acceptance_review", on=D(2024, 10, 1)) is None


def test_a_met_deadline_can_be_opened_again_as_a_new_one(record):
    open_deadline(record, "litig_defence", start=D(2024, 3, 1), title="一审")
    meet_deadline(record, "litig_defence", on=D(2024, 3, 10))
    second = open_deadline(record, "litig_defence", start=D(2024, 9, 2), title="二审")
    assert deadlines_for(record).count() == 2
    assert second.status == Status.OPEN


def test_cancel_deadline_keeps_the_reason(record):
    open_deadline(record, "recon_decision_ordinary", start=D(2024, 8, 1), title="x")
    d = cancel_deadline(record, "recon_decision_ordinary", on=D(2024, 8, 20), reason="申请人撤回")
    assert d.status == Status.CANCELLED and d.cancel_reason == "申请人撤回"


def test_pause_and_resume_move_the_due_date(record):
    d = open_deadline(record, "recon_decision_ordinary", start=D(2024, 8, 1), title="x")
    assert d.due_date == D(2024, 9, 30)
    d = pause_deadline(
        record, "recon_decision_ordinary", start=D(2024, 8, 10), reason="中止：等待鉴定"
    )
    assert d.paused_since == D(2024, 8, 10)
    assert not Deadline.objects.overdue(D(2024, 12, 1)).exists()  # a stopped clock is never overdue
    d = resume_deadline(record, "recon_decision_ordinary", on=D(2024, 8, 20))
    assert d.paused_since is None
    assert d.due_date == D(2024, 10, 10)


def test_pausing_twice_or_resuming_a_running_clock_is_refused(record):
    open_deadline(record, "recon_decision_ordinary", start=D(2024, 8, 1), title="x")
    with pytest.raises(ValidationError, match="没有暂停"):
        resume_deadline(record, "recon_decision_ordinary", on=D(2024, 8, 5))
    pause_deadline(record, "recon_decision_ordinary", start=D(2024, 8, 10))
    with pytest.raises(ValidationError, match="已暂停"):
        pause_deadline(record, "recon_decision_ordinary", start=D(2024, 8, 12))
    with pytest.raises(ValidationError, match="早于暂停开始日"):
        resume_deadline(record, "recon_decision_ordinary", on=D(2024, 8, 9))


def test_a_pause_before_the_start_is_refused(record):
    open_deadline(record, "recon_decision_ordinary", start=D(2024, 8, 1), title="x")
    with pytest.raises(ValidationError, match="早于起算日"):
        pause_deadline(record, "recon_decision_ordinary", start=D(2024, 7, 1))


def test_extend_deadline_uses_the_periods_extension_once(record):
    open_deadline(record, "recon_decision_ordinary", start=D(2024, 8, 1), title="x")
    d = extend_deadline(
        record, "recon_decision_ordinary", on=D(2024, 9, 20), reason="案情复杂", approved_by="王某"
    )
    assert d.due_date == D(2024, 10, 30)
    with pytest.raises(ValidationError, match="最多延长 1 次"):
        extend_deadline(record, "recon_decision_ordinary", on=D(2024, 10, 1))


def test_extend_deadline_refuses_a_period_without_extension(record):
    open_deadline(record, "recon_decision_simplified", start=D(2024, 8, 1), title="x")
    with pytest.raises(ValidationError, match="不得延长"):
        extend_deadline(record, "recon_decision_simplified", on=D(2024, 8, 10))


def test_extend_deadline_refuses_more_than_the_statute_allows_and_after_expiry(record):
    open_deadline(record, "disclosure_reply", start=D(2024, 9, 20), title="x")
    with pytest.raises(ValidationError, match="最多 20 工作日"):
        extend_deadline(record, "disclosure_reply", on=D(2024, 10, 8), length=25)
    with pytest.raises(ValidationError, match="已于 2024-10-23 届满"):
        extend_deadline(record, "disclosure_reply", on=D(2024, 10, 24))
    d = extend_deadline(record, "disclosure_reply", on=D(2024, 10, 23), length=10)
    assert d.due_date == D(2024, 11, 6)


def test_every_change_writes_an_audit_entry(record):
    before = Entry.objects.filter(model="deadlines.deadline").count()
    open_deadline(record, "recon_decision_ordinary", start=D(2024, 8, 1), title="x")
    pause_deadline(record, "recon_decision_ordinary", start=D(2024, 8, 10))
    resume_deadline(record, "recon_decision_ordinary", on=D(2024, 8, 20))
    meet_deadline(record, "recon_decision_ordinary", on=D(2024, 9, 1))
    entries = Entry.objects.filter(model="deadlines.deadline").order_by("id")
    assert entries.count() - before == 4
    assert entries.last().after["status"] == "met"
    assert Entry.objects.filter(model="deadlines.deadlinepause").count() == 2


def test_explain_renders_the_law_and_the_pauses(record):
    open_deadline(record, "recon_decision_ordinary", start=D(2024, 8, 1), title="x")
    d = pause_deadline(record, "recon_decision_ordinary", start=D(2024, 8, 10))
    d = resume_deadline(record, "recon_decision_ordinary", on=D(2024, 8, 20))
    text = "\n".join(d.explain().lines())
    assert "《中华人民共和国行政复议法》（2023年修订）第62条第1款" in text
    assert "受理行政复议申请：2024-08-01" in text
    assert "不计入期限（10 日）" in text
    assert "国庆节" in text
