"""Who may reach each route of decisions: its rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from fazhi.api.authz import api_rows, auto_factory, reader, record_action, record_read, writer

ROUTES = {
    **api_rows("catalogue", auto_factory("decisions.Catalogue")),
    **api_rows("decision", auto_factory("decisions.Decision"), "transition"),
    "decisions:list": reader(),  # decisions/
    "decisions:timeline": reader(),  # decisions/timeline/
    "decisions:create": writer(),  # decisions/new/
    "decisions:catalogue_create": writer(),  # decisions/catalogues/new/
    "decisions:detail": record_read(auto_factory("decisions.Decision")),  # decisions/<int:pk>/
    "decisions:act": record_action(auto_factory("decisions.Decision")),  # decisions/<int:pk>/act/
    "decisions:template": reader(),  # decisions/template.xlsx
    "decisions:import": writer(),  # decisions/import/
    "decisions:export": reader(),  # decisions/export.xlsx
}
