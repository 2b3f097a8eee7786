"""REST API of the audit supervision register (plain records), scoped like the screens.
The amount cut of a settlement review is computed, never written."""

from __future__ import annotations

from fazhi.auditsup.models import AuditProject, ProjectCheck, SettlementReview
from fazhi.kit.api_workflow import simple_viewset

ReviewViewSet = simple_viewset(
    SettlementReview,
    [
        "unit",
        "project",
        "reviewed_on",
        "reviewer",
        "submitted_amount",
        "approved_amount",
        "amount_cut",
        "note",
    ],
)
ReviewViewSet.serializer_class.Meta.read_only_fields = ["amount_cut"]

ROUTES = [
    (
        "auditsup/projects",
        simple_viewset(
            AuditProject,
            [
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
            ],
        ),
    ),
    (
        "auditsup/checks",
        simple_viewset(
            ProjectCheck, ["unit", "project", "checked_on", "body", "issues", "findings"]
        ),
    ),
    ("auditsup/settlements", ReviewViewSet),
]
