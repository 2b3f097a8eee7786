"""Who may reach each route of decisions: its rows of the authorization matrix (fazhi/api/authz.py)."""

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
    # Kept, not deleted; an `auto` catalogue fails the full validation (PATCH {} is 400).
    **api_rows("catalogue", auto_factory("decisions.Catalogue"), disallow=("DELETE",), patch=400),
    **api_rows("decision", auto_factory("decisions.Decision"), "transition", disallow=("DELETE",)),
    "decisions:list": reader(),  # decisions/
    "decisions:timeline": reader(),  # decisions/timeline/
    "decisions:create": writer(),  # decisions/new/
    "decisions:catalogue_create": writer(),  # decisions/catalogues/new/
    "decisions:detail": record_read(auto_factory("decisions.Decision")),  # decisions/<int:pk>/
    "decisions:act": record_action(
        auto_factory("decisions.Decision"),
        kwargs=first_action("fazhi.decisions.rules.TRANSITIONS"),
        post=400,  # an empty form is refused on the re-rendered page (core.workflow_views.act_on)
    ),  # decisions/<int:pk>/act/<slug:action>/
    "decisions:template": reader(),  # decisions/template.xlsx
    "decisions:import": writer(),  # decisions/import/
    "decisions:export": reader(),  # decisions/export.xlsx
    "decisions:export_full": writer(),  # the export for editing: full data
}
