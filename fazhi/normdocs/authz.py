"""Who may reach each route of normdocs: its rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from fazhi.api.authz import api_rows, auto_factory, reader, record_action, record_read, writer

ROUTES = {
    **api_rows("issuer", auto_factory("normdocs.Issuer")),
    **api_rows("document", auto_factory("normdocs.Document"), "transition"),
    **api_rows("reviewitem", auto_factory("normdocs.ReviewItem")),
    **api_rows("cleanup", auto_factory("normdocs.Cleanup"), "decide"),
    "normdocs:list": reader(),  # normdocs/
    "normdocs:create": writer(),  # normdocs/new/
    "normdocs:cleanup_create": writer(),  # normdocs/cleanups/new/
    "normdocs:cleanup": record_read(
        auto_factory("normdocs.Cleanup")
    ),  # normdocs/cleanups/<int:pk>/
    "normdocs:detail": record_read(auto_factory("normdocs.Document")),  # normdocs/<int:pk>/
    "normdocs:act": record_action(auto_factory("normdocs.Document")),  # normdocs/<int:pk>/act/
    "normdocs:template": reader(),  # normdocs/template.xlsx
    "normdocs:import": writer(),  # normdocs/import/
    "normdocs:export": reader(),  # normdocs/export.xlsx
    "normdocs:reviews:template": reader(),  # normdocs/reviews/template.xlsx
    "normdocs:reviews:import": writer(),  # normdocs/reviews/import/
    "normdocs:reviews:export": reader(),  # normdocs/reviews/export.xlsx
}
