"""Certificates and their annual review, the three systems on cases, leniency,
case-file review, supervision letters and the yearly data publication."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.core.workflow import TransitionNotAllowed
from fazhi.enforcement.models import (
    AnnualReview,
    Case,
    Certificate,
    DataPublication,
    FileReview,
    LeniencyItem,
    LeniencyList,
    SupervisionLetter,
    may_enforce,
    may_not_enforce,
)
from fazhi.enforcement.rules import (
    CancelReason,
    CaseKind,
    CaseState,
    CertificateState,
    CriterionTier,
    Grade,
    LeniencyKind,
    LetterState,
)
from fazhi.enforcement.tests.helpers import case, certificate, deadline, sheet

pytestmark = pytest.mark.django_db


# ------------------------------------------------------------------ certificates


def test_a_certificate_is_valid_from_issue_to_expiry_and_not_after_cancellation(
    coordinator, unit_a1
):
    cert = certificate(
        coordinator, unit_a1, issued_on=date(2021, 6, 1), valid_until=date(2024, 5, 31)
    )
    valid = Certificate.objects.valid_on
    assert not valid(date(2021, 5, 31)).exists()
    assert valid(date(2021, 6, 1)).get() == cert
    assert valid(date(2024, 5, 31)).get() == cert
    assert not valid(date(2024, 6, 1)).exists()
    cert.apply("cancel", by=coordinator, on=date(2023, 3, 1), cancel_reason=CancelReason.LEFT_POST)
    assert valid(date(2023, 2, 28)).get() == cert  # the past stays as it was
    assert not valid(date(2023, 3, 1)).exists()


def test_who_may_enforce_today_and_who_may_not(coordinator, unit_a1, unit_a2):
    good = certificate(coordinator, unit_a1, "豫A1", name="张三丰")
    expired = certificate(
        coordinator, unit_a1, "豫A2", name="李四光", valid_until=date(2023, 12, 31)
    )
    certificate(coordinator, unit_a2, "豫B1", name="王五")
    day = date(2024, 6, 1)
    assert list(may_enforce(unit_a1, day)) == [good.person]
    assert list(may_not_enforce(unit_a1, day)) == [expired.person]


def test_a_passed_review_records_the_year_and_keeps_the_certificate_valid(coordinator, unit_a1):
    cert = certificate(coordinator, unit_a1)
    cert.apply("pass_review", by=coordinator, on=date(2022, 12, 10), year=2022, training_hours=48)
    review = AnnualReview.objects.get()
    assert (review.year, review.passed, review.training_hours, review.unit) == (
        2022,
        True,
        48,
        unit_a1,
    )
    cert.refresh_from_db()
    assert cert.state == CertificateState.VALID


def test_a_failed_review_cancels_the_certificate(coordinator, unit_a1):
    cert = certificate(coordinator, unit_a1)
    cert.apply(
        "fail_review",
        by=coordinator,
        on=date(2022, 12, 10),
        year=2022,
        training_hours=12,
        reason="培训学时不足",
    )
    cert.refresh_from_db()
    assert cert.state == CertificateState.CANCELLED
    assert cert.cancelled_on == date(2022, 12, 10)
    assert cert.cancel_reason == CancelReason.FAILED_REVIEW
    assert not AnnualReview.objects.get().passed
    assert cert.allowed_actions(coordinator) == []


def test_a_review_needs_the_training_hours_and_happens_once_a_year(coordinator, unit_a1, settings):
    settings.FAZHI_ENF_MIN_TRAINING_HOURS = 40
    cert = certificate(coordinator, unit_a1)
    with pytest.raises(TransitionNotAllowed, match="少于审验要求的40学时"):
        cert.apply(
            "pass_review", by=coordinator, on=date(2022, 12, 10), year=2022, training_hours=39
        )
    assert not AnnualReview.objects.exists()
    cert.apply("pass_review", by=coordinator, on=date(2022, 12, 10), year=2022, training_hours=40)
    with pytest.raises(TransitionNotAllowed, match="已审验"):
        cert.apply(
            "fail_review",
            by=coordinator,
            on=date(2022, 12, 11),
            year=2022,
            training_hours=0,
            reason="x",
        )
    cert.refresh_from_db()
    assert cert.state == CertificateState.VALID and AnnualReview.objects.count() == 1


def test_it_refuses_a_certificate_expiring_before_it_was_issued_and_writes_nothing(
    coordinator, unit_a1
):
    with pytest.raises(ValidationError) as exc:
        certificate(coordinator, unit_a1, issued_on=date(2022, 1, 1), valid_until=date(2021, 1, 1))
    assert "有效期至不能早于发证日期" in str(exc.value)
    assert not Certificate.objects.exists()


def test_an_outsider_cannot_register_or_review_a_certificate(
    coordinator, liaison_a2, unit_a1, leader
):
    with pytest.raises(ValidationError, match="无权"):
        certificate(liaison_a2, unit_a1)
    cert = certificate(coordinator, unit_a1)
    with pytest.raises(TransitionNotAllowed, match="无权"):
        cert.apply("pass_review", by=leader, on=date(2022, 12, 1), year=2022, training_hours=50)


def test_a_certificate_expiring_within_the_window_goes_on_the_due_list(coordinator, unit_a1):
    today = timezone.localdate()
    soon = certificate(coordinator, unit_a1, "豫A1", valid_until=today + timedelta(days=60))
    later = certificate(coordinator, unit_a1, "豫A2", valid_until=today + timedelta(days=400))
    d = deadline(soon, "enforcement_certificate_renewal")
    # 30 days before expiry (the period row), not computed here by hand.
    assert d.due_date < soon.valid_until and d.is_open
    assert deadline(later, "enforcement_certificate_renewal") is None
    soon.apply("cancel", by=coordinator, on=today, cancel_reason=CancelReason.RETIRED)
    d.refresh_from_db()
    assert not d.is_open


# ------------------------------------------------------------------ cases and the three systems


def test_a_penalty_case_runs_its_ninety_day_decision_period(coordinator, unit_a1):
    c = case(coordinator, unit_a1, opened_on=date(2024, 3, 1))
    assert deadline(c, "penalty_decision").due_date == date(2024, 5, 30)
    c.apply("decide", by=coordinator, on=date(2024, 4, 1), full_record=True)
    assert deadline(c, "penalty_decision").on_time is True


@pytest.mark.parametrize(
    ("published", "late"),
    [
        (date(2024, 10, 11), False),  # the day before the due date
        (
            date(2024, 10, 12),
            False,
        ),  # due: 7 working days, counting the make-up Saturday 12 October
        (date(2024, 10, 14), True),  # the next working day after it
    ],
)
def test_a_penalty_is_published_within_seven_working_days_across_the_national_day_holiday(
    coordinator,
    unit_a1,
    published,
    late,
):
    c = case(coordinator, unit_a1, opened_on=date(2024, 9, 2))
    c.apply("decide", by=coordinator, on=date(2024, 9, 27), full_record=True)
    assert c.publication_due == date(2024, 10, 12)
    c.apply("publish", by=coordinator, on=published)
    c.refresh_from_db()
    assert c.state == CaseState.PUBLISHED
    assert c.published_late is late


def test_other_decisions_have_twenty_working_days_and_inspections_are_not_published(
    coordinator, unit_a1
):
    coercion = case(coordinator, unit_a1, kind=CaseKind.COERCION)
    coercion.apply("decide", by=coordinator, on=date(2024, 9, 27))
    # 20 working days from 27 September 2024: 29 Sept (make-up Sunday) and 12 Oct count, 1–7 Oct do not.
    assert coercion.publication_due == date(2024, 10, 30)
    inspection = case(coordinator, unit_a1, kind=CaseKind.INSPECTION)
    inspection.apply("decide", by=coordinator, on=date(2024, 9, 27))
    assert inspection.publication_due is None
    assert "publish" not in [t.action for t in inspection.allowed_actions(coordinator)]


def test_a_major_decision_cannot_be_recorded_without_a_passed_legal_review(coordinator, unit_a1):
    c = case(coordinator, unit_a1, is_major=True)
    with pytest.raises(TransitionNotAllowed, match="法制审核"):
        c.apply("decide", by=coordinator, on=date(2024, 9, 20))
    c.apply("legal_review", by=coordinator, on=date(2024, 9, 10), passed=False, reviewer="赵六")
    with pytest.raises(TransitionNotAllowed, match="法制审核"):
        c.apply("decide", by=coordinator, on=date(2024, 9, 20))
    c.refresh_from_db()
    assert c.state == CaseState.OPEN and c.decided_on is None
    c.apply("legal_review", by=coordinator, on=date(2024, 9, 12), passed=True, reviewer="赵六")
    c.apply("decide", by=coordinator, on=date(2024, 9, 20), full_record=True)
    assert c.state == CaseState.DECIDED


def test_it_refuses_a_decision_dated_before_the_case_was_opened(coordinator, unit_a1):
    c = case(coordinator, unit_a1, opened_on=date(2024, 9, 2))
    with pytest.raises(TransitionNotAllowed, match="早于"):
        c.apply("decide", by=coordinator, on=date(2024, 9, 1))
    c.refresh_from_db()
    assert c.state == CaseState.OPEN


def test_an_imported_major_decision_without_review_is_refused_by_clean(unit_a1):
    c = Case(
        unit=unit_a1,
        kind=CaseKind.PENALTY,
        party_name="李四",
        matter="x",
        opened_on=date(2024, 1, 2),
        decided_on=date(2024, 2, 1),
        is_major=True,
    )
    c.prepare_history()
    with pytest.raises(ValidationError) as exc:
        c.full_clean()
    assert "行政处罚法第58条" in str(exc.value)


def test_history_import_computes_publication_lateness_with_the_deadlines_arithmetic(unit_a1):
    c = Case(
        unit=unit_a1,
        kind=CaseKind.PENALTY,
        party_name="李四",
        matter="x",
        opened_on=date(2024, 9, 2),
        decided_on=date(2024, 9, 27),
        published_on=date(2024, 10, 14),
    )
    c.prepare_history()
    assert (c.state, c.publication_due, c.published_late) == (
        CaseState.PUBLISHED,
        date(2024, 10, 12),
        True,
    )


# ------------------------------------------------------------------ leniency


@pytest.fixture
def first_violation_item(unit_a1):
    lst = LeniencyList.objects.create(
        unit=unit_a1,
        kind=LeniencyKind.FIRST,
        title="市场监管领域首违不罚清单",
        published_on=date(2023, 1, 1),
    )
    return LeniencyItem.objects.create(
        leniency_list=lst,
        violation="未按规定公示营业执照",
        legal_basis="行政处罚法第33条",
        conditions="首次违法、及时改正、危害后果轻微",
    )


def test_a_case_decided_under_the_units_leniency_list_is_a_no_penalty_case(
    coordinator, unit_a1, first_violation_item
):
    c = case(coordinator, unit_a1)
    c.apply(
        "decide",
        by=coordinator,
        on=date(2024, 9, 20),
        no_penalty=True,
        leniency_item=first_violation_item,
        full_record=True,
    )
    assert c.leniency_item == first_violation_item and c.no_penalty


def test_leniency_needs_a_no_penalty_decision_and_the_units_own_list(
    coordinator, unit_a1, unit_a2, first_violation_item
):
    c = case(coordinator, unit_a1)
    with pytest.raises(ValidationError, match="不予处罚"):
        c.apply(
            "decide",
            by=coordinator,
            on=date(2024, 9, 20),
            no_penalty=False,
            leniency_item=first_violation_item,
        )
    other = case(coordinator, unit_a2)
    with pytest.raises(ValidationError, match="不是本单位"):
        other.apply(
            "decide",
            by=coordinator,
            on=date(2024, 9, 20),
            no_penalty=True,
            leniency_item=first_violation_item,
        )
    assert not Case.objects.filter(decided_on__isnull=False).exists()


def test_a_list_published_after_the_decision_cannot_be_applied(
    coordinator, unit_a1, first_violation_item
):
    c = case(coordinator, unit_a1, opened_on=date(2022, 6, 1))
    with pytest.raises(ValidationError, match="晚于决定日期"):
        c.apply(
            "decide",
            by=coordinator,
            on=date(2022, 7, 1),
            no_penalty=True,
            leniency_item=first_violation_item,
        )


# ------------------------------------------------------------------ case-file review


def test_a_sheet_must_add_up_to_a_hundred_points(coordinator, county_a):
    from fazhi.enforcement.models import ReviewSheet

    with pytest.raises(ValidationError, match="合计为90分"):
        ReviewSheet.create(
            by=coordinator,
            unit=county_a,
            name="x",
            year=2022,
            criteria=[(CriterionTier.FORM, "卷面", 20), (CriterionTier.SUBSTANCE, "内容", 70)],
        )
    assert not ReviewSheet.objects.exists()


def test_a_file_review_scores_the_deductions_and_keeps_them(coordinator, county_a, unit_a1):
    s = sheet(coordinator, county_a)
    form, substance = (
        s.criteria.get(tier=CriterionTier.FORM),
        s.criteria.filter(tier=CriterionTier.SUBSTANCE).first(),
    )
    review = FileReview.record(
        by=coordinator,
        unit=unit_a1,
        sheet=s,
        file_number="确市监罚〔2022〕3号",
        reviewed_on=date(2022, 11, 20),
        reviewers="张三、李四",
        deductions={form.pk: 25, substance.pk: "3.5"},
    )
    assert review.score == Decimal("76.5")  # the 20-point item loses 20, not 25
    assert review.grade == Grade.PASS
    assert review.deductions.count() == 2
    assert review.masked_reviewers == "张某某、李某某"


def test_a_veto_item_fails_the_file(coordinator, county_a, unit_a1):
    s = sheet(coordinator, county_a)
    veto = s.criteria.filter(tier=CriterionTier.VETO).first()
    review = FileReview.record(
        by=coordinator,
        unit=unit_a1,
        sheet=s,
        file_number="A-1",
        reviewed_on=date(2022, 11, 20),
        reviewers="张三",
        vetoes=[veto.pk],
    )
    assert (review.score, review.grade, review.vetoed) == (0, Grade.FAIL, True)


def test_bad_scoring_input_is_refused_and_nothing_is_written(
    coordinator, county_a, unit_a1, liaison_a2
):
    s = sheet(coordinator, county_a)
    item = s.criteria.get(tier=CriterionTier.FORM)
    with pytest.raises(ValidationError, match="不能为负数"):
        FileReview.record(
            by=coordinator,
            unit=unit_a1,
            sheet=s,
            file_number="A-1",
            reviewed_on=date(2022, 11, 20),
            reviewers="张三",
            deductions={item.pk: -5},
        )
    with pytest.raises(ValidationError, match="评查人员"):
        FileReview.record(
            by=coordinator,
            unit=unit_a1,
            sheet=s,
            file_number="A-1",
            reviewed_on=date(2022, 11, 20),
            reviewers=" ",
        )
    with pytest.raises(ValidationError, match="无权"):
        FileReview.record(
            by=liaison_a2,
            unit=unit_a1,
            sheet=s,
            file_number="A-1",
            reviewed_on=date(2022, 11, 20),
            reviewers="张三",
        )
    assert not FileReview.objects.exists()


# ------------------------------------------------------------------ supervision letters


def test_a_supervision_letter_runs_its_rectification_period_to_follow_up(
    coordinator, unit_a1, unit_a2, liaison_a2
):
    letter = SupervisionLetter.issue(
        by=coordinator,
        issuer=unit_a1,
        recipient=unit_a2,
        number="确司执监〔2022〕1号",
        issued_on=date(2022, 11, 1),
        problems="处罚决定书未说明理由",
    )
    assert deadline(letter, "enforcement_rectification").due_date == date(2022, 12, 1)
    # The recipient reports; only the issuer's side may verify.
    letter.apply("report", by=liaison_a2, on=date(2022, 11, 25), report="已重新制作文书")
    with pytest.raises(TransitionNotAllowed, match="制发机关"):
        letter.apply("verify", by=liaison_a2, on=date(2022, 11, 28))
    letter.apply("send_back", by=coordinator, on=date(2022, 11, 28), reason="未附整改材料")
    assert letter.state == LetterState.ISSUED
    letter.apply("report", by=liaison_a2, on=date(2023, 1, 5), report="已补充")
    assert letter.reported_late is True  # due 28 Dec 2022 after being sent back
    letter.apply("verify", by=coordinator, on=date(2023, 1, 6))
    assert letter.state == LetterState.CLOSED


def test_a_letter_to_another_county_is_refused(coordinator, unit_a1, county_b):
    with pytest.raises(ValidationError, match="送达单位"):
        SupervisionLetter.issue(
            by=coordinator,
            issuer=unit_a1,
            recipient=county_b,
            number="x",
            issued_on=date(2022, 11, 1),
            problems="x",
        )
    assert not SupervisionLetter.objects.exists()


# ------------------------------------------------------------------ yearly data publication


def test_the_yearly_data_is_due_by_31_january_and_late_after(coordinator, unit_a1):
    pub = DataPublication.prepare(by=coordinator, unit=unit_a1, year=2022)
    assert pub.due_on == date(2023, 1, 31)
    assert DataPublication.prepare(by=coordinator, unit=unit_a1, year=2022) == pub  # idempotent
    with pytest.raises(TransitionNotAllowed, match="年度结束后"):
        pub.apply("publish", by=coordinator, on=date(2022, 12, 30))
    pub.apply("publish", by=coordinator, on=date(2023, 2, 1), where="确山县人民政府网")
    assert pub.published_late is True
