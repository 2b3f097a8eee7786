from __future__ import annotations

from fazhi.auditsup.models import AuditProject, ProjectCheck, SettlementReview
from fazhi.kit.screens import scoped_form

AuditProjectForm = scoped_form(
    AuditProject, "unit", "auditing_body", "year", "kind", "title", "started_on", "reported_on",
    "findings", "problem_amount", "rectified_amount",
)
ProjectCheckForm = scoped_form(
    ProjectCheck, "unit", "project", "checked_on", "body", "issues", "findings"
)
SettlementReviewForm = scoped_form(
    SettlementReview, "unit", "project", "reviewed_on", "reviewer", "submitted_amount",
    "approved_amount", "note",
)
