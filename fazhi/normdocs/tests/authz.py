"""Who may reach each route of normdocs: its rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from fazhi.api.tests.authz_support import (
    api_rows,
    auto_factory,
    first_action,
    reader,
    record_action,
    record_read,
    writer,
)

ROUTES = {
    # Kept, not deleted; an `auto` review item fails the full validation (PATCH {} is 400).
    **api_rows("issuer", auto_factory("normdocs.Issuer"), disallow=("DELETE",)),
    **api_rows("document", auto_factory("normdocs.Document"), "transition", disallow=("DELETE",)),
    **api_rows("reviewitem", auto_factory("normdocs.ReviewItem"), disallow=("DELETE",), patch=400),
    **api_rows("cleanup", auto_factory("normdocs.Cleanup"), "decide", disallow=("DELETE",)),
    "normdocs:list": reader(),  # normdocs/
    "normdocs:create": writer(),  # normdocs/new/
    "normdocs:cleanup_create": writer(),  # normdocs/cleanups/new/
    "normdocs:cleanup": record_read(
        auto_factory("normdocs.Cleanup")
    ),  # normdocs/cleanups/<int:pk>/
    "normdocs:detail": record_read(auto_factory("normdocs.Document")),  # normdocs/<int:pk>/
    "normdocs:act": record_action(
        auto_factory("normdocs.Document"),
        kwargs=first_action("fazhi.normdocs.rules.TRANSITIONS"),
        post=400,  # an empty form is refused on the re-rendered page (core.workflow_views.act_on)
    ),  # normdocs/<int:pk>/act/<slug:action>/
    "normdocs:template": reader(),  # normdocs/template.xlsx
    "normdocs:import": writer(),  # normdocs/import/
    "normdocs:export": reader(),  # normdocs/export.xlsx
    "normdocs:export_full": writer(),  # the export for editing: full data
    "normdocs:reviews:template": reader(),  # normdocs/reviews/template.xlsx
    "normdocs:reviews:import": writer(),  # normdocs/reviews/import/
    "normdocs:reviews:export": reader(),  # normdocs/reviews/export.xlsx
    "normdocs:reviews:export_full": writer(),  # the export for editing: full data
}
