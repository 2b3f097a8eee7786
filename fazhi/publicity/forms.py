"""Forms of the publicity register: they parse input; validation is in the models."""

from __future__ import annotations

from fazhi.kit.screens import ScopedModelForm, scoped_form
from fazhi.publicity.models import Activity, ExamResult, LawReport, Responsibility, StudySession


class ActivityForm(ScopedModelForm):
    write_links = ("responsibility",)

    class Meta:
        model = Activity
        fields = [
            "unit",
            "title",
            "held_on",
            "format",
            "target",
            "place",
            "audience",
            "materials",
            "responsibility",
        ]


ResponsibilityForm = scoped_form(Responsibility, "unit", "year", "laws", "target", "measures", "planned_events")


StudySessionForm = scoped_form(StudySession, "unit", "held_on", "kind", "topic", "speaker", "attendees", "hours")


ExamResultForm = scoped_form(ExamResult, "unit", "year", "exam", "expected", "took", "passed", "average_score")


LawReportForm = scoped_form(LawReport, "unit", "reported_on", "person_name", "position", "form", "rating")
