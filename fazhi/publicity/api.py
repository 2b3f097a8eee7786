"""REST API of the publicity register (plain records), scoped exactly like the screens:
the fields of each record's screen form."""

from __future__ import annotations

from fazhi.kit.api_workflow import simple_viewset
from fazhi.org.validators import mask_parties
from fazhi.publicity import forms
from fazhi.publicity.models import Activity, ExamResult, LawReport, Responsibility, StudySession

ROUTES = [
    ("publicity/activities", simple_viewset(Activity, forms.ActivityForm.Meta.fields)),
    (
        "publicity/responsibilities",
        simple_viewset(Responsibility, forms.ResponsibilityForm.Meta.fields),
    ),
    ("publicity/study", simple_viewset(StudySession, forms.StudySessionForm.Meta.fields)),
    ("publicity/exams", simple_viewset(ExamResult, forms.ExamResultForm.Meta.fields)),
    (
        "publicity/reports",
        simple_viewset(
            LawReport,
            forms.LawReportForm.Meta.fields,
            {"person_name": lambda r: mask_parties(r.person_name)},
        ),
    ),
]
