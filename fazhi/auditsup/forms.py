from __future__ import annotations

from fazhi.auditsup.models import AuditProject, ProjectCheck, SettlementReview
from fazhi.kit.screens import ScopedModelForm


class AuditProjectForm(ScopedModelForm):
    class Meta:
        model = AuditProject
        fields = [
            "unit",
            "auditing_body",
            "year",
            "kind",
            "title",
            "started_on",
            "reported_on",
            "findings",
            "problem_amount",
            "rectified_amount",
        ]


class ProjectCheckForm(ScopedModelForm):
    class Meta:
        model = ProjectCheck
        fields = ["unit", "project", "checked_on", "body", "issues", "findings"]


class SettlementReviewForm(ScopedModelForm):
    class Meta:
        model = SettlementReview
        fields = [
            "unit",
            "project",
            "reviewed_on",
            "reviewer",
            "submitted_amount",
            "approved_amount",
            "note",
        ]
