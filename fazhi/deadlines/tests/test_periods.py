"""The periods of statutes.md Appendix A are loaded as data with their sources."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from fazhi.deadlines.models import Period
from fazhi.deadlines.periods_data import PERIODS
from fazhi.deadlines.services import get_period

CODES = """recon_apply recon_acceptance_review recon_correction_notice recon_applicant_correction
recon_copy_ordinary recon_copy_simplified recon_reply_ordinary recon_reply_simplified
recon_hearing_notice recon_decision_ordinary recon_decision_simplified recon_opinion_feedback
litig_sue_after_recon litig_sue_direct litig_defence litig_appearance_notice disclosure_reply
disclosure_correction_notice disclosure_third_party disclosure_proactive disclosure_report_department
disclosure_report_government decision_public_comment normdoc_legality_review normdoc_filing
enforcement_publication enforcement_publication_permit_penalty penalty_decision npc_reply cppcc_reply
mediation_judicial_confirmation legal_aid_decision legal_aid_assignment annual_report
litig_trial_first litig_trial_appeal litig_trial_simplified litig_appeal_judgment litig_appeal_ruling
litig_sue_inaction recon_apply_cap_unnotified recon_longstop_property recon_longstop_other
recon_forward recon_sue_after_refusal recon_normdoc_handle recon_normdoc_forward
recon_normdoc_notice_maker recon_normdoc_maker_reply recon_normdoc_forward_reply
permit_correction_notice permit_decision permit_issue permit_hearing_request permit_hearing_held
permit_hearing_notice penalty_hearing_request penalty_hearing_notice penalty_service
penalty_withdraw_publication legal_aid_objection legal_aid_forward_detainee petition_acceptance
petition_conclusion petition_review petition_recheck""".split()

pytestmark = pytest.mark.django_db


def test_every_agreed_code_is_loaded_with_law_article_and_source():
    assert set(CODES) <= set(Period.objects.values_list("code", flat=True))
    assert {r["code"] for r in PERIODS} == set(CODES)
    assert Period.objects.filter(code__in=CODES).count() == len(PERIODS)
    for p in Period.objects.filter(code__in=CODES):
        assert p.law and p.start_event and p.source, p.code
        assert p.confidence in ("C", "M")
        p.full_clean()


@pytest.mark.parametrize(
    ("code", "length", "mode", "ext"),
    [
        ("recon_acceptance_review", 5, "workdays", None),
        ("recon_decision_ordinary", 60, "days", 30),
        ("recon_decision_simplified", 30, "days", None),
        ("disclosure_reply", 20, "workdays", 20),
        ("npc_reply", 3, "months", 6),  # 6 months from 交办 (代表法 第51条)
        ("litig_defence", 15, "days", None),
        ("litig_sue_direct", 6, "months", None),
    ],
)
def test_key_periods_have_their_statutory_length(code, length, mode, ext):
    p = get_period(code)
    assert (p.length, p.mode, p.extension_length) == (length, mode, ext)


def test_hearing_notices_count_before_the_event():
    assert get_period("recon_hearing_notice").direction == "before"
    assert get_period("litig_appearance_notice").direction == "before"


def test_memory_rows_are_marked_for_checking():
    assert get_period("normdoc_filing").confidence == "M"
    assert get_period("recon_apply").confidence == "C"


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

    p = get_period("annual_report")
    from fazhi.deadlines.arithmetic import compute_due

    due = compute_due(
        dt.date(2024, 12, 31), p.length, p.mode, WorkCalendar(), fixed_month_day=p.fixed_month_day
    ).due
    assert due == dt.date(2025, 4, 1)


# Issue 20: the periods that were missing, each at its boundary across the 2024 国庆
# stretch (10-01..10-07 rest, 09-29 and 10-12 make-up working days).
@pytest.mark.parametrize(
    ("code", "start", "due"),
    [
        ("litig_appeal_judgment", dt.date(2024, 9, 16), dt.date(2024, 10, 8)),  # 行诉法 第85条 15日
        (
            "litig_appeal_judgment",
            dt.date(2024, 9, 14),
            dt.date(2024, 9, 29),
        ),  # ends on a make-up Sunday
        ("litig_appeal_ruling", dt.date(2024, 9, 21), dt.date(2024, 10, 8)),  # 第85条 10日
        ("litig_trial_simplified", dt.date(2024, 8, 17), dt.date(2024, 10, 8)),  # 第83条 45日
        ("litig_sue_inaction", dt.date(2024, 8, 1), dt.date(2024, 10, 8)),  # 第47条 2个月
        ("recon_forward", dt.date(2024, 9, 27), dt.date(2024, 10, 10)),  # 复议法 第32条 5工作日
        ("recon_sue_after_refusal", dt.date(2024, 9, 16), dt.date(2024, 10, 8)),  # 第34条 15日
        ("recon_normdoc_handle", dt.date(2024, 9, 1), dt.date(2024, 10, 8)),  # 第56条 30日
        ("recon_normdoc_forward", dt.date(2024, 9, 27), dt.date(2024, 10, 12)),  # 第56条 7工作日
        (
            "recon_normdoc_notice_maker",
            dt.date(2024, 9, 27),
            dt.date(2024, 10, 8),
        ),  # 第58条 3工作日
        (
            "recon_normdoc_maker_reply",
            dt.date(2024, 9, 27),
            dt.date(2024, 10, 16),
        ),  # 第58条 10工作日
        ("recon_normdoc_forward_reply", dt.date(2024, 8, 2), dt.date(2024, 10, 8)),  # 第60条 60日
        (
            "recon_apply_cap_unnotified",
            dt.date(2023, 10, 1),
            dt.date(2024, 10, 8),
        ),  # 第20条第3款 1年
        ("recon_longstop_other", dt.date(2019, 10, 1), dt.date(2024, 10, 8)),  # 第21条 5年
        ("recon_longstop_property", dt.date(2004, 10, 1), dt.date(2024, 10, 8)),  # 第21条 20年
        ("permit_correction_notice", dt.date(2024, 9, 27), dt.date(2024, 10, 10)),  # 许可法 第32条
        ("permit_decision", dt.date(2024, 9, 27), dt.date(2024, 10, 30)),  # 第42条 20工作日
        ("permit_issue", dt.date(2024, 9, 27), dt.date(2024, 10, 16)),  # 第44条 10工作日
        ("permit_hearing_request", dt.date(2024, 9, 27), dt.date(2024, 10, 10)),  # 第47条 5工作日
        ("permit_hearing_held", dt.date(2024, 9, 27), dt.date(2024, 10, 30)),  # 第47条 20工作日
        ("permit_hearing_notice", dt.date(2024, 10, 10), dt.date(2024, 9, 25)),  # 第48条 7日前
        ("penalty_hearing_request", dt.date(2024, 9, 27), dt.date(2024, 10, 10)),  # 处罚法 第64条
        ("penalty_hearing_notice", dt.date(2024, 10, 10), dt.date(2024, 9, 25)),  # 第64条 7日前
        ("penalty_service", dt.date(2024, 9, 27), dt.date(2024, 10, 12)),  # 第61条 7工作日
        (
            "penalty_withdraw_publication",
            dt.date(2024, 9, 27),
            dt.date(2024, 10, 8),
        ),  # 第48条 3工作日
        ("legal_aid_objection", dt.date(2024, 9, 26), dt.date(2024, 10, 8)),  # 援助法 第49条 5日
        ("legal_aid_forward_detainee", dt.date(2024, 9, 30), dt.date(2024, 10, 1)),  # 第39条 24小时
        ("petition_acceptance", dt.date(2024, 9, 16), dt.date(2024, 10, 8)),  # 信访 15日
        ("petition_conclusion", dt.date(2024, 8, 2), dt.date(2024, 10, 8)),  # 60日
        ("petition_review", dt.date(2024, 9, 1), dt.date(2024, 10, 8)),  # 复查 30日
        ("petition_recheck", dt.date(2024, 9, 1), dt.date(2024, 10, 8)),  # 复核 30日
    ],
)
def test_each_added_period_meets_its_boundary_across_the_national_day(code, start, due, unit_a1):
    from fazhi.deadlines.services import open_deadline
    from fazhi.testing import make_person

    # A long-stop counts from an old act; the law is the one in force when the
    # application arrives (here in 2024).
    law_on = dt.date(2024, 9, 1) if code.startswith("recon_") else None
    d = open_deadline(make_person(unit_a1), code, start=start, title=code, law_on=law_on)
    assert d.due_date == due
    assert d.period.effective_from is not None and d.period.law and d.period.article


def test_the_new_units_are_listed_with_their_laws():
    assert get_period("recon_longstop_property").mode == "years"
    assert get_period("legal_aid_forward_detainee").mode == "hours"
    assert get_period("litig_trial_first").extendable
