"""Publicity and study indicators on hand-built data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from fazhi.indicators.engine import compute, records
from fazhi.publicity.models import Activity, ExamResult, LawReport, StudySession
from fazhi.publicity.rules import Format, StudyKind, Target

pytestmark = pytest.mark.django_db


def _activity(unit, fmt, held_on=date(2022, 5, 1), audience=100, materials=50):
    return Activity.objects.create(
        unit=unit,
        title="活动",
        held_on=held_on,
        format=fmt,
        target=Target.VILLAGES,
        audience=audience,
        materials=materials,
    )


def test_events_and_lectures_are_counted_apart_and_materials_summed(unit_a1, county_a):
    _activity(unit_a1, Format.COUNTRYSIDE)
    _activity(unit_a1, Format.CAMPAIGN)
    lecture = _activity(unit_a1, Format.LECTURE, materials=10)
    _activity(unit_a1, Format.COUNTRYSIDE, held_on=date(2023, 1, 2))
    values = compute(
        county_a,
        2022,
        ["publicity_events", "publicity_lectures", "publicity_materials", "publicity_audience"],
    )
    assert values == {
        "publicity_events": 2,
        "publicity_lectures": 1,
        "publicity_materials": 110,
        "publicity_audience": 300,
    }
    assert list(records("publicity_lectures", county_a, 2022)) == [lecture]


def test_study_sessions_count_executive_meetings_and_central_groups(unit_a1, county_a):
    for kind in (
        StudyKind.EXECUTIVE,
        StudyKind.CENTRAL_GROUP,
        StudyKind.LECTURE,
        StudyKind.TRAINING,
    ):
        StudySession.objects.create(
            unit=unit_a1, held_on=date(2022, 5, 1), kind=kind, topic="宪法", hours=Decimal("1.5")
        )
    values = compute(county_a, 2022, ["study_sessions", "study_lectures", "study_hours"])
    assert values == {"study_sessions": 2, "study_lectures": 1, "study_hours": Decimal("6.0")}


def test_exam_participation_and_law_reports(unit_a1, unit_a2, county_a):
    ExamResult.objects.create(unit=unit_a1, year=2022, expected=40, took=38, passed=36)
    ExamResult.objects.create(unit=unit_a2, year=2022, expected=60, took=60, passed=58)
    ExamResult.objects.create(unit=unit_a2, year=2021, expected=60, took=10, passed=10)
    LawReport.objects.create(
        unit=unit_a1,
        reported_on=date(2022, 12, 1),
        person_name="张三",
        position="局长",
        form="meeting",
    )
    values = compute(
        county_a,
        2022,
        ["exam_participants", "exam_expected", "exam_participation_rate", "law_reports"],
    )
    assert values == {
        "exam_participants": 98,
        "exam_expected": 100,
        "exam_participation_rate": Decimal("98.0"),
        "law_reports": 1,
    }


def test_another_counties_activities_are_not_counted(unit_a1, county_b):
    _activity(unit_a1, Format.COUNTRYSIDE)
    assert compute(county_b, 2022, ["publicity_events"]) == {"publicity_events": 0}


def test_the_figures_take_one_query_for_the_unit_tree_and_one_per_model(unit_a1, county_a, django_assert_max_num_queries):
    from fazhi.publicity.indicators import INDICATORS

    with django_assert_max_num_queries(1 + len({i.model for i in INDICATORS if i.model})):
        compute(county_a, 2022, [i.code for i in INDICATORS])
