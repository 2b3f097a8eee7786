"""Publicity and study records: validation in Chinese, nothing saved on bad input."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.publicity.models import Activity, ExamResult, Responsibility, StudySession
from fazhi.publicity.rules import SIX_INTO, Format, Target, exam_participation_rate

pytestmark = pytest.mark.django_db


def test_an_activity_in_the_future_is_refused(unit_a1):
    a = Activity(
        unit=unit_a1,
        title="x",
        held_on=timezone.localdate() + timedelta(days=1),
        format=Format.COUNTRYSIDE,
        target=Target.VILLAGES,
    )
    with pytest.raises(ValidationError, match="未来"):
        a.full_clean()


def test_an_activity_links_only_to_its_own_units_responsibility_of_that_year(unit_a1, unit_a2):
    r = Responsibility.objects.create(
        unit=unit_a2, year=2022, laws="食品安全法", target=Target.ENTERPRISES
    )
    a = Activity(
        unit=unit_a1,
        title="x",
        held_on=date(2022, 5, 1),
        format=Format.COUNTRYSIDE,
        target=Target.VILLAGES,
        responsibility=r,
    )
    with pytest.raises(ValidationError, match="不属于主办单位"):
        a.full_clean()
    r2 = Responsibility.objects.create(
        unit=unit_a1, year=2021, laws="安全生产法", target=Target.ENTERPRISES
    )
    a.responsibility = r2
    with pytest.raises(ValidationError, match="年度"):
        a.full_clean()


def test_study_hours_must_be_positive(unit_a1):
    s = StudySession(
        unit=unit_a1, held_on=date(2022, 5, 1), kind="executive", topic="宪法", hours=Decimal(0)
    )
    with pytest.raises(ValidationError, match="学时"):
        s.full_clean()


def test_exam_counts_must_be_consistent(unit_a1):
    e = ExamResult(unit=unit_a1, year=2022, expected=10, took=12, passed=5)
    with pytest.raises(ValidationError, match="实际参考人数不能多于应参考人数"):
        e.full_clean()
    e = ExamResult(
        unit=unit_a1, year=2022, expected=10, took=8, passed=9, average_score=Decimal(101)
    )
    with pytest.raises(ValidationError) as exc:
        e.full_clean()
    assert "合格人数" in str(exc.value) and "平均分" in str(exc.value)


def test_the_participation_rate_is_took_over_expected(unit_a1):
    assert (
        ExamResult(unit=unit_a1, year=2022, expected=40, took=38, passed=36).participation_rate
        == 95
    )
    assert exam_participation_rate(0, 0) is None


def test_the_six_into_targets_are_six():
    assert len(SIX_INTO) == 6
