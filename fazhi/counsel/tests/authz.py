"""Who may reach each route of counsel: its rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from fazhi.api.tests.authz_support import api_rows, auto_factory, reader, writer

ROUTES = {
    # Records are kept, not deleted; `auto` records fail full validation (PATCH {} is 400).
    **api_rows(
        "counsel",
        auto_factory("counsel.Counsel"),
        list_actions=("uncovered",),
        disallow=("DELETE",),
        patch=400,
    ),
    **api_rows("opinion", auto_factory("counsel.Opinion"), disallow=("DELETE",), patch=400),
    "counsel:list": reader(),  # counsel/
    "counsel:opinion_create": writer(),  # counsel/opinions/new/
    "counsel:template": reader(),  # counsel/template.xlsx
    "counsel:import": writer(),  # counsel/import/
    "counsel:export": reader(),  # counsel/export.xlsx
    "counsel:export_full": writer(),  # the export for editing: full data
}
