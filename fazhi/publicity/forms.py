"""Forms of the publicity register: they parse input; validation is in the models."""

from __future__ import annotations

from typing import Any

from fazhi.kit.screens import ScopedModelForm
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


class ResponsibilityForm(ScopedModelForm):
    class Meta:
        model = Responsibility
        fields = ["unit", "year", "laws", "target", "measures", "planned_events"]


class StudySessionForm(ScopedModelForm):
    class Meta:
        model = StudySession
        fields = ["unit", "held_on", "kind", "topic", "speaker", "attendees", "hours"]


class ExamResultForm(ScopedModelForm):
    class Meta:
        model = ExamResult
        fields = ["unit", "year", "exam", "expected", "took", "passed", "average_score"]


class LawReportForm(ScopedModelForm):
    class Meta:
        model = LawReport
        fields = ["unit", "reported_on", "person_name", "position", "form", "rating"]
