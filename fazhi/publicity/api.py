"""REST API of the publicity register (plain records), scoped exactly like the screens."""

from __future__ import annotations

from fazhi.kit.api_workflow import simple_viewset
from fazhi.org.validators import mask_parties
from fazhi.publicity.models import Activity, ExamResult, LawReport, Responsibility, StudySession

ROUTES = [
    (
        "publicity/activities",
        simple_viewset(
            Activity,
            [
                "unit",
                "title",
                "held_on",
                "format",
                "target",
                "place",
                "audience",
                "materials",
                "responsibility",
            ],
        ),
    ),
    (
        "publicity/responsibilities",
        simple_viewset(
            Responsibility, ["unit", "year", "laws", "target", "measures", "planned_events"]
        ),
    ),
    (
        "publicity/study",
        simple_viewset(
            StudySession, ["unit", "held_on", "kind", "topic", "speaker", "attendees", "hours"]
        ),
    ),
    (
        "publicity/exams",
        simple_viewset(
            ExamResult, ["unit", "year", "exam", "expected", "took", "passed", "average_score"]
        ),
    ),
    (
        "publicity/reports",
        simple_viewset(
            LawReport,
            ["unit", "reported_on", "position", "form", "rating"],
            {"person_name": lambda r: mask_parties(r.person_name)},
        ),
    ),
]
