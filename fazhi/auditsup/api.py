"""REST API of the audit supervision register (plain records), scoped like the screens:
the fields of each record's screen form. The amount cut of a settlement review is
computed, never written."""

from __future__ import annotations

from fazhi.auditsup import forms
from fazhi.auditsup.models import AuditProject, ProjectCheck, SettlementReview
from fazhi.kit.api_workflow import simple_viewset

ReviewViewSet = simple_viewset(
    SettlementReview, [*forms.SettlementReviewForm.Meta.fields, "amount_cut"]
)
ReviewViewSet.serializer_class.Meta.read_only_fields = ["amount_cut"]

ROUTES = [
    ("auditsup/projects", simple_viewset(AuditProject, forms.AuditProjectForm.Meta.fields)),
    ("auditsup/checks", simple_viewset(ProjectCheck, forms.ProjectCheckForm.Meta.fields)),
    ("auditsup/settlements", ReviewViewSet),
]
