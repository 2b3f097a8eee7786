"""The periods of statutes.md Appendix A are loaded as data with their sources."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from fazhi.deadlines.models import Period
from fazhi.deadlines.periods_data import PERIODS

CODES = """recon_apply recon_acceptance_review recon_correction_notice recon_applicant_correction
recon_copy_ordinary recon_copy_simplified recon_reply_ordinary recon_reply_simplified
recon_hearing_notice recon_decision_ordinary recon_decision_simplified recon_opinion_feedback
litig_sue_after_recon litig_sue_direct litig_defence litig_appearance_notice disclosure_reply
disclosure_correction_notice disclosure_third_party disclosure_proactive disclosure_report_department
disclosure_report_government decision_public_comment normdoc_legality_review normdoc_filing
enforcement_publication enforcement_publication_permit_penalty penalty_decision npc_reply cppcc_reply
mediation_judicial_confirmation legal_aid_decision legal_aid_assignment annual_report""".split()

pytestmark = pytest.mark.django_db


def test_every_agreed_code_is_loaded_with_law_article_and_source():
    loaded = {p.code: p for p in Period.objects.all()}
    assert set(CODES) <= set(loaded)
    assert len(PERIODS) == len(CODES)
    for code in CODES:
        p = loaded[code]
        assert p.law and p.start_event and p.source, code
        assert p.confidence in ("C", "M")
        p.full_clean()


@pytest.mark.parametrize(
    ("code", "length", "mode", "ext"),
    [
        ("recon_acceptance_review", 5, "workdays", None),
        ("recon_decision_ordinary", 60, "days", 30),
        ("recon_decision_simplified", 30, "days", None),
        ("disclosure_reply", 20, "workdays", 20),
        ("npc_reply", 3, "months", 3),
        ("litig_defence", 15, "days", None),
        ("litig_sue_direct", 6, "months", None),
    ],
)
def test_key_periods_have_their_statutory_length(code, length, mode, ext):
    p = Period.objects.get(code=code)
    assert (p.length, p.mode, p.extension_length) == (length, mode, ext)


def test_hearing_notices_count_before_the_event():
    assert Period.objects.get(code="recon_hearing_notice").direction == "before"
    assert Period.objects.get(code="litig_appearance_notice").direction == "before"


def test_memory_rows_are_marked_for_checking():
    assert Period.objects.get(code="normdoc_filing").confidence == "M"
    assert Period.objects.get(code="recon_apply").confidence == "C"


def test_a_period_with_inconsistent_extension_settings_is_refused_in_chinese():
    p = Period(
        code="x",
        name="x",
        law="x",
        start_event="x",
        length=5,
        mode="days",
        extension_length=5,
        max_extensions=0,
    )
    with pytest.raises(ValidationError) as exc:
        p.full_clean()
    assert "最多延长次数" in str(exc.value)


def test_a_fixed_date_period_needs_a_valid_month_and_day():
    p = Period(
        code="y", name="y", law="y", start_event="y", length=1, mode="date", fixed_month_day="13-01"
    )
    with pytest.raises(ValidationError) as exc:
        p.full_clean()
    assert "MM-DD" in str(exc.value)


def test_the_annual_report_is_due_by_1_april_of_the_next_year():
    from fazhi.workdays.calendar import WorkCalendar

    p = Period.objects.get(code="annual_report")
    from fazhi.deadlines.arithmetic import compute_due

    due = compute_due(
        dt.date(2024, 12, 31), p.length, p.mode, WorkCalendar(), fixed_month_day=p.fixed_month_day
    ).due
    assert due == dt.date(2025, 4, 1)
