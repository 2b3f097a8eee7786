"""Forms of the publicity register: they parse input; validation is in the models."""

from __future__ import annotations

from typing import Any

from fazhi.kit.screens import ScopedModelForm, scoped_form
from fazhi.org.scope import visible_to
from fazhi.publicity.models import Activity, ExamResult, LawReport, Responsibility, StudySession


class ActivityForm(ScopedModelForm):
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

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.fields["responsibility"].queryset = visible_to(
            user, Responsibility.objects.all(), write=True
        )


ResponsibilityForm = scoped_form(Responsibility, "unit", "year", "laws", "target", "measures", "planned_events")


StudySessionForm = scoped_form(StudySession, "unit", "held_on", "kind", "topic", "speaker", "attendees", "hours")


ExamResultForm = scoped_form(ExamResult, "unit", "year", "exam", "expected", "took", "passed", "average_score")


LawReportForm = scoped_form(LawReport, "unit", "reported_on", "person_name", "position", "form", "rating")
