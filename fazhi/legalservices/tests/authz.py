"""Who may reach each route of legalservices: its rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from typing import Any

from fazhi.api.tests.authz_support import (
    Ctx,
    api_rows,
    auto_factory,
    first_action,
    reader,
    record_action,
    record_read,
    screen_rows,
    writer,
)
from fazhi.legalservices.views import SCREENS, SECTION


def AID(ctx: Ctx) -> Any:  # noqa: N802
    from fazhi.legalservices.tests.factories import make_aid

    return make_aid(ctx.unit, ctx.owner)


ROUTES = {
    # An application that has moved on may not be deleted (403).
    **api_rows("aidapplication", AID, "transition", delete=403),
    **api_rows("notarisation", auto_factory("legalservices.Notarisation")),
    # An `auto` helper fails the model's full validation: PATCH {} is 400.
    **api_rows("legalhelper", auto_factory("legalservices.LegalHelper"), patch=400),
    **api_rows("servicevisit", auto_factory("legalservices.ServiceVisit")),
    "legalservices:aid_new": writer(),  # legalservices/aid/new/
    "legalservices:aid_detail": record_read(AID),  # legalservices/aid/<int:pk>/
    "legalservices:aid_act": record_action(
        AID, kwargs=first_action("fazhi.legalservices.rules.TRANSITIONS")
    ),  # legalservices/aid/<int:pk>/act/<slug:action>/
    "legalservices:figures": reader(),  # legalservices/figures/
    # legalservices/ (legal aid: list and xlsx), notarisations/, helpers/, visits/: list,
    # new/, <int:pk>/, and xlsx template/import/export.
    **screen_rows(SECTION, SCREENS),
}
