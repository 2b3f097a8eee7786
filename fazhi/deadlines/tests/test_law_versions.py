"""Issue 20: each rule as the law states it, and the law version in force on the case's date."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from fazhi.deadlines.models import Deadline
from fazhi.deadlines.services import (
    extend_deadline,
    get_period,
    open_deadline,
    pause_deadline,
    resume_deadline,
)

D = dt.date
pytestmark = pytest.mark.django_db


# -- 行政复议法 第90条: the 2023 law applies from 2024-01-01 -------------------------------


def test_a_case_received_in_2023_takes_the_old_reply_period_in_calendar_days(record):
    # Old 第23条: 10 days, not in old 第40条's working-day list → calendar days.
    d = open_deadline(
        record, "recon_reply_ordinary", start=D(2023, 9, 25), title="答复", law_on=D(2023, 9, 1)
    )
    assert d.period.effective_until == D(2023, 12, 31)
    assert d.due_date == D(2023, 10, 7)  # 10-05 is a holiday: rolled to the make-up Saturday
    assert any("2023-12-31" in line for line in d.explain().lines())


def test_a_case_received_in_2024_takes_the_2023_law_in_working_days(record):
    # 2023 law 第48条 with 第88条第2款: 10 working days.
    d = open_deadline(
        record, "recon_reply_ordinary", start=D(2024, 9, 25), title="答复", law_on=D(2024, 9, 1)
    )
    assert d.period.effective_from == D(2024, 1, 1)
    assert d.due_date == D(2024, 10, 14)


def test_a_transitional_case_keeps_the_version_of_its_received_date(record):
    # Received 2023-12-20, accepted 2024-01-05: the old law still governs (第90条).
    d = open_deadline(
        record, "recon_reply_ordinary", start=D(2024, 1, 8), title="答复", law_on=D(2023, 12, 20)
    )
    assert d.period.effective_until == D(2023, 12, 31)
    assert d.due_date == D(2024, 1, 18)  # 10 calendar days
    text = "\n".join(d.explain().lines())
    assert "本案法律适用日 2023-12-20" in text


def test_there_was_no_simplified_procedure_before_2024(record):
    with pytest.raises(ValidationError) as exc:
        open_deadline(
            record,
            "recon_decision_simplified",
            start=D(2023, 11, 1),
            title="简易",
            law_on=D(2023, 11, 1),
        )
    assert "2024-01-01" in str(exc.value)


def test_get_period_without_a_date_gives_the_current_version():
    assert get_period("recon_reply_ordinary").effective_until is None
    assert get_period("recon_reply_ordinary", D(2020, 1, 1)).mode == "days"


# -- 复议法 第39条: a pause cannot revive an expired period ----------------------------------


def test_a_pause_after_the_due_date_is_refused_and_the_deadline_stays_red(record):
    d = open_deadline(record, "recon_decision_ordinary", start=D(2024, 8, 1), title="决定")
    assert d.due_date == D(2024, 9, 30)
    with pytest.raises(ValidationError) as exc:
        pause_deadline(record, "recon_decision_ordinary", start=D(2024, 10, 9), reason="中止")
    assert "第39条" in str(exc.value)
    d.refresh_from_db()
    assert d.paused_since is None
    assert d.light(D(2024, 10, 9)) == "red"
    assert Deadline.objects.overdue(D(2024, 10, 9)).filter(pk=d.pk).exists()


def test_a_pause_on_the_due_date_is_still_allowed(record):
    open_deadline(record, "recon_decision_ordinary", start=D(2024, 8, 1), title="决定")
    d = pause_deadline(record, "recon_decision_ordinary", start=D(2024, 9, 30), reason="中止")
    assert d.paused_since == D(2024, 9, 30)
    d = resume_deadline(record, "recon_decision_ordinary", on=D(2024, 10, 10))
    assert d.due_date == D(2024, 10, 10)


# -- extensions the law allows -----------------------------------------------------------


def test_the_applicants_correction_period_may_be_extended_by_an_approved_length(record):
    # 复议法 第31条第2款: "可以延长合理的补正期限" — no statutory cap, the approval sets it.
    open_deadline(record, "recon_applicant_correction", start=D(2024, 9, 2), title="补正")
    with pytest.raises(ValidationError) as exc:
        extend_deadline(record, "recon_applicant_correction", on=D(2024, 9, 10))
    assert "未规定延长上限" in str(exc.value)
    d = extend_deadline(
        record, "recon_applicant_correction", on=D(2024, 9, 10), length=5, approved_by="科长"
    )
    # 10 working days end on 09-14 (make-up Saturday); +5 skips 中秋 (09-15..17): 09-24.
    assert d.due_date == D(2024, 9, 24)


def test_the_first_instance_trial_may_be_extended_with_approval(record):
    # 行政诉讼法 第81条: extension approved by the 高级人民法院.
    open_deadline(record, "litig_trial_first", start=D(2024, 3, 1), title="一审")
    d = extend_deadline(
        record, "litig_trial_first", on=D(2024, 8, 1), length=3, approved_by="省高院"
    )
    assert d.due_date == D(2024, 12, 2)  # 09-01 (Sun) → 09-02, +3 months = 12-02


def test_a_deputys_suggestion_is_extended_to_six_months_from_assignment(record):
    # 代表法 第51条: "自交办之日起6个月内" — 2024-08-31 → 2025-02-28, not 3 months after 11-30.
    open_deadline(record, "npc_reply", start=D(2024, 8, 31), title="建议")
    d = extend_deadline(record, "npc_reply", on=D(2024, 11, 1), approved_by="主任")
    assert d.due_date == D(2025, 2, 28)
    with pytest.raises(ValidationError):
        extend_deadline(record, "npc_reply", on=D(2024, 11, 2))  # only once


def test_a_cppcc_proposal_is_extended_to_six_months_from_assignment(record):
    open_deadline(record, "cppcc_reply", start=D(2024, 8, 31), title="提案")
    assert extend_deadline(record, "cppcc_reply", on=D(2024, 11, 1)).due_date == D(2025, 2, 28)
